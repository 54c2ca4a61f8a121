-- The permanent tables and views of the main schema and their columns, for the data
-- dictionary's comments and its test. rapor's bookkeeping (schema_migrations, rapor_*) is left out.
-- Columns: kind ('TABLE' | 'VIEW'), table_name, column_name ('' for the table itself), comment
-- (NULL when it has none).
WITH objects AS (
    SELECT 'TABLE' AS kind, table_name, comment FROM duckdb_tables()
    WHERE database_name = current_database() AND schema_name = 'main' AND NOT temporary
    UNION ALL
    SELECT 'VIEW', view_name, comment FROM duckdb_views()
    WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal AND NOT temporary
)
SELECT o.kind, o.table_name, '' AS column_name, o.comment FROM objects AS o
WHERE o.table_name <> 'schema_migrations' AND NOT starts_with(o.table_name, 'rapor_')
UNION ALL
SELECT o.kind, o.table_name, c.column_name, c.comment
FROM objects AS o
JOIN duckdb_columns() AS c
  ON c.database_name = current_database() AND c.schema_name = 'main' AND c.table_name = o.table_name
WHERE o.table_name <> 'schema_migrations' AND NOT starts_with(o.table_name, 'rapor_')
ORDER BY 2, 3

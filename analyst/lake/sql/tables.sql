-- The columns of every table and view of the database that an export writes (not DuckDB's
-- internal ones, not temporary ones, not schema_migrations): one row per column, table_name,
-- column_name, data_type, by table and column position. Views are included: complaints (the
-- current versions) is one. No parameters.
WITH relations AS (
    SELECT database_name, schema_name, table_name AS name FROM duckdb_tables()
    WHERE NOT internal AND NOT temporary
    UNION ALL
    SELECT database_name, schema_name, view_name FROM duckdb_views()
    WHERE NOT internal AND NOT temporary
)
SELECT c.table_name, c.column_name, c.data_type
FROM duckdb_columns() AS c
JOIN relations AS t ON t.database_name = c.database_name AND t.schema_name = c.schema_name AND t.name = c.table_name
WHERE c.schema_name = 'main' AND c.database_name = current_database()
  AND c.table_name <> 'schema_migrations'
ORDER BY c.table_name, c.column_index

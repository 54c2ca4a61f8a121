-- .tables: the tables and views of the database (not DuckDB's internal ones, not temporary
-- ones), by name: name, type (table | view), approx_rows (DuckDB's estimate; NULL for a view),
-- comment. No parameters.
SELECT table_name AS name, 'table' AS type, estimated_size AS approx_rows, comment
FROM duckdb_tables()
WHERE NOT internal AND schema_name = 'main' AND NOT temporary
UNION ALL
SELECT view_name, 'view', NULL, comment
FROM duckdb_views()
WHERE NOT internal AND schema_name = 'main' AND NOT temporary
ORDER BY name

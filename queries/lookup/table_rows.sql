-- table_rows: whether a table a named query reads has been filled.
-- Grain: one row. Parameters: $1 the table's name.
-- Columns: rows BIGINT (DuckDB's count of the table's rows; -1 when there is no such table).
SELECT coalesce(max(estimated_size), -1)::BIGINT AS rows
FROM duckdb_tables()
WHERE table_name = $1::VARCHAR

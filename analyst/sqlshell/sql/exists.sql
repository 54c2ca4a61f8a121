-- Whether a table or view of that name (in any case) is in the database: one row if so, none if
-- not. $1 the name.
SELECT 1
FROM duckdb_columns()
WHERE schema_name = 'main' AND lower(table_name) = lower($1::VARCHAR)
LIMIT 1

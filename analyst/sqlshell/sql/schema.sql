-- .schema: the columns of every table and view, or of one (its name in any case), by table and
-- column position: table, column, type, null ('NOT NULL' or ''), comment.
-- $1 the table's name, or NULL for all.
SELECT table_name AS "table", column_name AS "column", data_type AS type,
       CASE WHEN is_nullable THEN '' ELSE 'NOT NULL' END AS "null", comment
FROM duckdb_columns()
WHERE NOT internal AND schema_name = 'main'
  AND ($1::VARCHAR IS NULL OR lower(table_name) = lower($1::VARCHAR))
ORDER BY table_name, column_index

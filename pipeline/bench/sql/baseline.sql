-- The baseline that rapor ingest is timed against: DuckDB's own CSV reader loading the export,
-- every column as text, into a table raw of a new database file.
-- $1 the CSV file's path.
CREATE TABLE raw AS
SELECT * FROM read_csv($1, all_varchar = true)

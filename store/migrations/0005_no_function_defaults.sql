-- 0005: no column default calls a function. DuckDB binds such a default again when it replays
-- the write-ahead log, and cannot there (duckdb/duckdb#18259, #19712): after any ALTER of the
-- table (a build's COMMENT ON COLUMN from the data dictionary, on its first run) a crash before
-- the next checkpoint left a database file that no longer opened ("Failure while replaying WAL
-- file ... GetDefaultDatabase with no default database set"). rapor population and the
-- migrations now write loaded_at and applied_at themselves. store's TestNoFunctionDefaults
-- keeps every later table to the rule.
ALTER TABLE area_population ALTER COLUMN loaded_at DROP DEFAULT;
ALTER TABLE schema_migrations ALTER COLUMN applied_at DROP DEFAULT;

-- schema_migrations: the migrations applied to the database file, created if missing before any.
-- Grain: one row per migration applied (version, file name, when). No parameters.
CREATE TABLE IF NOT EXISTS schema_migrations (
    version     INTEGER PRIMARY KEY,
    name        VARCHAR NOT NULL,
    applied_at  TIMESTAMPTZ NOT NULL   -- written by the insert: no function defaults (migration 0005)
)

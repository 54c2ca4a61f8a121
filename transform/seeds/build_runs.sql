-- build_runs: the log of builds, failed ones included (written outside the build's transaction,
-- so it is created if missing rather than replaced).
-- Grain: one row per build attempted, written by insert_build_run.sql. Columns: queries/README.md.
-- No parameters.
CREATE TABLE IF NOT EXISTS build_runs (
    build_id       BIGINT PRIMARY KEY,
    started_at     TIMESTAMPTZ NOT NULL,
    finished_at    TIMESTAMPTZ NOT NULL,
    status         VARCHAR NOT NULL,   -- ok | failed
    error          VARCHAR,
    failed_tests   VARCHAR[],
    as_of          TIMESTAMPTZ,
    complaints     BIGINT,
    config         JSON,
    rapor_version  VARCHAR NOT NULL
)

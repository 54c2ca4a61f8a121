-- warnings_raised: every early warning (table warnings) ever raised, with the build that first
-- raised it: a warning of the current build is new when its key is not here. Kept across builds
-- (created once, never replaced); insert_warnings_raised.sql adds the new keys at the end of a
-- build whose data tests passed. Grain: one row per warning_key. Columns: queries/README.md.
-- No parameters.
CREATE TABLE IF NOT EXISTS warnings_raised (
    warning_key      VARCHAR PRIMARY KEY,
    first_build_id   BIGINT NOT NULL,
    first_raised_at  TIMESTAMPTZ NOT NULL
)

-- 0006: each version's title as the repeat detection compares it, computed once at ingest.
--
-- The repeat detection (transform/models/035_repeats.sql) keys every complaint by its normalised
-- title and compares the titles of the prefix matches: normalising a million distinct titles
-- cost about 1.6 CPU-seconds of every build, twice over, for titles that only change when a new
-- download brings a new version. Stored with the version, the work is done once per version.
--
-- title_norm(t)  macro: lower case, punctuation .,;:!?-_/()[]"' made spaces, trimmed; NULL when
--                nothing is left. One regular expression with a character class: a third of
--                translate's cost on a million distinct titles (0.4 against 1.3 CPU-seconds),
--                with the same result. Defined here, not among the build's macros, because
--                ingest writes it: a new definition needs a migration that also recomputes the
--                column (so that old and new versions compare alike).
--
-- complaint_versions, new column:
--   title_norm   VARCHAR   title_norm(title), written by every ingest path that makes a version
--                          (ingest/sql: insert_versions.sql, snapshot_append.sql,
--                          snapshot_rebuild_insert.sql); NULL for a confidential complaint (no
--                          title). Derived from title, so not part of a snapshot's state
--                          (snapshot_setup.sql and snapshot_plan.sql exclude it from state_hash).

CREATE OR REPLACE MACRO title_norm(t) AS
    nullif(trim(regexp_replace(lower(t), '[.,;:!?_/()\[\]"''-]', ' ', 'g')), '');

ALTER TABLE complaint_versions ADD COLUMN title_norm VARCHAR;
UPDATE complaint_versions SET title_norm = title_norm(title) WHERE title IS NOT NULL;

CREATE OR REPLACE VIEW complaints AS
SELECT * EXCLUDE (is_current) FROM complaint_versions WHERE is_current;

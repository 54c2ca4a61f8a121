-- How many of the run's rows repeat a (regency, tracking_id) of the same file: 0 unless the
-- file holds several versions of a complaint (then dedupe_run.sql runs). One row, one count.
-- $1 run_id.
SELECT count(*) - count(DISTINCT (regency, tracking_id))
FROM complaint_versions
WHERE run_id = $1

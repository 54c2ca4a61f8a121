-- How many files were ingested after the build started (their complaints are not in the metric
-- tables). One row, one count. No parameters.
SELECT count(*)
FROM ingest_runs
WHERE finished_at > (SELECT started_at FROM build_info)

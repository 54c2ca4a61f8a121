-- Keep one row per (regency, tracking_id) of the file being ingested: its newest version,
-- and on a tie the row further down the file (ingested later). Runs only when the file
-- repeats a tracking id.
DELETE FROM rapor_stage
WHERE source_row NOT IN (
    SELECT arg_max(source_row, (version_at, source_row))
    FROM rapor_stage
    GROUP BY regency, tracking_id
)

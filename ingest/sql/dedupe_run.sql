-- A file that repeats a tracking id keeps one current row for it: its newest version, and on a
-- tie the row further down the file. Runs only when the file repeats an id. $1 = run_id.
UPDATE complaint_versions
SET is_current = false
WHERE run_id = $1
  AND is_current
  AND source_row NOT IN (
      SELECT arg_max(source_row, (version_at, source_row))
      FROM complaint_versions
      WHERE run_id = $1
      GROUP BY regency, tracking_id
  )

-- Snapshot merge, step 3: complaints the snapshot shows unchanged after every earlier sighting
-- (action extend): their current version is now seen last at s = [$1, $2], and its version
-- instant (version_at = seen_last_from) moves with it. It stays current.
UPDATE complaint_versions AS cv
SET seen_last_from = $1::TIMESTAMPTZ,
    seen_last_to = $2::TIMESTAMPTZ,
    version_at = $1::TIMESTAMPTZ
FROM (SELECT DISTINCT last_row FROM rapor_snap_plan WHERE action = 'extend') AS p
WHERE cv.rowid = p.last_row

-- Snapshot merge: for a file that holds a complaint more than once (snapshot_duplicates.sql). A
-- complaint shown in two states (two rows of it that differ) is rebuilt: both are sightings at
-- s, ordered as snapshot_rebuild.sql says. A row that repeats an earlier row's state is one
-- sighting with it: action repeat (ignored), the first row in the file keeping its action.
-- No parameters.
UPDATE rapor_snap_plan AS p
SET action = CASE WHEN d.states > 1 THEN 'rebuild' WHEN p.source_row > d.first_row THEN 'repeat' ELSE p.action END
FROM (
    SELECT regency, tracking_id, count(DISTINCT state_hash) AS states, min(source_row) AS first_row
    FROM rapor_snap_plan
    GROUP BY regency, tracking_id
    HAVING count(*) > 1
) AS d
WHERE p.regency = d.regency AND p.tracking_id = d.tracking_id

-- Snapshot merge: a complaint the file shows in two states (two rows of it that differ) is
-- rebuilt: both are sightings at s, ordered as snapshot_rebuild.sql says. Rows that repeat one
-- state are one sighting and keep their action. No parameters.
UPDATE rapor_snap_plan AS p
SET action = 'rebuild'
FROM (
    SELECT regency, tracking_id
    FROM rapor_snap_plan
    GROUP BY regency, tracking_id
    HAVING count(DISTINCT state_hash) > 1
) AS d
WHERE p.regency = d.regency AND p.tracking_id = d.tracking_id

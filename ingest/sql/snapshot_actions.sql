-- Snapshot merge: which steps have work, from rapor_snap_plan (snapshot_plan.sql). One row of
-- counts, in the order of snapshotSteps in snapshot.go: extend, extend + seen (details), new + append, append, rebuild.
SELECT count(*) FILTER (action = 'extend'),
       count(*) FILTER (action IN ('extend', 'seen') AND details_new),
       count(*) FILTER (action IN ('new', 'append')),
       count(*) FILTER (action = 'append'),
       count(*) FILTER (action = 'rebuild')
FROM rapor_snap_plan

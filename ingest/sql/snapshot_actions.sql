-- Snapshot merge: which steps have work, from rapor_snap_plan (snapshot_plan.sql). One row:
-- extend (complaints), append (new + append), rebuild, current (complaints whose current version
-- snapshot_current.sql settles: its own condition). In the order of snapshotSteps in snapshot.go.
SELECT count(*) FILTER (action = 'extend'),
       count(*) FILTER (action IN ('new', 'append')),
       count(*) FILTER (action = 'rebuild'),
       count(*) FILTER (action IN ('new', 'append', 'rebuild') OR (action = 'extend' AND NOT last_current))
FROM rapor_snap_plan

-- Snapshot merge, step 2: what the snapshot at instant s = [$1, $2] does to each complaint it
-- shows. Grain: (regency, tracking_id) of the stage. Instants are ordered as (from, to).
--
-- Columns: regency, tracking_id; last_row (rowid of the complaint's last snapshot version: the
-- greatest (seen_last, state_rank, state_hash)), last_current (that version is the current one);
-- action:
--   new      no snapshot version yet: each state shown becomes a version [s, s]
--   seen     s lies within a version of the same state: nothing changes (a re-download, or a
--            snapshot between two others that showed the same)
--   extend   s is after every sighting and the state is the last version's: seen_last := s
--   append   s is after every sighting and the state differs: a new version [s, s]
--   rebuild  anything else (s before or between sightings with another state, or at an instant
--            already seen, or the file shows two states): snapshot_rebuild.sql
-- The last three are the common, in-order case and touch one row at most per complaint.
CREATE OR REPLACE TEMP TABLE rapor_snap_plan AS
WITH st AS (
    SELECT regency, tracking_id,
           count(DISTINCT state_hash) AS states,
           min(state_hash) AS state_hash
    FROM rapor_snap_new
    GROUP BY regency, tracking_id
), old AS (
    SELECT o.regency, o.tracking_id,
           arg_max(o.row_ref, (o.seen_last_from, o.seen_last_to, o.state_rank, o.state_hash)) AS last_row,
           arg_max(o.state_hash, (o.seen_last_from, o.seen_last_to, o.state_rank, o.state_hash)) AS last_hash,
           arg_max(o.is_current, (o.seen_last_from, o.seen_last_to, o.state_rank, o.state_hash)) AS last_current,
           max((o.seen_last_from, o.seen_last_to)) AS last_at,
           bool_or(o.state_hash = st.state_hash
                   AND (o.seen_first_from, o.seen_first_to) <= ($1::TIMESTAMPTZ, $2::TIMESTAMPTZ)
                   AND ($1::TIMESTAMPTZ, $2::TIMESTAMPTZ) <= (o.seen_last_from, o.seen_last_to)) AS seen
    FROM rapor_snap_old AS o
    JOIN st USING (regency, tracking_id)
    GROUP BY o.regency, o.tracking_id
)
SELECT st.regency, st.tracking_id, old.last_row, old.last_current,
       CASE
           WHEN old.last_row IS NULL THEN 'new'
           WHEN st.states > 1 THEN 'rebuild'
           WHEN old.seen THEN 'seen'
           WHEN ($1::TIMESTAMPTZ, $2::TIMESTAMPTZ) > old.last_at AND st.state_hash = old.last_hash THEN 'extend'
           WHEN ($1::TIMESTAMPTZ, $2::TIMESTAMPTZ) > old.last_at THEN 'append'
           ELSE 'rebuild'
       END AS action
FROM st
LEFT JOIN old USING (regency, tracking_id)

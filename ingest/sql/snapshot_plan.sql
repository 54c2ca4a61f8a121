-- Snapshot merge, step 2: what the snapshot at instant s = [$1, $2] does with each row it holds.
-- Grain: one row per staged row. Instants are ordered as (from, to).
--
-- The common case must be cheap: one join of the file's rows with the complaints' current
-- versions (one per complaint; the state hash as in snapshot_setup.sql). When the current version is a snapshot version it is also the
-- last one (the greatest seen_last: snapshot_current.sql orders them so).
--
-- Columns: stage_ref (rowid in rapor_snap_stage), regency, tracking_id, source_row, state_hash, last_row
-- (rowid of the complaint's current version, NULL when none), action:
--   new      the complaint has no version yet: each state shown becomes a version [s, s]
--   seen     s lies within the current version's span and shows its state: nothing changes (a
--            re-download, or a snapshot between two that showed the same)
--   extend   s is after every sighting and shows the current state: seen_last := s
--   append   s is after every sighting and shows another state: a new version [s, s], current
--   rebuild  anything else (s before the current version's last sighting with another state, or
--            in an older version's span; the current version is an exact one; the file shows two
--            states of the complaint: snapshot_plan_duplicates.sql): snapshot_rebuild.sql
--   repeat   a later row of the file that repeats an earlier one (snapshot_plan_duplicates.sql)
-- details_new: the row's details would change the current version's (snapshot_details.sql).
CREATE OR REPLACE TEMP TABLE rapor_snap_plan AS
WITH cur AS (
    SELECT rowid AS row_ref, regency, tracking_id,
           seen_first_from, seen_first_to, seen_last_from, seen_last_to,
           rating, reporter_key, agency_ref, category_ref, extra,
           hash(*COLUMNS(* EXCLUDE (run_id, source_row, version_at, is_current,
                                    seen_first_from, seen_first_to, seen_last_from, seen_last_to,
                                    reporter_key, rating, agency_ref, category_ref, extra, title_norm))) AS state_hash
    FROM complaint_versions
    WHERE is_current
)
SELECT n.stage_ref, n.regency, n.tracking_id, n.source_row, n.state_hash, c.row_ref AS last_row,
       CASE
           WHEN c.row_ref IS NULL THEN 'new'
           WHEN c.seen_first_from IS NULL THEN 'rebuild'
           WHEN n.state_hash = c.state_hash
                AND (c.seen_first_from < $1::TIMESTAMPTZ OR (c.seen_first_from = $1::TIMESTAMPTZ AND c.seen_first_to <= $2::TIMESTAMPTZ))
                AND ($1::TIMESTAMPTZ < c.seen_last_from OR ($1::TIMESTAMPTZ = c.seen_last_from AND $2::TIMESTAMPTZ <= c.seen_last_to)) THEN 'seen'
           WHEN $1::TIMESTAMPTZ > c.seen_last_from OR ($1::TIMESTAMPTZ = c.seen_last_from AND $2::TIMESTAMPTZ > c.seen_last_to) THEN
               CASE WHEN n.state_hash = c.state_hash THEN 'extend' ELSE 'append' END
           ELSE 'rebuild'
       END AS action,
       (greatest(c.rating, n.rating) IS DISTINCT FROM c.rating
        OR greatest(c.reporter_key, n.reporter_key) IS DISTINCT FROM c.reporter_key
        OR greatest(c.agency_ref, n.agency_ref) IS DISTINCT FROM c.agency_ref
        OR greatest(c.category_ref, n.category_ref) IS DISTINCT FROM c.category_ref
        OR (n.extra IS NOT NULL AND (c.extra IS NULL OR rapor_extra_rank(n.extra) > rapor_extra_rank(c.extra))))
           AS details_new
FROM rapor_snap_new AS n
LEFT JOIN cur AS c USING (regency, tracking_id)

-- Snapshot merge, step 5: the complaints of action rebuild get their snapshot versions computed
-- anew from every sighting: the stored versions' and the new file's. Result: rapor_snap_rebuilt,
-- rows shaped as complaint_versions (is_current false), replacing the complaints' stored snapshot
-- versions (snapshot_rebuild_replace.sql). $1, $2 = the snapshot instant s; $3 = the export's zone
-- (Periode Masuk is a range of local submission dates).
--
-- Sightings of a stored version: its first and last instant, and every snapshot instant of the
-- regency strictly between them whose Periode Masuk covers the complaint's submission date
-- (period_from/period_to NULL: all). That is the assumption the spans rest on: a complaint is in
-- every snapshot that covers it between its first and its last sighting, in the one state the
-- span says. The file being merged is not in ingest_runs yet, so s is never such an instant
-- unless another file of the same instant was ingested before (same instant: one snapshot).
--
-- The sightings (instant, state) of a complaint, ordered by (instant, state_rank, state_hash),
-- form a sequence; a version is a maximal run of one state in it (gaps and islands). Two states at
-- one instant are both versions of that instant, the more advanced later. This is a function of
-- the set of sightings, hence of the set of snapshots: the order of ingest does not matter.
-- Content and lineage of a version come from the first row (run_id, source_row) holding its state.
CREATE OR REPLACE TEMP TABLE rapor_snap_rebuilt AS
WITH k AS (
    SELECT regency, tracking_id FROM rapor_snap_plan WHERE action = 'rebuild'
), old AS (
    SELECT o.* FROM rapor_snap_old AS o SEMI JOIN k USING (regency, tracking_id)
), new AS (
    SELECT n.* FROM rapor_snap_new AS n SEMI JOIN k USING (regency, tracking_id)
), instants AS (
    SELECT DISTINCT regency, observed_from, observed_to, period_from, period_to
    FROM ingest_runs
    WHERE observed_from IS NOT NULL
), sightings AS (
    SELECT regency, tracking_id, seen_first_from AS at_from, seen_first_to AS at_to, state_rank, state_hash FROM old
    UNION
    SELECT regency, tracking_id, seen_last_from, seen_last_to, state_rank, state_hash FROM old
    UNION
    SELECT o.regency, o.tracking_id, i.observed_from, i.observed_to, o.state_rank, o.state_hash
    FROM old AS o
    JOIN instants AS i
      ON i.regency = o.regency
     AND (i.observed_from, i.observed_to) > (o.seen_first_from, o.seen_first_to)
     AND (i.observed_from, i.observed_to) < (o.seen_last_from, o.seen_last_to)
     AND (i.period_from IS NULL OR i.period_from <= timezone($3::VARCHAR, o.submitted_at)::DATE)
     AND (i.period_to IS NULL OR i.period_to >= timezone($3::VARCHAR, o.submitted_at)::DATE)
    UNION
    SELECT regency, tracking_id, $1::TIMESTAMPTZ, $2::TIMESTAMPTZ, state_rank, state_hash FROM new
), seq AS (
    SELECT *,
           state_hash IS DISTINCT FROM lag(state_hash) OVER (
               PARTITION BY regency, tracking_id ORDER BY at_from, at_to, state_rank, state_hash) AS starts
    FROM sightings
), runs AS (
    SELECT *,
           sum(starts::INTEGER) OVER (
               PARTITION BY regency, tracking_id ORDER BY at_from, at_to, state_rank, state_hash
               ROWS UNBOUNDED PRECEDING) AS run_no
    FROM seq
), spans AS (
    SELECT regency, tracking_id, run_no,
           any_value(state_hash) AS state_hash,
           min({'f': at_from, 't': at_to}) AS first_at,
           max({'f': at_from, 't': at_to}) AS last_at
    FROM runs
    GROUP BY regency, tracking_id, run_no
), content AS (
    SELECT DISTINCT ON (regency, tracking_id, state_hash) *
    FROM (SELECT * EXCLUDE (row_ref) FROM old UNION ALL BY NAME SELECT * FROM new)
    ORDER BY regency, tracking_id, state_hash, run_id, source_row
)
SELECT c.* EXCLUDE (state_hash, state_rank)
           REPLACE (s.first_at.f AS seen_first_from, s.first_at.t AS seen_first_to,
                    s.last_at.f AS seen_last_from, s.last_at.t AS seen_last_to,
                    s.last_at.f AS version_at, false AS is_current)
FROM spans AS s
JOIN content AS c USING (regency, tracking_id, state_hash)

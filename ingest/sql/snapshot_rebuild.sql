-- Snapshot merge, step 6: the complaints of action rebuild get their snapshot versions computed
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
-- Content and lineage (run_id, source_row) of a version are those of its first sighting: the row
-- of the file that first showed it, or, for a version split off from within a span, the span's;
-- its details are those of all its sightings merged (snapshot_details.sql).
-- (Of two files of one instant, the one ingested first.) A version that does not change keeps
-- its row as it was.
CREATE OR REPLACE TEMP TABLE rapor_snap_rebuilt AS
WITH k AS (
    SELECT DISTINCT regency, tracking_id FROM rapor_snap_plan WHERE action = 'rebuild'
), old AS (
    SELECT o.* FROM rapor_snap_old AS o SEMI JOIN k USING (regency, tracking_id)
), new AS (
    SELECT n.* FROM rapor_snap_new AS n SEMI JOIN k USING (regency, tracking_id)
), instants AS (
    SELECT DISTINCT regency, observed_from, observed_to, period_from, period_to
    FROM ingest_runs
    WHERE observed_from IS NOT NULL
), sightings AS (
    -- src: where the sighting's row is (o: rapor_snap_old.row_ref, n: rapor_snap_new.stage_ref),
    -- for the content and lineage of the version it starts.
    SELECT regency, tracking_id, seen_first_from AS at_from, seen_first_to AS at_to, state_rank, state_hash,
           run_id, source_row, 'o' AS src, row_ref AS ref FROM old
    UNION
    SELECT regency, tracking_id, seen_last_from, seen_last_to, state_rank, state_hash,
           run_id, source_row, 'o', row_ref FROM old
    UNION
    SELECT o.regency, o.tracking_id, i.observed_from, i.observed_to, o.state_rank, o.state_hash,
           o.run_id, o.source_row, 'o', o.row_ref
    FROM old AS o
    JOIN instants AS i
      ON i.regency = o.regency
     AND (i.observed_from, i.observed_to) > (o.seen_first_from, o.seen_first_to)
     AND (i.observed_from, i.observed_to) < (o.seen_last_from, o.seen_last_to)
     AND (i.period_from IS NULL OR i.period_from <= timezone($3::VARCHAR, o.submitted_at)::DATE)
     AND (i.period_to IS NULL OR i.period_to >= timezone($3::VARCHAR, o.submitted_at)::DATE)
    UNION
    SELECT regency, tracking_id, $1::TIMESTAMPTZ, $2::TIMESTAMPTZ, state_rank, state_hash,
           run_id, source_row, 'n', stage_ref FROM new
), seq AS (
    SELECT *,
           state_hash IS DISTINCT FROM lag(state_hash) OVER (
               PARTITION BY regency, tracking_id
               ORDER BY at_from, at_to, state_rank, state_hash, run_id, source_row) AS starts
    FROM sightings
), runs AS (
    SELECT *,
           sum(starts::INTEGER) OVER (
               PARTITION BY regency, tracking_id
               ORDER BY at_from, at_to, state_rank, state_hash, run_id, source_row
               ROWS UNBOUNDED PRECEDING) AS run_no
    FROM seq
), spans AS (
    SELECT regency, tracking_id, run_no,
           min({'f': at_from, 't': at_to}) AS first_at,
           max({'f': at_from, 't': at_to}) AS last_at,
           arg_min({'src': src, 'ref': ref}, (at_from, at_to, run_id, source_row)) AS first_src,
           list({'src': src, 'ref': ref}) AS srcs
    FROM runs
    GROUP BY regency, tracking_id, run_no
), content AS (
    SELECT 'o' AS src, row_ref AS ref, * EXCLUDE (row_ref) FROM old
    UNION ALL BY NAME
    SELECT 'n' AS src, stage_ref AS ref, * EXCLUDE (stage_ref) FROM new
), details AS (
    -- the details of every row that gave a sighting of the version, merged (snapshot_details.sql)
    SELECT s.regency, s.tracking_id, s.run_no,
           max(c.rating) AS rating, max(c.reporter_key) AS reporter_key,
           max(c.agency_ref) AS agency_ref, max(c.category_ref) AS category_ref,
           arg_max(c.extra, rapor_extra_rank(c.extra)) AS extra
    FROM (SELECT regency, tracking_id, run_no, unnest(srcs) AS one FROM spans) AS s
    JOIN content AS c ON c.src = s.one.src AND c.ref = s.one.ref
    GROUP BY s.regency, s.tracking_id, s.run_no
)
SELECT c.* EXCLUDE (src, ref, state_hash, state_rank)
           REPLACE (s.first_at.f AS seen_first_from, s.first_at.t AS seen_first_to,
                    s.last_at.f AS seen_last_from, s.last_at.t AS seen_last_to,
                    s.last_at.f AS version_at, false AS is_current,
                    d.rating AS rating, d.reporter_key AS reporter_key, d.agency_ref AS agency_ref,
                    d.category_ref AS category_ref, d.extra AS extra)
FROM spans AS s
JOIN content AS c ON c.src = s.first_src.src AND c.ref = s.first_src.ref
JOIN details AS d ON d.regency = s.regency AND d.tracking_id = s.tracking_id AND d.run_no = s.run_no

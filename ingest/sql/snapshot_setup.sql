-- Snapshot merge, step 0: the working objects of one snapshot run (layout R). Temporary: they
-- live on this connection, inside the file's transaction, and snapshot.go drops them when the
-- merge ends. No parameters.
--
-- rapor_snap_stage   the file's accepted rows, shaped exactly as complaint_versions (same columns
--                    in the same order: the state hash relies on it), title_norm left NULL until a
--                    row becomes a version (snapshot_append.sql, snapshot_rebuild_insert.sql).
--                    Rows go here, not into complaint_versions: most of a snapshot repeats what
--                    is stored and is never written there.
-- rapor_state_rank   how far a normalised status has come, to order two states seen at one
--                    instant (closed/archived > in_progress > verified/disposed > postponed >
--                    unverified and the rest).
-- rapor_extra_rank   how complete an extra object is (the merge of details keeps the greatest)
-- rapor_snap_old     the stored snapshot versions (seen_first_from set), with row_ref (their
--                    rowid), state_hash and state_rank.
-- rapor_snap_new     the staged rows, with stage_ref (their rowid), state_hash and state_rank.
--
-- state_hash is a complaint's state: a hash of every column but the lineage and the sighting
-- (run_id, source_row, version_at, is_current, seen_*) and the details. Details are the columns
-- that only some variants of the export carry (LAPOR! added them over time: Nama Pelapor ->
-- reporter_key, Rating, ID Kategori -> category_ref, ID Instansi Terdisposisi -> agency_ref, and
-- the extra columns Kelurahan, Nomor SK ...): a file without them says nothing about them, so a
-- 17-column download after a 26-column one is no change. A version keeps the details of all its
-- sightings, merged by a rule that does not depend on their order (rapor_detail_rank: the
-- greatest non-NULL value; for extra the object with the most keys, then the greatest text).
-- A column a later migration adds is state, unless it is added to the EXCLUDE lists below and in
-- snapshot_plan.sql's, as title_norm is (derived from title, which is state).
CREATE OR REPLACE TEMP TABLE rapor_snap_stage AS
SELECT * FROM complaint_versions LIMIT 0;

CREATE OR REPLACE TEMP MACRO rapor_state_rank(s) AS
CASE
    WHEN s IN ('closed', 'archived', 'not_authority') THEN 4
    WHEN s = 'in_progress' THEN 3
    WHEN s IN ('verified', 'disposed') THEN 2
    WHEN s = 'postponed' THEN 1
    ELSE 0
END;

CREATE OR REPLACE TEMP MACRO rapor_extra_rank(e) AS
CASE WHEN e IS NOT NULL THEN {'keys': len(json_keys(e)), 'text': e::VARCHAR} END;

CREATE OR REPLACE TEMP VIEW rapor_snap_old AS
SELECT *,
       rowid AS row_ref,
       hash(*COLUMNS(* EXCLUDE (run_id, source_row, version_at, is_current,
                                seen_first_from, seen_first_to, seen_last_from, seen_last_to,
                                reporter_key, rating, agency_ref, category_ref, extra, title_norm))) AS state_hash,
       rapor_state_rank(status) AS state_rank
FROM complaint_versions
WHERE seen_first_from IS NOT NULL;

CREATE OR REPLACE TEMP VIEW rapor_snap_new AS
SELECT *,
       rowid AS stage_ref,
       hash(*COLUMNS(* EXCLUDE (run_id, source_row, version_at, is_current,
                                seen_first_from, seen_first_to, seen_last_from, seen_last_to,
                                reporter_key, rating, agency_ref, category_ref, extra, title_norm))) AS state_hash,
       rapor_state_rank(status) AS state_rank
FROM rapor_snap_stage;

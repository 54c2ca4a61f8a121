-- Snapshot merge, step 9: the current version of each rebuilt complaint (the other actions keep
-- or move it themselves). Over all of a complaint's versions, exact and snapshot, the current
-- one is the greatest by:
--   version_at (exact: last activity; snapshot: seen_last_from), then exact before snapshot on a
--   tie (an exact time says more than a sighting), then
--   exact: run_id, source_row (the rule of merge_losers/merge_superseded: the later ingest), or
--   snapshot: seen_last_to, state_rank, state_hash (deterministic, whatever the ingest order).
-- Only rows whose flag changes are written. No parameters.
UPDATE complaint_versions AS cv
SET is_current = (cv.rowid = w.winner)
FROM (
    WITH k AS (
        SELECT DISTINCT regency, tracking_id FROM rapor_snap_plan WHERE action = 'rebuild'
    ), cand AS (
        SELECT o.regency, o.tracking_id, o.row_ref,
               {'at': o.version_at, 'exact': false, 'a': epoch_us(o.seen_last_to),
                'b': o.state_rank::BIGINT, 'c': o.state_hash} AS ord
        FROM rapor_snap_old AS o SEMI JOIN k USING (regency, tracking_id)
        UNION ALL
        SELECT v.regency, v.tracking_id, v.rowid,
               {'at': v.version_at, 'exact': true, 'a': v.run_id, 'b': v.source_row, 'c': 0::UBIGINT}
        FROM complaint_versions AS v SEMI JOIN k USING (regency, tracking_id)
        WHERE v.seen_first_from IS NULL
    )
    SELECT regency, tracking_id, arg_max(row_ref, ord) AS winner
    FROM cand
    GROUP BY regency, tracking_id
) AS w
WHERE cv.regency = w.regency AND cv.tracking_id = w.tracking_id
  AND (cv.is_current OR cv.rowid = w.winner)

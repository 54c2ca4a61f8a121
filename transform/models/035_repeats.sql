-- repeats: complaints that repeat an earlier complaint closed shortly before: the earlier closure
-- did not solve the problem (README, "Repeat complaints"; config repeats).
--
-- Grain: one row per complaint of an agency cohort (complaint_facts.in_cohort) that repeats an
-- earlier one. A complaint N repeats an earlier complaint E when E is closed now (status closed),
-- its closure (closed_hi: the latest instant it can have happened) is at or before N's submission
-- and at most repeat_window_days before it, and
--   reporter: N and E have the same reporter pseudonym (reporter_key) and the same SKPD, or
--   title:    N and E have the same kecamatan (area) and category, and titles whose
--             jaro_winkler_similarity is at least repeat_title_similarity. Titles are compared
--             normalised (macro title_norm: lower case, punctuation made spaces, trimmed); a
--             confidential complaint has no title and repeats only by reporter.
-- Method: three passes, each finding the closure last before N's submission with the same
-- key: the same reporter and SKPD; the same kecamatan, category and normalised title; the same
-- kecamatan, category and first 4 characters of the normalised title (Winkler's prefix: a
-- similarity of 0.9 or more all but always shares it), whose similarity is then computed. The
-- first of them that is within the window (and similar enough) is E. So a similar title is
-- compared with one closure, the latest with its prefix: an older, more similar one behind it
-- is not seen. That bounds the cost by the number of complaints, not the pairs (README,
-- "Repeat complaints").
-- Cost: each pass is an ASOF join on integers (hashed keys; a closure's second packed with a
-- tie-breaker), and texts are read only where a similarity is computed. The keys come hashed
-- with complaint_facts (which reads complaints anyway): a second join of every complaint to
-- its texts here was a third of this step. Closures seen in
-- one download share their instant, so ties are common: the greatest (second, hash of the
-- tracking id) wins, which the data fixes, where the row order (parallel threads) does not.
-- Times are compared in whole seconds (exports give minutes at best). Reporters never leave
-- this table: it holds no pseudonym.
-- asof_loop_join_threshold: without statistics for the tables made in the build's own
-- transaction, DuckDB takes both sides for small and plans the ASOF joins as nested loops
-- (minutes at a million complaints); 0 keeps the sort-merge plan.
--
-- Columns:
--   regency_id            INTEGER      helper: regencies.regency_id
--   agency_id             INTEGER      helper: agency_names.agency_id
--   regency               VARCHAR      regency
--   tracking_id           VARCHAR      the repeat complaint
--   agency                VARCHAR      its SKPD (the cohort it counts in: agency_month.repeats)
--   cohort_month          DATE         its cohort month (complaint_facts.cohort_month)
--   category              VARCHAR      its category
--   area                  VARCHAR      its kecamatan
--   submitted_at          TIMESTAMPTZ  its submission
--   repeat_of             VARCHAR      tracking id of the earlier complaint whose closure did not solve it
--   repeat_of_agency      VARCHAR      the SKPD that closed the earlier complaint
--   repeat_of_closed_at   TIMESTAMPTZ  the earlier closure (closed_hi)
--   days_after_closure    INTEGER      whole days from that closure to the submission
--   matched_by            VARCHAR      reporter | title
--   title_similarity      DOUBLE       jaro_winkler_similarity of the normalised titles (1 for equal ones); NULL for a reporter match
SET asof_loop_join_threshold = 0;
CREATE OR REPLACE TABLE repeats AS
WITH p AS (
    SELECT repeat_window_days AS win, repeat_title_similarity AS sim, utc_offset_seconds::BIGINT * 1000000 AS off_us FROM build_info
),
-- One row per cohort complaint or closure (idx: its row in complaint_facts), with its seconds
-- from 1990 (clamped to 31 bits: 1990 to 2058) and its keys: reporter + SKPD (rkey), kecamatan
-- + category + normalised title (tkey) and its first 4 characters (pkey). A complaint without
-- a title (confidential) is in no title pass.
c AS MATERIALIZED (
    SELECT f.rowid AS idx, (hash(f.regency_id, f.tracking_id) >> 32)::BIGINT AS tie,
           least(greatest(epoch(f.submitted_at)::BIGINT - 631152000, 0), 2147483647) AS ssec,
           least(greatest(epoch(f.closed_hi)::BIGINT - 631152000, 0), 2147483647) AS csec,
           f.status = 'closed' AND f.closed_hi IS NOT NULL AS is_closed,
           f.in_cohort,
           f.reporter_hash AS rkey,
           f.title_hash IS NOT NULL AS has_title,
           f.title_hash AS tkey,
           f.title_prefix_hash AS pkey
    FROM complaint_facts AS f
    WHERE f.in_cohort OR (f.status = 'closed' AND f.closed_hi IS NOT NULL)
),
-- Per pass, the closure last before each candidate with its key: a closure's o is its second
-- and its tie-breaker, a candidate's q its second and the greatest tie-breaker, so that a
-- closure in the submission's second counts as before it.
near AS MATERIALIZED (
    SELECT a.idx AS cand_idx, 1 AS pref, b.idx AS closed_idx, a.ssec, b.csec
    FROM (SELECT idx, rkey, (ssec << 32) | 4294967295 AS q, ssec FROM c WHERE in_cohort AND rkey IS NOT NULL) AS a
    ASOF JOIN (SELECT idx, rkey, (csec << 32) | tie AS o, csec FROM c WHERE is_closed AND rkey IS NOT NULL) AS b
      ON a.rkey = b.rkey AND a.q >= b.o
    UNION ALL
    SELECT a.idx, 2, b.idx, a.ssec, b.csec
    FROM (SELECT idx, tkey, (ssec << 32) | 4294967295 AS q, ssec FROM c WHERE in_cohort AND has_title) AS a
    ASOF JOIN (SELECT idx, tkey, (csec << 32) | tie AS o, csec FROM c WHERE is_closed AND has_title) AS b
      ON a.tkey = b.tkey AND a.q >= b.o
    UNION ALL
    SELECT a.idx, 3, b.idx, a.ssec, b.csec
    FROM (SELECT idx, pkey, (ssec << 32) | 4294967295 AS q, ssec FROM c WHERE in_cohort AND has_title) AS a
    ASOF JOIN (SELECT idx, pkey, (csec << 32) | tie AS o, csec FROM c WHERE is_closed AND has_title) AS b
      ON a.pkey = b.pkey AND a.q >= b.o
),
-- within the window, and not the candidate's own closure
ok AS MATERIALIZED (
    SELECT cand_idx, pref, closed_idx FROM near, p
    WHERE csec >= ssec - 86400 * p.win AND closed_idx <> cand_idx
),
-- the prefix matches' titles, the one place a text is read (complaint_texts: the build's own)
titles AS (
    SELECT f.idx, title_norm(t.title) AS tn
    FROM (SELECT rowid AS idx, regency, tracking_id FROM complaint_facts) AS f
    SEMI JOIN (SELECT cand_idx AS idx FROM ok WHERE pref = 3 UNION ALL SELECT closed_idx FROM ok WHERE pref = 3) AS w ON w.idx = f.idx
    JOIN complaint_texts AS t USING (regency, tracking_id)
),
pairs AS (
    SELECT x.cand_idx, x.closed_idx, jaro_winkler_similarity(tn.tn, te.tn) AS title_similarity
    FROM (SELECT * FROM ok WHERE pref = 3) AS x
    JOIN titles AS tn ON tn.idx = x.cand_idx
    JOIN titles AS te ON te.idx = x.closed_idx
),
scored AS (
    SELECT cand_idx, closed_idx, pref, CASE pref WHEN 2 THEN 1.0 END AS title_similarity FROM ok WHERE pref < 3
    UNION ALL
    SELECT cand_idx, closed_idx, 3, title_similarity FROM pairs, p WHERE title_similarity >= p.sim
),
-- the first pass that found one: a reporter before an equal title before a similar one
matched AS (
    SELECT x.cand_idx,
           arg_min(x.closed_idx, x.pref) AS closed_idx,
           min(x.pref) AS pref,
           arg_min_null(x.title_similarity, x.pref) AS title_similarity
    FROM scored AS x
    GROUP BY x.cand_idx
),
-- the repeat with its own columns first, then the earlier complaint's: two steps, because the
-- planner, without statistics for tables made in the build's transaction, crossed the two
-- sides of complaint_facts with each other (quadratic) when given both joins at once
named AS MATERIALIZED (
    SELECT m.closed_idx, m.pref, m.title_similarity,
           n.regency_id, n.agency_id, n.regency, n.tracking_id, n.agency, n.cohort_month, n.category, n.area, n.submitted_at
    FROM matched AS m
    JOIN (SELECT rowid AS idx, regency_id, agency_id, regency, tracking_id, agency, cohort_month, category, area, submitted_at FROM complaint_facts) AS n
      ON n.idx = m.cand_idx
)
SELECT
    n.regency_id,
    n.agency_id,
    n.regency,
    n.tracking_id,
    n.agency,
    n.cohort_month,
    n.category,
    n.area,
    n.submitted_at,
    e.tracking_id AS repeat_of,
    e.agency AS repeat_of_agency,
    e.closed_hi AS repeat_of_closed_at,
    (local_date(n.submitted_at, p.off_us) - local_date(e.closed_hi, p.off_us))::INTEGER AS days_after_closure,
    CASE WHEN n.pref = 1 THEN 'reporter' ELSE 'title' END AS matched_by,
    n.title_similarity
FROM named AS n
JOIN (SELECT rowid AS idx, tracking_id, agency, closed_hi FROM complaint_facts) AS e ON e.idx = n.closed_idx
CROSS JOIN p;
RESET asof_loop_join_threshold;

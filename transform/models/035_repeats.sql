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
-- key (a window over closures and submissions in time order): the same reporter and SKPD; the same kecamatan, category and normalised title; the same
-- kecamatan, category and first 4 characters of the normalised title (Winkler's prefix: a
-- similarity of 0.9 or more all but always shares it), whose similarity is then computed. The
-- first of them that is within the window (and similar enough) is E. Everything up to the
-- similarity is decided on integers (row ids, hashed keys, packed times): at ten million
-- complaints, rows that carried their texts through the windows and joins ran out of memory. So a similar title is
-- compared with one closure, the latest with its prefix: an older, more similar one behind it is
-- not seen. That bounds the cost by the number of complaints, not the pairs (README, "Repeat
-- complaints"). Reporters never leave this table: it holds no pseudonym.
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
CREATE OR REPLACE TABLE repeats AS
-- Keys are hashes (one integer per reporter, per kecamatan + category + title, per kecamatan +
-- category + title prefix): windows partitioned by integers cost a fraction of those by text.
-- Complaints are named by their row in complaint_facts (idx) until the end.
WITH p AS (
    SELECT repeat_window_days AS win, repeat_title_similarity AS sim FROM build_info
),
c AS MATERIALIZED (
    SELECT
        f.rowid AS idx,
        f.regency_id,
        f.submitted_at,
        f.closed_hi,
        f.status = 'closed' AND f.closed_hi IS NOT NULL AS is_closed,
        f.in_cohort,
        CASE WHEN k.reporter_key IS NOT NULL AND f.agency_id IS NOT NULL THEN hash(k.reporter_key, f.agency_id) END AS rkey,
        CASE WHEN t.tn IS NOT NULL THEN hash(f.area, f.category, t.tn) END AS tkey,
        CASE WHEN t.tn IS NOT NULL THEN hash(f.area, f.category, left(t.tn, 4)) END AS pkey
    FROM complaint_facts AS f
    JOIN complaints AS k USING (regency, tracking_id)
    CROSS JOIN LATERAL (SELECT title_norm(k.title) AS tn) AS t
    WHERE f.in_cohort OR (f.status = 'closed' AND f.closed_hi IS NOT NULL)
),
-- For each key, closures and candidates in one stream ordered by time (a closure before a
-- submission at the same instant): the last closure seen is the one last closed before the
-- submission. (A window rather than an ASOF join: DuckDB plans ASOF joins on tables made in the
-- same transaction as nested loops, quadratic in the complaints.)
events AS MATERIALIZED (
    -- closed_key: the closure's time and row packed in one integer, so that the greatest seen so
    -- far is the closure last before, its row the low 64 bits (row ids of a table made in the
    -- build's own transaction start at 2^62, so 32 bits would not hold them)
    SELECT regency_id, rkey, tkey, pkey, closed_hi AS t, 0 AS ord, NULL::BIGINT AS cand_idx,
           epoch_us(closed_hi)::HUGEINT * (1::HUGEINT << 64) + idx AS closed_key
    FROM c WHERE is_closed
    UNION ALL
    SELECT regency_id, rkey, tkey, pkey, submitted_at, 1, idx, NULL
    FROM c WHERE in_cohort
),
-- the closure last before each candidate, per key (1 reporter, 2 title, 3 prefix), as its packed
-- key. A running max, not last_value(... IGNORE NULLS): DuckDB evaluates that one row by row over
-- the whole frame, quadratic in a key's events (200,000 complaints took 9 minutes).
last_closed AS (
    SELECT cand_idx, t, ord, 1 AS pref, max(closed_key) OVER (PARTITION BY regency_id, rkey ORDER BY t, ord ROWS UNBOUNDED PRECEDING) AS k
    FROM events WHERE rkey IS NOT NULL
    UNION ALL
    SELECT cand_idx, t, ord, 2, max(closed_key) OVER (PARTITION BY regency_id, tkey ORDER BY t, ord ROWS UNBOUNDED PRECEDING)
    FROM events WHERE tkey IS NOT NULL
    UNION ALL
    SELECT cand_idx, t, ord, 3, max(closed_key) OVER (PARTITION BY regency_id, pkey ORDER BY t, ord ROWS UNBOUNDED PRECEDING)
    FROM events WHERE pkey IS NOT NULL
),
-- Within the window, and not the complaint itself, on the packed key alone (its high bits are the
-- closure's time). (A condition between two joined sides, such as tracking_id <> repeat_of, made
-- the planner join every candidate with every closure.)
near AS MATERIALIZED (
    SELECT x.cand_idx, x.pref, (x.k % (1::HUGEINT << 64))::BIGINT AS closed_idx
    FROM last_closed AS x
    CROSS JOIN p
    WHERE x.ord = 1 AND x.k IS NOT NULL
      AND x.k // (1::HUGEINT << 64) >= epoch_us(x.t - to_days(p.win))
      AND (x.k % (1::HUGEINT << 64))::BIGINT <> x.cand_idx
),
-- the titles of the prefix matches' two sides only: the one place a text is compared
pairs AS (
    SELECT cand_idx, closed_idx FROM near WHERE pref = 3
),
titles AS (
    SELECT f.idx, title_norm(k.title) AS tn
    FROM (SELECT rowid AS idx, regency, tracking_id FROM complaint_facts) AS f
    SEMI JOIN (SELECT cand_idx AS idx FROM pairs UNION ALL SELECT closed_idx FROM pairs) AS w ON w.idx = f.idx
    JOIN complaints AS k USING (regency, tracking_id)
),
scored AS (
    SELECT cand_idx, closed_idx, pref, CASE pref WHEN 2 THEN 1.0 END AS title_similarity
    FROM near WHERE pref < 3
    UNION ALL
    SELECT x.cand_idx, x.closed_idx, 3, jaro_winkler_similarity(tn.tn, te.tn)
    FROM pairs AS x
    JOIN titles AS tn ON tn.idx = x.cand_idx
    JOIN titles AS te ON te.idx = x.closed_idx
),
-- the first pass that found one: a reporter before an equal title before a similar one
matched AS (
    SELECT x.cand_idx,
           arg_min(x.closed_idx, x.pref) AS closed_idx,
           min(x.pref) AS pref,
           arg_min_null(x.title_similarity, x.pref) AS title_similarity
    FROM scored AS x
    CROSS JOIN p
    WHERE x.pref < 3 OR x.title_similarity >= p.sim
    GROUP BY x.cand_idx
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
    date_diff('day', e.closed_hi, n.submitted_at)::INTEGER AS days_after_closure,
    CASE WHEN m.pref = 1 THEN 'reporter' ELSE 'title' END AS matched_by,
    m.title_similarity
FROM matched AS m
JOIN (SELECT rowid AS idx, * FROM complaint_facts) AS n ON n.idx = m.cand_idx
JOIN (SELECT rowid AS idx, tracking_id, agency, closed_hi FROM complaint_facts) AS e ON e.idx = m.closed_idx

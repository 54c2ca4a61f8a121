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
--             normalised (complaints.title_norm, written at ingest by the macro title_norm:
--             lower case, punctuation made spaces, trimmed); a confidential complaint has no
--             title and repeats only by reporter.
-- Method: three passes, each finding the closure last before N's submission with the same
-- key (a window over closures and submissions in time order): the same reporter and SKPD; the
-- same kecamatan, category and normalised title; the same kecamatan, category and first 4
-- characters of the normalised title (Winkler's prefix: a similarity of 0.9 or more all but
-- always shares it), whose similarity is then computed. The first of them that is within the
-- window (and similar enough) is E. So a similar title is compared with one closure, the latest
-- with its prefix: an older, more similar one behind it is not seen. That bounds the cost by the
-- number of complaints, not the pairs (README, "Repeat complaints").
-- Cost: everything up to the similarity is decided on integers (hashed keys; a closure's second
-- and its complaint packed in one BIGINT), and a title is read for its keys and read again only
-- where a similarity is computed: at ten million complaints, rows that carried their texts
-- through the windows and joins ran out of memory. Titles come normalised from ingest (migration
-- 0006): normalising them here cost a third of this step. The window compares whole
-- seconds (exports give minutes at best). Reporters never leave this table: it holds no pseudonym.
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
WITH p AS (
    SELECT repeat_window_days AS win, repeat_title_similarity AS sim, utc_offset_seconds::BIGINT * 1000000 AS off_us FROM build_info
),
-- b: complaint_facts' first row id. Complaints are named by their row (idx: row id - b) until the
-- end; a table made in the build's own transaction has row ids from 2^62, and an offset from b
-- fits the 32 bits the packing leaves it.
base AS (
    SELECT CASE WHEN max(rowid) - min(rowid) < 4294967295 THEN min(rowid)
                ELSE error('repeats: more than 4,294,967,295 complaints') END AS b
    FROM complaint_facts
),
-- One row per cohort complaint or closure, with its keys: reporter + SKPD (rkey), kecamatan +
-- category + normalised title (tkey) and its first 4 characters (pkey). A complaint without a
-- title (confidential) gets keys no other complaint has; has_title, not the key, says which rows
-- a title pass reads.
c AS MATERIALIZED (
    SELECT idx, tie, submitted_at, closed_hi, is_closed, in_cohort, rkey, has_title,
           hash(regency_id, area, category, coalesce(tn, chr(0) || idx)) AS tkey,
           hash(regency_id, area, category, coalesce(left(tn, 4), chr(0) || idx)) AS pkey
    FROM (
        SELECT
            f.rowid - (SELECT b FROM base) AS idx, (hash(f.regency_id, f.tracking_id) >> 32)::BIGINT AS tie,
            f.regency_id, f.area, f.category,
            f.submitted_at, f.closed_hi,
            f.status = 'closed' AND f.closed_hi IS NOT NULL AS is_closed,
            f.in_cohort,
            CASE WHEN k.reporter_key IS NOT NULL AND f.agency_id IS NOT NULL THEN hash(f.regency_id, k.reporter_key, f.agency_id) END AS rkey,
            k.title IS NOT NULL AS has_title,
            k.title_norm AS tn
        FROM complaint_facts AS f
        JOIN complaints AS k USING (regency, tracking_id)
        WHERE f.in_cohort OR (f.status = 'closed' AND f.closed_hi IS NOT NULL)
    )
),
-- Closures and candidates in one stream per key, in time order (t: microseconds × 2, a closure
-- before a submission at the same instant). A closure's second (from 1990, clamped to 31 bits:
-- 1990 to 2058) is packed with its idx in v, and with its tie-breaker in o: the closure last
-- before is the one with the greatest o, and v names it. Closures seen in one download share
-- their instant, so ties are common; o breaks them by a hash of the tracking id, which the data
-- fixes, where the row id (the order parallel threads wrote complaint_facts in) changed from
-- build to build. A candidate's o is -1, below every closure's, and its v is -1 - idx.
-- (A window rather than an ASOF join: DuckDB plans ASOF joins on tables made in the same
-- transaction as nested loops.)
events AS MATERIALIZED (
    SELECT rkey, has_title, tkey, pkey, epoch_us(closed_hi) * 2 AS t,
           (least(greatest(epoch(closed_hi)::BIGINT - 631152000, 0), 2147483647) << 32) | idx AS v,
           (least(greatest(epoch(closed_hi)::BIGINT - 631152000, 0), 2147483647) << 32) | tie AS o
    FROM c WHERE is_closed
    UNION ALL
    SELECT rkey, has_title, tkey, pkey, epoch_us(submitted_at) * 2 + 1, -1 - idx, -1
    FROM c WHERE in_cohort
),
-- the closure last before each candidate, per pass (1 reporter, 2 title, 3 prefix): a running
-- arg_max, not last_value(... IGNORE NULLS), which DuckDB evaluates row by row over the whole frame
last_closed AS (
    SELECT v, t, 1 AS pref, arg_max(v, o) OVER (PARTITION BY rkey ORDER BY t ROWS UNBOUNDED PRECEDING) AS k
    FROM (SELECT rkey, t, v, o FROM events WHERE rkey IS NOT NULL)
    UNION ALL
    SELECT v, t, 2, arg_max(v, o) OVER (PARTITION BY tkey ORDER BY t ROWS UNBOUNDED PRECEDING)
    FROM (SELECT tkey, t, v, o FROM events WHERE has_title)
    UNION ALL
    SELECT v, t, 3, arg_max(v, o) OVER (PARTITION BY pkey ORDER BY t ROWS UNBOUNDED PRECEDING)
    FROM (SELECT pkey, t, v, o FROM events WHERE has_title)
),
-- candidates with a closure within the window that is not their own, named by row id again.
-- (A condition between two joined sides, such as tracking_id <> repeat_of, made the planner
-- join every candidate with every closure: here it is all one row's integers.)
near AS MATERIALIZED (
    SELECT -1 - x.v + (SELECT b FROM base) AS cand_idx, x.pref, (x.k & 4294967295) + (SELECT b FROM base) AS closed_idx
    FROM last_closed AS x
    WHERE x.v < 0 AND x.k >= 0
      AND (x.k >> 32) >= (x.t // 2) // 1000000 - 631152000 - 86400 * (SELECT win FROM p)
      AND x.k & 4294967295 <> -1 - x.v
),
pairs AS (
    SELECT cand_idx, closed_idx FROM near WHERE pref = 3
),
-- the titles of the prefix matches' two sides only: the one place a text is compared
titles AS (
    SELECT f.idx, k.title_norm AS tn
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
    WHERE x.pref < 3 OR x.title_similarity >= (SELECT sim FROM p)
    GROUP BY x.cand_idx
),
-- the repeat with its own columns first, then the earlier complaint's: two steps, because the
-- planner, without statistics for tables made in the build's transaction, crossed the two
-- sides of complaint_facts with each other (quadratic) when given both joins at once
named AS MATERIALIZED (
    SELECT m.closed_idx, m.pref, m.title_similarity,
           n.regency_id, n.agency_id, n.regency, n.tracking_id, n.agency, n.cohort_month, n.category, n.area, n.submitted_at
    FROM matched AS m
    JOIN (SELECT rowid AS idx, * FROM complaint_facts) AS n ON n.idx = m.cand_idx
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
    (local_date(n.submitted_at, (SELECT off_us FROM p)) - local_date(e.closed_hi, (SELECT off_us FROM p)))::INTEGER AS days_after_closure,
    CASE WHEN n.pref = 1 THEN 'reporter' ELSE 'title' END AS matched_by,
    n.title_similarity
FROM named AS n
JOIN (SELECT rowid AS idx, tracking_id, agency, closed_hi FROM complaint_facts) AS e ON e.idx = n.closed_idx

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
--             normalised (lower case, every run of characters other than letters and digits made
--             one space); a confidential complaint has no title and repeats only by reporter.
-- When several earlier complaints qualify, E is the one closed last before N (a reporter match
-- before a title match). Method: exact matches (same reporter, same normalised title) by ASOF
-- join, the latest closure at or before the submission; the similar titles of the remaining
-- complaints by a join on kecamatan, category and the normalised title's first 3 characters (a
-- Jaro-Winkler similarity of 0.9 or more all but always shares them: Winkler's weight on the
-- common prefix), within the window. Reporters never leave this table: it holds no pseudonym.
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
    SELECT repeat_window_days AS win, repeat_title_similarity AS sim FROM build_info
),
c AS (
    SELECT
        f.regency_id, f.regency, f.tracking_id, f.agency_id, f.agency, f.category, f.area,
        f.submitted_at, f.closed_hi, f.status, f.in_cohort, f.cohort_month,
        k.reporter_key,
        nullif(trim(regexp_replace(lower(k.title), '[^[:alnum:]]+', ' ', 'g')), '') AS title_norm
    FROM complaint_facts AS f
    JOIN complaints AS k USING (regency, tracking_id)
),
closed AS (
    SELECT regency_id, tracking_id, agency_id, agency, category, area, closed_hi, reporter_key, title_norm
    FROM c
    WHERE status = 'closed' AND closed_hi IS NOT NULL
),
cand AS (
    SELECT * FROM c WHERE in_cohort
),
by_reporter AS (
    SELECT n.regency_id, n.tracking_id, e.tracking_id AS repeat_of, e.agency AS repeat_of_agency,
           e.closed_hi AS repeat_of_closed_at, 'reporter' AS matched_by, NULL::DOUBLE AS title_similarity, 1 AS pref
    FROM cand AS n
    ASOF JOIN closed AS e
        ON e.regency_id = n.regency_id AND e.reporter_key = n.reporter_key AND e.agency_id = n.agency_id
       AND n.submitted_at >= e.closed_hi
    CROSS JOIN p
    WHERE n.reporter_key IS NOT NULL AND e.tracking_id <> n.tracking_id
      AND e.closed_hi >= n.submitted_at - to_days(p.win)
),
by_title AS (
    SELECT n.regency_id, n.tracking_id, e.tracking_id AS repeat_of, e.agency AS repeat_of_agency,
           e.closed_hi AS repeat_of_closed_at, 'title' AS matched_by, 1.0::DOUBLE AS title_similarity, 2 AS pref
    FROM cand AS n
    ASOF JOIN closed AS e
        ON e.regency_id = n.regency_id AND e.area = n.area AND e.category = n.category AND e.title_norm = n.title_norm
       AND n.submitted_at >= e.closed_hi
    CROSS JOIN p
    WHERE n.title_norm IS NOT NULL AND e.tracking_id <> n.tracking_id
      AND e.closed_hi >= n.submitted_at - to_days(p.win)
),
exact AS (
    SELECT * FROM by_reporter
    UNION ALL
    SELECT * FROM by_title
),
rest AS (
    SELECT n.*, left(n.title_norm, 3) AS prefix
    FROM cand AS n
    ANTI JOIN exact AS x USING (regency_id, tracking_id)
    WHERE n.title_norm IS NOT NULL AND n.area IS NOT NULL AND n.category IS NOT NULL
),
similar_titles AS (
    SELECT
        n.regency_id, n.tracking_id,
        arg_max(e.tracking_id, e.closed_hi) AS repeat_of,
        arg_max(e.agency, e.closed_hi) AS repeat_of_agency,
        max(e.closed_hi) AS repeat_of_closed_at,
        'title' AS matched_by,
        arg_max(jaro_winkler_similarity(n.title_norm, e.title_norm), e.closed_hi) AS title_similarity,
        3 AS pref
    FROM rest AS n
    JOIN (SELECT *, left(title_norm, 3) AS prefix FROM closed WHERE title_norm IS NOT NULL) AS e
        ON e.regency_id = n.regency_id AND e.area = n.area AND e.category = n.category AND e.prefix = n.prefix
       AND e.closed_hi <= n.submitted_at
    CROSS JOIN p
    WHERE e.closed_hi >= n.submitted_at - to_days(p.win) AND e.tracking_id <> n.tracking_id
      AND jaro_winkler_similarity(n.title_norm, e.title_norm) >= p.sim
    GROUP BY n.regency_id, n.tracking_id
),
matched AS (
    SELECT regency_id, tracking_id,
           arg_min(repeat_of, pref) AS repeat_of,
           arg_min(repeat_of_agency, pref) AS repeat_of_agency,
           arg_min(repeat_of_closed_at, pref) AS repeat_of_closed_at,
           arg_min(matched_by, pref) AS matched_by,
           arg_min(title_similarity, pref) AS title_similarity
    FROM (SELECT * FROM exact UNION ALL SELECT * FROM similar_titles)
    GROUP BY ALL
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
    m.repeat_of,
    m.repeat_of_agency,
    m.repeat_of_closed_at,
    date_diff('day', m.repeat_of_closed_at, n.submitted_at)::INTEGER AS days_after_closure,
    m.matched_by,
    m.title_similarity
FROM matched AS m
JOIN cand AS n USING (regency_id, tracking_id)
ORDER BY n.regency, n.agency, n.cohort_month, n.tracking_id

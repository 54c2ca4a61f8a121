-- An agency is ranked exactly when received >= min_sample (and it has a score); ranks are
-- 1..n without gaps or repeats within a regency and period; rank_change is the previous
-- period's rank minus this one.
WITH p AS (SELECT * FROM build_info),
t AS (
    SELECT regency, 'month' AS period_type, month::VARCHAR AS period, month AS end_month, agency, received, score, rank, rank_change
    FROM agency_month
    UNION ALL
    SELECT regency, period_type, period, end_month, agency, received, score, rank, rank_change
    FROM agency_period
),
eligibility AS (
    SELECT t.regency, t.period_type, t.period, t.agency, 'rank given or missing against min_sample' AS problem
    FROM t, p
    WHERE (rank IS NOT NULL) <> (received >= p.min_sample AND score IS NOT NULL)
),
sequence AS (
    SELECT regency, period_type, period, NULL AS agency, 'ranks not 1..n' AS problem
    FROM t
    GROUP BY regency, period_type, period
    HAVING count(rank) <> count(DISTINCT rank) OR coalesce(max(rank), 0) <> count(rank) OR min(rank) <> 1
),
prev AS (
    SELECT t.regency, t.period_type, t.period, t.agency, 'rank_change is not the previous rank minus this one' AS problem
    FROM t
    LEFT JOIN t AS q
        ON q.regency = t.regency AND q.agency = t.agency AND q.period_type = t.period_type
       AND q.end_month = t.end_month - CASE t.period_type WHEN 'quarter' THEN INTERVAL 3 MONTH
                                                         WHEN 'year' THEN INTERVAL 12 MONTH
                                                         ELSE INTERVAL 1 MONTH END
    WHERE t.rank_change IS DISTINCT FROM q.rank - t.rank
)
SELECT * FROM eligibility
UNION ALL SELECT * FROM sequence
UNION ALL SELECT * FROM prev

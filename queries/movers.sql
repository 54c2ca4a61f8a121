-- name: movers
-- title: Perubahan terbesar / Month-over-month movers
-- description: SKPD whose score moved most from the previous month to `month`, with rank and
--   zone then and now. Small samples (received < min_sample) are marked: their moves are noise.
--   A month still maturing (its complaints have not all reached the completion limit) or not
--   over is never compared with a finished one: its rows come with maturing = true and no
--   score_change or rank_change; pick the last month that has matured for the movers.
-- param: month date  the month (YYYY-MM)
WITH cur AS (
    SELECT * FROM agency_month WHERE month = date_trunc('month', $month::DATE)
),
prev AS (
    SELECT * FROM agency_month WHERE month = date_trunc('month', $month::DATE) - INTERVAL 1 MONTH
)
SELECT
    cur.regency,
    cur.agency,
    prev.score                    AS score_before,
    cur.score                     AS score_now,
    CASE WHEN fair THEN cur.score - prev.score END AS score_change,
    prev.zone                     AS zone_before,
    cur.zone                      AS zone_now,
    prev.rank                     AS rank_before,
    cur.rank                      AS rank_now,
    CASE WHEN fair THEN cur.rank_change END AS rank_change,
    prev.received                 AS received_before,
    cur.received                  AS received_now,
    cur.small_sample OR coalesce(prev.small_sample, true) AS small_sample,
    NOT fair                      AS maturing
FROM cur
JOIN prev USING (regency, agency)
CROSS JOIN LATERAL (SELECT cur.complete AND NOT cur.maturing AND prev.complete AND NOT prev.maturing AS fair)
WHERE cur.score IS NOT NULL AND prev.score IS NOT NULL
ORDER BY abs(score_change) DESC NULLS LAST, cur.agency

-- name: movers
-- title: Perubahan terbesar / Month-over-month movers
-- description: SKPD whose score moved most from the previous month to `month`, with rank and
--   zone then and now. Small samples (received < min_sample) are marked: their moves are noise.
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
    cur.score - prev.score        AS score_change,
    prev.zone                     AS zone_before,
    cur.zone                      AS zone_now,
    prev.rank                     AS rank_before,
    cur.rank                      AS rank_now,
    cur.rank_change,
    prev.received                 AS received_before,
    cur.received                  AS received_now,
    cur.small_sample OR coalesce(prev.small_sample, true) AS small_sample
FROM cur
JOIN prev USING (regency, agency)
WHERE cur.score IS NOT NULL AND prev.score IS NOT NULL
ORDER BY abs(cur.score - prev.score) DESC, cur.agency

-- name: zones
-- title: SKPD menurut zona / Agencies by zone
-- description: Every SKPD with its zone (hijau, kuning, merah) and score for the 12 months ending
--   with `month` (the steadier figure for a small regency) and for the month itself.
-- param: month date  the month (YYYY-MM)
SELECT
    y.regency,
    y.agency,
    y.zone                AS zone_12m,
    y.score               AS score_12m,
    y.received            AS received_12m,
    y.rank                AS rank_12m,
    m.zone                AS zone_month,
    m.score               AS score_month,
    m.received            AS received_month,
    y.small_sample        AS small_sample_12m
FROM agency_period AS y
LEFT JOIN agency_month AS m
       ON m.regency = y.regency AND m.agency = y.agency AND m.month = y.end_month
WHERE y.period_type = 'rolling_12m'
  AND y.end_month = date_trunc('month', $month::DATE)
ORDER BY y.regency,
         CASE y.zone WHEN 'hijau' THEN 1 WHEN 'kuning' THEN 2 WHEN 'merah' THEN 3 ELSE 4 END,
         y.score DESC NULLS LAST, y.agency

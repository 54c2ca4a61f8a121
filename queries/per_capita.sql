-- name: per-capita
-- title: Pengaduan per 10.000 penduduk per kecamatan / Complaints per 10,000 inhabitants by kecamatan
-- description: Complaints submitted from `from` to `to` (months, inclusive) per kecamatan and per
--   10,000 inhabitants, with the population loaded by `rapor population FILE.csv`. A complaint's
--   kecamatan is the area_population.area that its area (Lokasi) is or ends with ("Desa X,
--   Amuntai Tengah" counts for Amuntai Tengah); complaints whose area matches none are counted
--   as "(tidak dikenali)".
-- param: from date  first month (YYYY-MM)
-- param: to date    last month (YYYY-MM)
WITH period AS (
    SELECT regency, tracking_id, lower(trim(coalesce(area, ''))) AS area_l
    FROM complaints
    WHERE submitted_at::DATE BETWEEN date_trunc('month', $from::DATE)
                                 AND last_day(date_trunc('month', $to::DATE))
),
matched AS (
    SELECT p.regency, p.tracking_id, arg_max(a.area, length(a.area)) AS area
    FROM period AS p
    JOIN area_population AS a
      ON a.regency = p.regency
     AND (p.area_l = lower(a.area) OR p.area_l LIKE '%' || lower(a.area))
    GROUP BY ALL
),
counts AS (
    SELECT p.regency, coalesce(m.area, '(tidak dikenali)') AS area, count(*) AS complaints
    FROM period AS p
    LEFT JOIN matched AS m USING (regency, tracking_id)
    GROUP BY ALL
)
SELECT
    coalesce(c.regency, a.regency)                            AS regency,
    coalesce(c.area, a.area)                                  AS kecamatan,
    coalesce(c.complaints, 0)                                 AS complaints,
    a.population,
    round(10000.0 * coalesce(c.complaints, 0) / a.population, 2) AS per_10000,
    a.year                                                    AS population_year
FROM counts AS c
FULL JOIN area_population AS a ON a.regency = c.regency AND a.area = c.area
ORDER BY per_10000 DESC NULLS LAST, kecamatan

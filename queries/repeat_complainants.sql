-- name: repeat-complainants
-- title: Pelapor berulang / Repeat complainants
-- description: How many reporters filed one, two, three to five, or more complaints submitted
--   from `from` to `to` (months, inclusive), and how many complaints each group filed. Counts
--   only: reporters are known by a keyed pseudonym (reporter_key), never by name or number;
--   anonymous complaints without a name or number have no pseudonym and are counted apart.
-- param: from date  first month (YYYY-MM)
-- param: to date    last month (YYYY-MM)
WITH period AS (
    SELECT reporter_key
    FROM complaints
    WHERE submitted_at::DATE BETWEEN date_trunc('month', $from::DATE)
                                 AND last_day(date_trunc('month', $to::DATE))
),
per_reporter AS (
    SELECT reporter_key, count(*) AS n FROM period WHERE reporter_key IS NOT NULL GROUP BY ALL
),
grouped AS (
    SELECT
        CASE WHEN n = 1 THEN '1' WHEN n = 2 THEN '2' WHEN n <= 5 THEN '3-5' ELSE '6+' END AS complaints_each,
        CASE WHEN n = 1 THEN 1 WHEN n = 2 THEN 2 WHEN n <= 5 THEN 3 ELSE 4 END AS ord,
        count(*) AS reporters,
        sum(n)   AS complaints
    FROM per_reporter
    GROUP BY ALL
    UNION ALL
    SELECT 'tanpa identitas / no identity', 5, NULL, count(*) FROM period WHERE reporter_key IS NULL
)
SELECT complaints_each, reporters, complaints,
       complaints / sum(complaints) OVER () AS share_of_complaints
FROM grouped
WHERE complaints > 0
ORDER BY ord

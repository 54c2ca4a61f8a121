-- The accountability list (the CTE "list": overdue.sql or overdue_at.sql, put before this query
-- by the reports) in the order it is shown: the agency with the most items first (ties by name),
-- within an agency the oldest first, then by tracking id. The columns of list, in its order (read
-- through the Arrow interface: the order matters).
-- $agency: only that agency's items (NULL: every agency's).
-- $offset, $limit: the part of the list after its first $offset items, at most $limit of them
-- (NULL: all), e.g. one workbook sheet's.
SELECT agency, unit, tracking_id, category, title, confidential, disposed_us, age_days, age_wd, over_c, over_r
FROM (
    SELECT *, count(*) OVER (PARTITION BY agency) AS n
    FROM list
    WHERE $agency IS NULL OR agency = $agency
)
ORDER BY n DESC, agency, age_days DESC, tracking_id
LIMIT $limit OFFSET $offset

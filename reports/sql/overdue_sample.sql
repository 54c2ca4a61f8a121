-- The oldest items of every agency of the accountability list (the CTE "list": overdue.sql or
-- overdue_at.sql, put before this query by the reports): those the regency's page shows when the
-- whole list is longer than its room (the reports share the room among agencies, shareRoom, and
-- ask for the biggest share). At most $per items of each agency, in the order and with the
-- columns of overdue_rows.sql.
-- $per: items per agency (NULL: all).
SELECT agency, unit, tracking_id, category, title, confidential, disposed_us, age_days, age_wd, over_c, over_r
FROM (
    SELECT *, count(*) OVER (PARTITION BY agency) AS n,
           row_number() OVER (PARTITION BY agency ORDER BY age_days DESC, tracking_id) AS rn
    FROM list
)
WHERE $per IS NULL OR rn <= $per
ORDER BY n DESC, agency, age_days DESC, tracking_id

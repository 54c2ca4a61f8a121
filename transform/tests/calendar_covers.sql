-- The calendar has every date from its first to its last, wd_index counts its working days, and
-- it covers every local date of a complaint timestamp and every month end up to as_of.
WITH c AS (
    SELECT *, lag(date) OVER (ORDER BY date) AS prev_date, lag(wd_index) OVER (ORDER BY date) AS prev_index
    FROM calendar
),
gaps AS (
    SELECT date::VARCHAR AS what, 'gap or wrong wd_index' AS problem
    FROM c
    WHERE prev_date IS NOT NULL AND (date <> prev_date + 1 OR wd_index <> prev_index + is_working_day::INT)
),
bounds AS (SELECT min(date) AS first_date, max(date) AS last_date FROM calendar),
needed AS (
    SELECT submitted_date AS d FROM complaint_facts
    UNION SELECT disposed_date FROM complaint_facts
    UNION SELECT first_response_at::DATE FROM complaint_facts
    UNION SELECT closed_date FROM complaint_facts
    UNION SELECT period_end FROM periods
    UNION SELECT as_of_date FROM build_info
)
SELECT * FROM gaps
UNION ALL
SELECT d::VARCHAR, 'date outside the calendar'
FROM needed, bounds
WHERE d IS NOT NULL AND (d < first_date OR d > last_date)

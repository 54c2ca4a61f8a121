-- The calendar has every date from its first to its last, wd_index counts its working days, and
-- it covers the local dates of every complaint timestamp, as_of and every period end.
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
    SELECT least(min(submitted_at), min(verified_at), min(disposed_at), min(first_response_at), min(closed_at), min(last_activity_at))::DATE AS d
    FROM complaints
    UNION ALL
    SELECT greatest(max(submitted_at), max(verified_at), max(disposed_at), max(first_response_at), max(closed_at), max(last_activity_at))::DATE
    FROM complaints
    UNION ALL SELECT period_end FROM periods
    UNION ALL SELECT as_of_date FROM build_info
)
SELECT * FROM gaps
UNION ALL
SELECT d::VARCHAR, 'date outside the calendar'
FROM needed, bounds
WHERE d IS NOT NULL AND (d < first_date OR d > last_date)

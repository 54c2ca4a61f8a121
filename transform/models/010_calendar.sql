-- calendar: every local date the metrics can need, with whether it is a working day.
--
-- Grain: one row per local date (config timezone), from 1 January of the year of the earliest
-- timestamp in complaints to 31 December of the year of the latest of as_of and every complaint
-- timestamp (so every date a duration or a month end needs, including month ends up to as_of).
-- A working day is Monday to Friday and not in holidays (built-in libur nasional and cuti bersama
-- 2015-2027, plus or instead of config holidays_file).
--
-- wd(a, b), the working days d with local_date(a) < d <= local_date(b), is
-- calendar[local_date(b)].wd_index - calendar[local_date(a)].wd_index: two equi-joins by date.
--
-- Columns:
--   date            DATE     the local date
--   iso_weekday     INTEGER  1 = Monday ... 7 = Sunday
--   is_working_day  BOOLEAN  Monday to Friday and not a holiday
--   holiday_name    VARCHAR  name of the holiday or cuti bersama on this date (weekends included), else NULL
--   holiday_kind    VARCHAR  libur_nasional | cuti_bersama | daerah, else NULL
--   wd_index        BIGINT   working days from the first date of the table up to and including this date
--   holidays_known  BOOLEAN  the holiday list covers this date's year (outside it only weekends are off)
CREATE OR REPLACE TABLE calendar AS
WITH span AS (
    SELECT
        make_date(year(least(min(c.submitted_at), min(c.verified_at), min(c.disposed_at),
                             min(c.first_response_at), min(c.closed_at), min(c.last_activity_at))::DATE), 1, 1) AS first_date,
        make_date(year(greatest(max(c.submitted_at), max(c.verified_at), max(c.disposed_at),
                                max(c.first_response_at), max(c.closed_at), max(c.last_activity_at),
                                any_value(b.as_of))::DATE), 12, 31) AS last_date
    FROM complaints AS c, build_info AS b
),
days AS (
    SELECT unnest(generate_series(first_date, last_date, INTERVAL 1 DAY))::DATE AS date FROM span
),
flagged AS (
    SELECT
        d.date,
        isodow(d.date)::INTEGER AS iso_weekday,
        isodow(d.date) <= 5 AND h.date IS NULL AS is_working_day,
        h.name AS holiday_name,
        h.kind AS holiday_kind,
        coalesce(d.date BETWEEN b.holidays_first AND b.holidays_last, false) AS holidays_known
    FROM days AS d
    CROSS JOIN build_info AS b
    LEFT JOIN holidays AS h ON h.date = d.date
)
SELECT
    date,
    iso_weekday,
    is_working_day,
    holiday_name,
    holiday_kind,
    sum(is_working_day::INTEGER) OVER (ORDER BY date ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)::BIGINT AS wd_index,
    holidays_known
FROM flagged
ORDER BY date

-- calendar: every local date the metrics can need, with whether it is a working day.
--
-- Grain: one row per local date (config timezone), from 1 January of the year of the earliest
-- timestamp in complaints (build_info.data_first) to 31 December of the year of the latest one
-- (data_last, or as_of): every date a duration, a month end or a period end can need.
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
--   wd_index        INTEGER  working days from the first date of the table up to and including this date
--   holidays_known  BOOLEAN  the holiday list covers this date's year (outside it only weekends are off)
--   response_late_from    DATE  the first date on which a complaint disposed on this date has waited more
--                               than R working days: the (R+1)th working day after it
--   completion_late_from  DATE  the first date on which a complaint disposed on this date is past C:
--                               date + C + 1 (calendar unit) or the (C+1)th working day after it (working unit)
CREATE OR REPLACE TABLE calendar AS
WITH span AS (
    SELECT
        make_date(year(data_first::DATE), 1, 1) AS first_date,
        make_date(year(greatest(data_last, as_of)::DATE), 12, 31) AS last_date,
        holidays_first,
        holidays_last
    FROM build_info
),
days AS (
    SELECT unnest(generate_series(first_date, last_date, INTERVAL 1 DAY))::DATE AS date, holidays_first, holidays_last
    FROM span
),
flagged AS (
    SELECT
        d.date,
        isodow(d.date)::INTEGER AS iso_weekday,
        isodow(d.date) <= 5 AND h.date IS NULL AS is_working_day,
        h.name AS holiday_name,
        h.kind AS holiday_kind,
        coalesce(d.date BETWEEN d.holidays_first AND d.holidays_last, false) AS holidays_known
    FROM days AS d
    LEFT JOIN holidays AS h ON h.date = d.date
),
indexed AS (
    SELECT
        *,
        sum(is_working_day::INTEGER) OVER (ORDER BY date ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)::INTEGER AS wd_index
    FROM flagged
),
working AS (
    SELECT wd_index, date FROM indexed WHERE is_working_day
)
SELECT
    c.date,
    c.iso_weekday,
    c.is_working_day,
    c.holiday_name,
    c.holiday_kind,
    c.wd_index,
    c.holidays_known,
    r.date AS response_late_from,
    CASE WHEN b.completion_unit = 'working' THEN w.date ELSE c.date + (b.completion_days + 1) END AS completion_late_from
FROM indexed AS c
CROSS JOIN build_info AS b
LEFT JOIN working AS r ON r.wd_index = c.wd_index + b.response_working_days + 1
LEFT JOIN working AS w ON w.wd_index = c.wd_index + b.completion_days + 1
ORDER BY c.date

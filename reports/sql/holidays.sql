-- The non-working days of the calendar in force from $1 to $2 (both included), by date:
-- date, kind, name.
-- $1 first date, $2 last date (YYYY-MM-DD text).
SELECT date, kind, name
FROM holidays
WHERE date BETWEEN $1::DATE AND $2::DATE
ORDER BY date

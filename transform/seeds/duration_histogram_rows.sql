-- The rows of duration_histogram for the Go pass that fills duration_windows: one series after the
-- other, each month's values in increasing order (windows.go relies on this order).
SELECT h.series, h.value, h.month, h.n, b.last_month
FROM duration_histogram AS h
-- the December of as_of's year: the last period end, beyond which no window is needed
CROSS JOIN (SELECT year(as_of_month) * 12 + 11 AS last_month FROM build_info) AS b
ORDER BY h.series, h.month, h.value

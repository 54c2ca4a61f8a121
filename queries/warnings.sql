-- name: warnings
-- title: Peringatan dini / Early warnings
-- description: The early warnings of the last build (table warnings), newest month first: the
--   SKPD (or the regency's admin), what slid or jumped, the months and the numbers it rests on,
--   and whether an earlier build had already raised it. Only mature months ever warn.
SELECT
    w.regency,
    coalesce(w.agency, '(admin kabupaten / regency admin)') AS agency,
    w.kind,
    w.measure,
    strftime(w.month, '%Y-%m') AS month,
    list_transform(w.months, m -> strftime(m, '%Y-%m')) AS months,
    list_transform(w.measured, v -> round(v, 3)) AS measured,
    round(w.baseline, 3) AS baseline,
    round(w.value, 3) AS value,
    round(w.change, 3) AS change,
    round(w.z, 2) AS z,
    w.new
FROM warnings AS w
ORDER BY w.regency, w.month DESC, w.kind, w.agency

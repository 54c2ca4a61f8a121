-- warnings: early warnings for leadership, before the month's meeting (README, "Early warnings";
-- thresholds: config warnings, in build_info warn_*). Only mature months count (complete and not
-- maturing in agency_month / regency_month): a maturing month never raises or feeds a warning.
--
-- Grain: one row per (regency, agency, kind, month): a warning raised at the mature month it
-- fires in (agency NULL for the regency's own). Kinds, N = warn_months_running:
--   response_slide        an SKPD's on_time_response_rate fell in each of N consecutive mature
--                         months (N + 1 months, each with at least warn_min_received complaints),
--                         by at least warn_response_drop in all
--   overdue_growth        an SKPD's overdue_end grew in each of N consecutive mature months, in all
--                         by at least warn_overdue_min_increase and warn_overdue_growth of its start
--   verification_backlog  the regency's undisposed_end (the admin's verification queue) grew the
--                         same way (warn_backlog_min_increase, warn_backlog_growth)
--   expired_jump          an SKPD's archived_expired in a month is at least warn_expired_factor
--                         times and warn_expired_min_increase more than its median over the
--                         warn_history_months months before
--   volume_outlier        an SKPD's received in a month is far outside its usual range: its
--                         distance from the median of the warn_history_months months before is at
--                         least warn_volume_min_change complaints and warn_volume_z times
--                         1.4826 * MAD (the median absolute deviation; a MAD of 0 counts as any z)
-- The median-based kinds judge a month only with warn_min_history months of history (months
-- since the SKPD's first complaint; a month without complaints counts as 0).
--
-- Columns:
--   warning_key      VARCHAR    regency|agency|kind|month: identifies the warning across builds
--   regency          VARCHAR    regency
--   agency           VARCHAR    SKPD; NULL for verification_backlog (the regency's admin)
--   kind             VARCHAR    response_slide | overdue_growth | verification_backlog | expired_jump | volume_outlier
--   measure          VARCHAR    the column judged: on_time_response_rate | overdue_end | undisposed_end | archived_expired | received
--   month            DATE       the mature month it fires in (the run's last month)
--   months           DATE[]     the months it rests on: the run with the month before it, or the month alone
--   measured         DOUBLE[]   the measure in those months
--   baseline         DOUBLE     what the month is compared with: the measure in the month before the run, or the median of the history
--   value            DOUBLE     the measure in month
--   change           DOUBLE     value - baseline
--   spread           DOUBLE     volume_outlier: the MAD of the history; else NULL
--   z                DOUBLE     volume_outlier: |change| / (1.4826 * spread), NULL when spread is 0; else NULL
--   history_months   INTEGER    months of history behind baseline (median-based kinds); else NULL
--   new              BOOLEAN    not raised by an earlier build (warnings_raised): rapor run exits 3
--   first_build_id   BIGINT     the build that first raised it
CREATE OR REPLACE TABLE warnings AS
WITH p AS (
    SELECT * FROM build_info
),
-- Runs: one series per (regency, agency, kind); dir -1 for a fall, +1 for a growth; eligible
-- months only (others break a run).
series AS (
    SELECT a.regency, a.agency, 'response_slide' AS kind, 'on_time_response_rate' AS measure, -1 AS dir,
           a.month, a.on_time_response_rate AS value
    FROM agency_month AS a CROSS JOIN p
    WHERE a.complete AND NOT a.maturing AND a.on_time_response_rate IS NOT NULL AND a.received >= p.warn_min_received
    UNION ALL
    SELECT a.regency, a.agency, 'overdue_growth', 'overdue_end', 1, a.month, a.overdue_end
    FROM agency_month AS a
    WHERE a.complete AND NOT a.maturing
    UNION ALL
    SELECT r.regency, NULL, 'verification_backlog', 'undisposed_end', 1, r.month, r.undisposed_end
    FROM regency_month AS r
    WHERE r.complete AND NOT r.maturing AND r.undisposed_end IS NOT NULL
),
stepped AS (
    SELECT
        *,
        lag(month) OVER w = (month - INTERVAL 1 MONTH)::DATE AND sign(value - lag(value) OVER w) = dir AS moved
    FROM series
    WINDOW w AS (PARTITION BY regency, agency, kind ORDER BY month)
),
islands AS (
    SELECT *, sum(CASE WHEN moved THEN 0 ELSE 1 END) OVER (PARTITION BY regency, agency, kind ORDER BY month) AS island
    FROM stepped
),
runs AS (
    SELECT *, row_number() OVER (PARTITION BY regency, agency, kind, island ORDER BY month) - 1 AS run
    FROM islands
),
run_hits AS (
    SELECT
        r.regency, r.agency, r.kind, r.measure, r.month,
        list(s.month ORDER BY s.month) AS months,
        list(s.value::DOUBLE ORDER BY s.month) AS measured,
        arg_min(s.value, s.month)::DOUBLE AS baseline,
        any_value(r.value)::DOUBLE AS value
    FROM runs AS r
    CROSS JOIN p
    JOIN series AS s
      ON s.regency = r.regency AND s.agency IS NOT DISTINCT FROM r.agency AND s.kind = r.kind
     AND s.month BETWEEN (r.month - to_months(p.warn_months_running))::DATE AND r.month
    WHERE r.run >= p.warn_months_running
    GROUP BY ALL
),
run_warnings AS (
    SELECT h.*, h.value - h.baseline AS change, NULL::DOUBLE AS spread, NULL::DOUBLE AS z, NULL::INTEGER AS history_months
    FROM run_hits AS h CROSS JOIN p
    WHERE CASE h.kind
        WHEN 'response_slide' THEN h.baseline - h.value >= p.warn_response_drop
        WHEN 'overdue_growth' THEN h.value - h.baseline >= p.warn_overdue_min_increase AND h.value - h.baseline >= p.warn_overdue_growth * h.baseline
        ELSE h.value - h.baseline >= p.warn_backlog_min_increase AND h.value - h.baseline >= p.warn_backlog_growth * h.baseline
    END
),
-- Median-based kinds: a dense grid of every SKPD's months from its first complaint (0 where it
-- received none).
first_months AS (
    SELECT regency, agency, min(month) AS first_month FROM agency_month GROUP BY ALL
),
grid AS (
    SELECT f.regency, f.agency, m.end_month AS month, m.complete AND NOT m.maturing AS mature,
           coalesce(a.received, 0)::DOUBLE AS received, coalesce(a.archived_expired, 0)::DOUBLE AS archived_expired
    FROM first_months AS f
    JOIN periods AS m ON m.period_type = 'month' AND m.end_month >= f.first_month
    LEFT JOIN agency_month AS a ON a.regency = f.regency AND a.agency = f.agency AND a.month = m.end_month
),
measures AS (
    SELECT regency, agency, 'volume_outlier' AS kind, 'received' AS measure, month, mature, received AS value FROM grid
    UNION ALL
    SELECT regency, agency, 'expired_jump', 'archived_expired', month, mature, archived_expired FROM grid
),
history AS (
    SELECT x.regency, x.agency, x.kind, x.measure, x.month, any_value(x.value) AS value,
           median(h.value) AS baseline, count(*)::INTEGER AS history_months, list(h.value) AS hist
    FROM measures AS x
    CROSS JOIN p
    JOIN measures AS h
      ON h.regency = x.regency AND h.agency = x.agency AND h.kind = x.kind
     AND h.month >= (x.month - to_months(p.warn_history_months))::DATE AND h.month < x.month
    WHERE x.mature
    GROUP BY ALL
),
spreads AS (
    SELECT *, list_median(list_transform(hist, v -> abs(v - baseline))) AS spread
    FROM history
),
median_warnings AS (
    SELECT
        s.regency, s.agency, s.kind, s.measure, s.month, [s.month] AS months, [s.value] AS measured,
        s.baseline, s.value, s.value - s.baseline AS change,
        CASE WHEN s.kind = 'volume_outlier' THEN s.spread END AS spread,
        CASE WHEN s.kind = 'volume_outlier' AND s.spread > 0 THEN abs(s.value - s.baseline) / (1.4826 * s.spread) END AS z,
        s.history_months
    FROM spreads AS s
    CROSS JOIN p
    WHERE s.history_months >= p.warn_min_history
      AND CASE s.kind
          WHEN 'volume_outlier' THEN abs(s.value - s.baseline) >= p.warn_volume_min_change
                                 AND (s.spread = 0 OR abs(s.value - s.baseline) >= p.warn_volume_z * 1.4826 * s.spread)
          ELSE s.value >= p.warn_expired_factor * s.baseline AND s.value - s.baseline >= p.warn_expired_min_increase
      END
),
raised AS (
    SELECT regency, agency, kind, measure, month, months, measured, baseline, value, change, spread, z, history_months FROM run_warnings
    UNION ALL
    SELECT regency, agency, kind, measure, month, months, measured, baseline, value, change, spread, z, history_months FROM median_warnings
),
keyed AS (
    SELECT concat_ws('|', regency, coalesce(agency, ''), kind, strftime(month, '%Y-%m')) AS warning_key, *
    FROM raised
)
SELECT
    k.warning_key,
    k.regency,
    k.agency,
    k.kind,
    k.measure,
    k.month,
    k.months,
    k.measured,
    k.baseline,
    k.value,
    k.change,
    k.spread,
    k.z,
    k.history_months,
    w.warning_key IS NULL AS new,
    coalesce(w.first_build_id, p.build_id) AS first_build_id
FROM keyed AS k
CROSS JOIN p
LEFT JOIN warnings_raised AS w USING (warning_key)
ORDER BY k.regency, k.month DESC, list_position(['response_slide', 'overdue_growth', 'expired_jump', 'volume_outlier', 'verification_backlog'], k.kind), k.agency

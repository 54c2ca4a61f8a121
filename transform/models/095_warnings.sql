-- warnings: early warnings for leadership, before the month's meeting (README, "Early warnings";
-- thresholds: config warnings, in build_info warn_*). Only mature months count (complete and not
-- maturing in agency_month / regency_month): a maturing month never raises or feeds a warning.
--
-- Grain: one row per (regency, agency, kind, month): a warning raised at the mature month it
-- fires in (agency NULL for the regency's own). Kinds, N = warn_months_running:
--   response_slide        an SKPD's on_time_response_rate fell in each of N consecutive mature
--                         months (N + 1 months, each with at least warn_min_received complaints),
--                         by at least warn_response_drop in all, and beyond sampling noise: the
--                         two-proportion z of the first and last month is at least warn_response_z
--   overdue_growth        an SKPD's overdue_end grew faster than usual in each of N consecutive
--                         mature months (by more than the median monthly change of the
--                         warn_history_months months before), and the growth beyond the usual
--                         over the run is at least warn_overdue_min_increase complaints and
--                         warn_overdue_growth of the stock at its start (a stock of complaints
--                         nobody closes always grows: growing faster is the news)
--   verification_backlog  the regency's undisposed_end (the admin's verification queue) grew the
--                         same way (warn_backlog_min_increase, warn_backlog_growth)
--   expired_jump          an SKPD's archived_expired in a month is at least warn_expired_factor
--                         times and warn_expired_min_increase more than its median over the
--                         warn_history_months months before
--   volume_outlier        an SKPD's received in a month is far outside its usual range: judged on
--                         its share of the regency's month (what moves every SKPD is not news),
--                         expected = the median share over the warn_history_months months before
--                         times the month's total; the distance from it is at least
--                         warn_volume_min_change complaints and warn_volume_z times the scale
--                         (1.4826 * MAD of the shares times the total, at least the square root of
--                         the expected number: a count's own noise); the distance is the smaller of
--                         those to the expected number and to the same month a year before's share
--                         (a season that comes back is not news)
-- The median-based kinds judge a month only with warn_min_history months of history (months
-- since the SKPD's first complaint; a month without complaints counts as 0), the growth kinds
-- with warn_min_history monthly changes.
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
--   baseline         DOUBLE     what the month is compared with: the measure in the month before the run, the median of the history (expired_jump), or the expected number (volume_outlier)
--   value            DOUBLE     the measure in month
--   change           DOUBLE     value - baseline
--   spread           DOUBLE     volume_outlier: the scale (complaints); else NULL
--   z                DOUBLE     volume_outlier: the distance / spread; response_slide: the two-proportion z of the fall; else NULL
--   usual_change     DOUBLE     growth kinds: the usual monthly change (median over the history), averaged over the run's months; else NULL
--   history_months   INTEGER    months of history behind baseline (median kinds) or monthly changes behind usual_change (growth kinds); else NULL
--   new              BOOLEAN    not raised by an earlier build (warnings_raised): rapor run exits 3
--   first_build_id   BIGINT     the build that first raised it
CREATE OR REPLACE TABLE warnings AS
WITH p AS (
    SELECT * FROM build_info
),
-- Runs: one series per (regency, agency, kind); dir -1 for a fall, +1 for a growth; eligible
-- months only (others break a run). n: the complaints a rate rests on.
series AS (
    SELECT a.regency, a.agency, 'response_slide' AS kind, 'on_time_response_rate' AS measure, -1 AS dir,
           a.month, a.on_time_response_rate AS value, a.response_base AS n
    FROM agency_month AS a CROSS JOIN p
    WHERE a.complete AND NOT a.maturing AND a.on_time_response_rate IS NOT NULL AND a.received >= p.warn_min_received
    UNION ALL
    SELECT a.regency, a.agency, 'overdue_growth', 'overdue_end', 1, a.month, a.overdue_end, NULL
    FROM agency_month AS a
    WHERE a.complete AND NOT a.maturing
    UNION ALL
    SELECT r.regency, NULL, 'verification_backlog', 'undisposed_end', 1, r.month, r.undisposed_end, NULL
    FROM regency_month AS r
    WHERE r.complete AND NOT r.maturing AND r.undisposed_end IS NOT NULL
),
deltas AS (
    SELECT
        *,
        CASE WHEN lag(month) OVER w = (month - INTERVAL 1 MONTH)::DATE THEN (value - lag(value) OVER w)::DOUBLE END AS delta
    FROM series
    WINDOW w AS (PARTITION BY regency, agency, kind ORDER BY month)
),
-- A stock grows when complaints nobody closes pile up: what counts is growing faster than usual,
-- the median monthly change over the history_months months before.
usual AS (
    SELECT d.regency, d.agency, d.kind, d.month, median(h.delta) AS usual_change, count(h.delta)::INTEGER AS history_months
    FROM deltas AS d
    CROSS JOIN p
    LEFT JOIN deltas AS h
      ON h.regency = d.regency AND h.agency IS NOT DISTINCT FROM d.agency AND h.kind = d.kind
     AND h.month >= (d.month - to_months(p.warn_history_months))::DATE AND h.month < d.month
    WHERE d.dir = 1
    GROUP BY ALL
),
stepped AS (
    SELECT
        d.*, u.usual_change, u.history_months,
        coalesce(CASE WHEN d.dir = -1 THEN d.delta < 0
                      ELSE d.delta > u.usual_change AND u.history_months >= p.warn_min_history END, false) AS moved
    FROM deltas AS d
    CROSS JOIN p
    LEFT JOIN usual AS u ON u.regency = d.regency AND u.agency IS NOT DISTINCT FROM d.agency AND u.kind = d.kind AND u.month = d.month
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
        any_value(r.value)::DOUBLE AS value,
        arg_min(s.n, s.month) AS n0,
        any_value(r.n) AS n1,
        avg(s.usual_change) FILTER (WHERE s.month > (r.month - to_months(p.warn_months_running))::DATE) AS usual_change,
        sum(s.delta - s.usual_change) FILTER (WHERE s.month > (r.month - to_months(p.warn_months_running))::DATE) AS excess,
        min(s.history_months) AS history_months
    FROM runs AS r
    CROSS JOIN p
    JOIN stepped AS s
      ON s.regency = r.regency AND s.agency IS NOT DISTINCT FROM r.agency AND s.kind = r.kind
     AND s.month BETWEEN (r.month - to_months(p.warn_months_running))::DATE AND r.month
    WHERE r.run >= p.warn_months_running
    GROUP BY ALL
),
run_scored AS (
    SELECT
        h.*,
        -- the fall of a rate against sampling noise: the two-proportion z of its first and last month
        CASE WHEN h.kind = 'response_slide' THEN
            (h.baseline - h.value) / nullif(sqrt(pp * (1 - pp) * (1.0 / h.n0 + 1.0 / h.n1)), 0) END AS z
    FROM (SELECT *, (baseline * n0 + value * n1) / (n0 + n1) AS pp FROM run_hits) AS h
),
run_warnings AS (
    SELECT h.regency, h.agency, h.kind, h.measure, h.month, h.months, h.measured, h.baseline, h.value,
           h.value - h.baseline AS change, NULL::DOUBLE AS spread, h.z, h.usual_change,
           CASE WHEN h.kind <> 'response_slide' THEN h.history_months END AS history_months
    FROM run_scored AS h CROSS JOIN p
    WHERE CASE h.kind
        WHEN 'response_slide' THEN h.baseline - h.value >= p.warn_response_drop AND coalesce(h.z >= p.warn_response_z, true)
        WHEN 'overdue_growth' THEN h.excess >= p.warn_overdue_min_increase AND h.excess >= p.warn_overdue_growth * h.baseline
        ELSE h.excess >= p.warn_backlog_min_increase AND h.excess >= p.warn_backlog_growth * h.baseline
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
-- Volume: an SKPD's share of the regency's month, so that what moves every SKPD (working days
-- in the month, LAPOR!'s growth) is not news. Expected = the median share of the history times
-- the month's total; the scale is 1.4826 * MAD of the shares times the total, never below the
-- noise of a count (the square root of the expected number). A season that comes back (July's
-- school enrolment, the rainy months' floods) is not news either: the distance is the smaller of
-- those to the expected number and to the same month a year before (its share, this month's total).
volume AS (
    SELECT g.regency, g.agency, g.month, g.mature, g.received, r.received::DOUBLE AS total,
           g.received / nullif(r.received, 0) AS share
    FROM grid AS g
    JOIN regency_month AS r ON r.regency = g.regency AND r.month = g.month
),
volume_history AS (
    SELECT x.regency, x.agency, x.month, any_value(x.received) AS value, any_value(x.total) AS total,
           median(h.share) AS med_share, count(*)::INTEGER AS history_months, list(h.share) AS hist
    FROM volume AS x
    CROSS JOIN p
    JOIN volume AS h
      ON h.regency = x.regency AND h.agency = x.agency
     AND h.month >= (x.month - to_months(p.warn_history_months))::DATE AND h.month < x.month
    WHERE x.mature AND h.share IS NOT NULL
    GROUP BY ALL
),
volume_scored AS (
    SELECT
        v.*,
        v.med_share * v.total AS expected,
        greatest(1.4826 * list_median(list_transform(v.hist, s -> abs(s - v.med_share))) * v.total,
                 sqrt(v.med_share * v.total)) AS scale,
        least(abs(v.value - v.med_share * v.total), coalesce(abs(v.value - y.share * v.total), abs(v.value - v.med_share * v.total))) AS distance
    FROM volume_history AS v
    LEFT JOIN volume AS y ON y.regency = v.regency AND y.agency = v.agency AND y.month = (v.month - INTERVAL 12 MONTH)::DATE
),
volume_warnings AS (
    SELECT
        s.regency, s.agency, 'volume_outlier' AS kind, 'received' AS measure, s.month, [s.month] AS months, [s.value] AS measured,
        s.expected AS baseline, s.value, s.value - s.expected AS change, s.scale AS spread,
        s.distance / nullif(s.scale, 0) AS z, NULL::DOUBLE AS usual_change, s.history_months
    FROM volume_scored AS s
    CROSS JOIN p
    WHERE s.history_months >= p.warn_min_history
      AND s.distance >= p.warn_volume_min_change
      AND coalesce(s.distance / nullif(s.scale, 0) >= p.warn_volume_z, true)
),
expired_history AS (
    SELECT x.regency, x.agency, x.month, any_value(x.archived_expired) AS value,
           median(h.archived_expired) AS baseline, count(*)::INTEGER AS history_months
    FROM grid AS x
    CROSS JOIN p
    JOIN grid AS h
      ON h.regency = x.regency AND h.agency = x.agency
     AND h.month >= (x.month - to_months(p.warn_history_months))::DATE AND h.month < x.month
    WHERE x.mature
    GROUP BY ALL
),
median_warnings AS (
    SELECT * FROM volume_warnings
    UNION ALL
    SELECT
        s.regency, s.agency, 'expired_jump', 'archived_expired', s.month, [s.month], [s.value],
        s.baseline, s.value, s.value - s.baseline, NULL::DOUBLE, NULL::DOUBLE, NULL::DOUBLE, s.history_months
    FROM expired_history AS s
    CROSS JOIN p
    WHERE s.history_months >= p.warn_min_history
      AND s.value >= p.warn_expired_factor * s.baseline AND s.value - s.baseline >= p.warn_expired_min_increase
),
raised AS (
    SELECT regency, agency, kind, measure, month, months, measured, baseline, value, change, spread, z, usual_change, history_months FROM run_warnings
    UNION ALL
    SELECT regency, agency, kind, measure, month, months, measured, baseline, value, change, spread, z, usual_change, history_months FROM median_warnings
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
    k.usual_change,
    k.history_months,
    w.warning_key IS NULL AS new,
    coalesce(w.first_build_id, p.build_id) AS first_build_id
FROM keyed AS k
CROSS JOIN p
LEFT JOIN warnings_raised AS w USING (warning_key)
ORDER BY k.regency, k.month DESC, list_position(['response_slide', 'overdue_growth', 'expired_jump', 'volume_outlier', 'verification_backlog'], k.kind), k.agency

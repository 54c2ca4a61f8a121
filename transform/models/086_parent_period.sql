-- parent_period: the roll-up to parents (agency_parents) of agency_period: every number recomputed from the
-- complaints of the parent's children, never averaged from their rates. Counts are the children's
-- sums (each complaint belongs to one child, so the sums are the counts of the parent's
-- complaints); rates, score, zone and rank come from those counts; medians and 90th percentiles from
-- complaint_facts; rank_change compares ranks among parents, as agency's does among agencies.
-- A separate table rather than a level column in agency_period: every reader of agency_period sums or
-- ranks its rows as agencies, and parent rows there would count every complaint twice.
--
-- Grain: one row per (regency, period_type, period, parent) with at least one complaint in the period.
--
-- Columns:
--   regency                  VARCHAR      regency
--   period_type              VARCHAR      quarter | year | rolling_3m | rolling_12m
--   period                   VARCHAR      label (periods.period)
--   period_start             DATE         first day of the period
--   period_end               DATE         last day of the period
--   end_month                DATE         first day of the period's last month (rolling windows end there)
--   parent                   VARCHAR      the parent unit (agency_parents.parent)
--   children                 BIGINT       agencies of the parent with complaints in the period (the parent's own included)
--   received                 BIGINT       sum over the children (each complaint belongs to one child: the parent's complaints)
--   response_base            BIGINT       sum over the children
--   responded                BIGINT       sum over the children; NULL when response_base = 0
--   responded_on_time        BIGINT       sum over the children; NULL when response_base = 0
--   responded_undetermined   BIGINT       sum over the children
--   closed                   BIGINT       sum over the children
--   closed_on_time           BIGINT       sum over the children
--   closed_undetermined      BIGINT       sum over the children
--   rated                    BIGINT       sum over the children
--   rating_avg               DOUBLE       mean rating of all the parent's rated complaints
--   response_wd_median       DOUBLE       median over the parent's complaints (recomputed from complaint_facts, never a median of medians)
--   response_wd_p90          DOUBLE       90th percentile over the parent's complaints (recomputed from complaint_facts, as the median)
--   close_days_median        DOUBLE       the same for the completion time
--   response_rate            DOUBLE       responded / response_base
--   on_time_response_rate    DOUBLE       responded_on_time / response_base (NULL when more than half undetermined)
--   completion_rate          DOUBLE       closed / received
--   on_time_completion_rate  DOUBLE       closed_on_time / received (NULL when more than half undetermined)
--   satisfaction             DOUBLE       (rating_avg - 1) / 4
--   open_end                 BIGINT       sum over the children
--   overdue_end              BIGINT       sum over the children
--   unanswered_overdue_end   BIGINT       sum over the children
--   open_end_undetermined    BIGINT       sum over the children
--   archived_expired         BIGINT       sum over the children
--   archived_other           BIGINT       sum over the children
--   closed_by_system         BIGINT       sum over the children
--   closed_by_admin          BIGINT       sum over the children
--   closed_by_reporter       BIGINT       sum over the children
--   postponed                BIGINT       sum over the children
--   repeats                  BIGINT       sum over the children
--   repeat_rate              DOUBLE       repeats / received
--   stock_at                 TIMESTAMPTZ  instant of the stock
--   score                    DOUBLE       100 * weighted mean of the available components, from the parent's own rates (9 decimals)
--   zone                     VARCHAR      hijau | kuning | merah
--   rank                     BIGINT       1 = best among the regency's parents with received >= min_sample (score desc, on_time_response_rate desc, received desc, parent asc)
--   rank_change              BIGINT       previous period's rank (of the same type, as agency_period) minus this one; NULL when unranked in either
--   small_sample             BOOLEAN      received < min_sample
--   maturing                 BOOLEAN      as in the children's rows
--   complete                 BOOLEAN      as in the children's rows
CREATE OR REPLACE TABLE parent_period AS
WITH p AS (
    SELECT * FROM build_info
),
summed AS (
    SELECT
        a.regency, a.period_type, a.period, g.parent,
        count(*) AS children,
        sum(a.received)::BIGINT AS received,
        sum(a.response_base)::BIGINT AS response_base,
        sum(coalesce(a.responded, 0))::BIGINT AS responded_all,
        sum(coalesce(a.responded_on_time, 0))::BIGINT AS responded_on_time_all,
        sum(a.responded_undetermined)::BIGINT AS responded_undetermined,
        sum(a.closed)::BIGINT AS closed,
        sum(a.closed_on_time)::BIGINT AS closed_on_time,
        sum(a.closed_undetermined)::BIGINT AS closed_undetermined,
        sum(a.rated)::BIGINT AS rated,
        sum(a.rating_avg * a.rated) AS rating_sum,
        sum(a.open_end)::BIGINT AS open_end,
        sum(a.overdue_end)::BIGINT AS overdue_end,
        sum(a.unanswered_overdue_end)::BIGINT AS unanswered_overdue_end,
        sum(a.open_end_undetermined)::BIGINT AS open_end_undetermined,
        sum(a.archived_expired)::BIGINT AS archived_expired,
        sum(a.archived_other)::BIGINT AS archived_other,
        sum(a.closed_by_system)::BIGINT AS closed_by_system,
        sum(a.closed_by_admin)::BIGINT AS closed_by_admin,
        sum(a.closed_by_reporter)::BIGINT AS closed_by_reporter,
        sum(a.postponed)::BIGINT AS postponed,
        sum(a.repeats)::BIGINT AS repeats,
        any_value(a.stock_at) AS stock_at,
        bool_or(a.maturing) AS maturing,
        bool_and(a.complete) AS complete,
        any_value(a.response_wd_median) AS child_response_median,
        any_value(a.response_wd_p90) AS child_response_p90,
        any_value(a.close_days_median) AS child_close_median
    FROM agency_period AS a
    JOIN agency_parents AS g USING (regency, agency)
    GROUP BY ALL
),
-- medians of parents with several children, from their complaints (a single child's are its own)
medians AS (
    SELECT s.regency, s.period_type, s.period, s.parent,
           quantile_cont(f.response_wd, 0.5) AS response_wd_median,
           quantile_cont(f.response_wd, 0.9) AS response_wd_p90,
           quantile_cont(f.close_days, 0.5) AS close_days_median
    FROM (SELECT * FROM summed WHERE children > 1) AS s
    JOIN agency_parents AS g ON g.regency = s.regency AND g.parent = s.parent
    JOIN periods AS pr ON pr.period_type = s.period_type AND pr.period = s.period
    JOIN complaint_facts AS f ON f.regency = g.regency AND f.agency = g.agency AND f.in_cohort AND list_contains(pr.months, f.cohort_month)
    GROUP BY ALL
),
rated AS (
    SELECT
        s.*,
        CASE WHEN s.children > 1 THEN m.response_wd_median ELSE s.child_response_median END AS response_wd_median,
        CASE WHEN s.children > 1 THEN m.response_wd_p90 ELSE s.child_response_p90 END AS response_wd_p90,
        CASE WHEN s.children > 1 THEN m.close_days_median ELSE s.child_close_median END AS close_days_median,
        s.responded_all / nullif(s.response_base, 0) AS response_rate,
        CASE WHEN s.responded_undetermined * 2 <= s.response_base THEN s.responded_on_time_all / nullif(s.response_base, 0) END AS on_time_response_rate,
        s.closed / nullif(s.received, 0) AS completion_rate,
        CASE WHEN s.closed_undetermined * 2 <= s.received THEN s.closed_on_time / nullif(s.received, 0) END AS on_time_completion_rate,
        s.rating_sum / nullif(s.rated, 0) AS rating_avg,
        (s.rating_sum / nullif(s.rated, 0) - 1) / 4 AS satisfaction,
        s.repeats / nullif(s.received, 0) AS repeat_rate,
        s.received < p.min_sample AS small_sample
    FROM summed AS s
    CROSS JOIN p
    LEFT JOIN medians AS m USING (regency, period_type, period, parent)
),
scored AS (
    SELECT
        r.*,
        score(r.on_time_response_rate, r.completion_rate, r.on_time_completion_rate, r.satisfaction,
              p.weight_on_time_response_rate, p.weight_completion_rate, p.weight_on_time_completion_rate, p.weight_satisfaction) AS score
    FROM rated AS r
    CROSS JOIN p
),
ranked AS (
SELECT
    s.regency, s.period_type, s.period, pr.period_start, pr.period_end, pr.end_month, pr.prev_end_month,
    s.parent,
    s.children,
    s.received,
    s.response_base,
    CASE WHEN s.response_base > 0 THEN s.responded_all END AS responded,
    CASE WHEN s.response_base > 0 THEN s.responded_on_time_all END AS responded_on_time,
    s.responded_undetermined,
    s.closed,
    s.closed_on_time,
    s.closed_undetermined,
    s.rated,
    s.rating_avg,
    s.response_wd_median,
    s.response_wd_p90,
    s.close_days_median,
    s.response_rate,
    s.on_time_response_rate,
    s.completion_rate,
    s.on_time_completion_rate,
    s.satisfaction,
    s.open_end,
    s.overdue_end,
    s.unanswered_overdue_end,
    s.open_end_undetermined,
    s.archived_expired,
    s.archived_other,
    s.closed_by_system,
    s.closed_by_admin,
    s.closed_by_reporter,
    s.postponed,
    s.repeats,
    s.repeat_rate,
    s.stock_at,
    s.score,
    zone(s.score, p.zone_hijau, p.zone_kuning) AS zone,
    CASE WHEN NOT s.small_sample AND s.score IS NOT NULL THEN
        row_number() OVER (PARTITION BY s.regency, s.period_type, s.period, NOT s.small_sample AND s.score IS NOT NULL
                           ORDER BY s.score DESC, s.on_time_response_rate DESC NULLS LAST, s.received DESC, s.parent)
    END AS rank,
    s.small_sample,
    s.maturing,
    s.complete
FROM scored AS s
CROSS JOIN p
JOIN periods AS pr ON pr.period_type = s.period_type AND pr.period = s.period
)
SELECT r.* EXCLUDE (prev_end_month, small_sample, maturing, complete),
       prev.rank - r.rank AS rank_change,
       r.small_sample, r.maturing, r.complete
FROM ranked AS r
LEFT JOIN ranked AS prev
    ON prev.regency = r.regency AND prev.parent = r.parent
   AND prev.period_type = r.period_type AND prev.end_month = r.prev_end_month
ORDER BY r.regency, list_position(['quarter', 'year', 'rolling_3m', 'rolling_12m'], r.period_type), r.end_month, r.rank NULLS LAST, r.parent

-- scorecard (intermediate, dropped after the build): every metric of metrics.md for every
-- agency and every regency, for every period of periods (months included). agency_month,
-- agency_period, regency_month and regency_period are its four slices.
--
-- Grain: one row per (regency, agency, period_type, period) for agencies that received at least
-- one complaint in the period (agency NOT NULL), and one row per (regency, period_type, period)
-- with agency NULL for the regency's totals, for every period ending at or after the regency's
-- first month with data.
-- Counts of a period are sums of its months' cohort counts; medians and percentiles come from the
-- period's duration histogram (exact continuous quantiles); stock is taken at periods.stock_at.
--
-- Columns:
--   regency, agency, period_type, period, period_start, period_end, end_month, prev_end_month,
--   stock_at, complete, maturing                         see periods
--   received, response_base, responded, responded_on_time, closed, closed_on_time, rated,
--   rating_avg, response_wd_median, response_wd_p90, close_days_median, response_rate,
--   on_time_response_rate, completion_rate, on_time_completion_rate, satisfaction,
--   open_end, overdue_end, unanswered_overdue_end, score, zone, small_sample     metrics.md
--   rank, rank_change                                    agency rows only
--   submitted, verified_on_time, verified_on_time_rate, disposed, archived,
--   undisposed_end                                       regency rows only (submission months)
CREATE OR REPLACE TEMP TABLE scorecard AS
WITH p AS (
    SELECT * FROM build_info
),
pm AS (
    SELECT period_type, period, unnest(months) AS month FROM periods
),
agency_sums AS (
    SELECT
        b.regency, b.agency, pm.period_type, pm.period,
        sum(b.received)::BIGINT AS received,
        sum(b.response_base)::BIGINT AS response_base,
        sum(b.responded)::BIGINT AS responded,
        sum(b.responded_on_time)::BIGINT AS responded_on_time,
        sum(b.closed)::BIGINT AS closed,
        sum(b.closed_on_time)::BIGINT AS closed_on_time,
        sum(b.rated)::BIGINT AS rated,
        sum(b.rating_sum)::BIGINT AS rating_sum
    FROM cohort_base AS b
    JOIN pm USING (month)
    GROUP BY ALL
),
regency_sums AS (
    SELECT
        regency, period_type, period,
        count(*) AS agencies,
        sum(received)::BIGINT AS received,
        sum(response_base)::BIGINT AS response_base,
        sum(responded)::BIGINT AS responded,
        sum(responded_on_time)::BIGINT AS responded_on_time,
        sum(closed)::BIGINT AS closed,
        sum(closed_on_time)::BIGINT AS closed_on_time,
        sum(rated)::BIGINT AS rated,
        sum(rating_sum)::BIGINT AS rating_sum
    FROM agency_sums
    GROUP BY ALL
),
hist AS (
    SELECT h.regency, h.agency, pm.period_type, pm.period, h.measure, h.value, sum(h.n)::BIGINT AS n
    FROM duration_hist AS h
    JOIN pm USING (month)
    GROUP BY ALL
    UNION ALL
    SELECT h.regency, NULL AS agency, pm.period_type, pm.period, h.measure, h.value, sum(h.n)::BIGINT AS n
    FROM duration_hist AS h
    JOIN pm USING (month)
    GROUP BY ALL
),
cum AS (
    SELECT
        *,
        sum(n) OVER (PARTITION BY regency, agency, period_type, period, measure) AS total,
        sum(n) OVER (PARTITION BY regency, agency, period_type, period, measure ORDER BY value
                     ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS through
    FROM hist
),
-- quantile_cont(q) over sorted values x_0 .. x_{N-1}: h = q * (N - 1), the result is
-- x_floor(h) + (h - floor(h)) * (x_ceil(h) - x_floor(h)); x_k is the smallest value whose
-- cumulative count exceeds k.
quant_parts AS (
    SELECT
        regency, agency, period_type, period,
        min(value) FILTER (WHERE measure = 'response_wd' AND through > floor(0.5::DOUBLE * (total - 1))) AS r50_lo,
        min(value) FILTER (WHERE measure = 'response_wd' AND through > ceil(0.5::DOUBLE * (total - 1))) AS r50_hi,
        any_value(0.5::DOUBLE * (total - 1) - floor(0.5::DOUBLE * (total - 1))) FILTER (WHERE measure = 'response_wd') AS r50_f,
        min(value) FILTER (WHERE measure = 'response_wd' AND through > floor(0.9::DOUBLE * (total - 1))) AS r90_lo,
        min(value) FILTER (WHERE measure = 'response_wd' AND through > ceil(0.9::DOUBLE * (total - 1))) AS r90_hi,
        any_value(0.9::DOUBLE * (total - 1) - floor(0.9::DOUBLE * (total - 1))) FILTER (WHERE measure = 'response_wd') AS r90_f,
        min(value) FILTER (WHERE measure = 'close_days' AND through > floor(0.5::DOUBLE * (total - 1))) AS c50_lo,
        min(value) FILTER (WHERE measure = 'close_days' AND through > ceil(0.5::DOUBLE * (total - 1))) AS c50_hi,
        any_value(0.5::DOUBLE * (total - 1) - floor(0.5::DOUBLE * (total - 1))) FILTER (WHERE measure = 'close_days') AS c50_f
    FROM cum
    GROUP BY ALL
),
quant AS (
    SELECT
        regency, agency, period_type, period,
        r50_lo + r50_f * (r50_hi - r50_lo) AS response_wd_median,
        r90_lo + r90_f * (r90_hi - r90_lo) AS response_wd_p90,
        c50_lo + c50_f * (c50_hi - c50_lo) AS close_days_median
    FROM quant_parts
),
since_agency AS (
    SELECT regency, agency, min(month) FILTER (WHERE response_base > 0) AS response_since
    FROM cohort_base
    GROUP BY ALL
),
since_regency AS (
    SELECT regency, min(month) FILTER (WHERE response_base > 0) AS response_since
    FROM cohort_base
    GROUP BY ALL
),
regency_first AS (
    SELECT regency, least(min(submitted_month), min(disposed_month)) AS first_month
    FROM complaint_facts
    GROUP BY ALL
),
submission AS (
    SELECT
        b.regency, pm.period_type, pm.period,
        sum(b.submitted)::BIGINT AS submitted,
        sum(b.verified_on_time)::BIGINT AS verified_on_time,
        sum(b.disposed)::BIGINT AS disposed,
        sum(b.archived)::BIGINT AS archived
    FROM regency_base AS b
    JOIN pm USING (month)
    GROUP BY ALL
),
agency_rows AS (
    SELECT
        a.regency, a.agency, pr.period_type, pr.period, pr.period_start, pr.period_end, pr.end_month,
        pr.prev_end_month, pr.stock_at, pr.complete, pr.maturing,
        a.received, a.response_base, a.responded, a.responded_on_time, a.closed, a.closed_on_time,
        a.rated, a.rating_sum,
        coalesce(s.open_end, 0) AS open_end,
        coalesce(s.overdue_end, 0) AS overdue_end,
        CASE WHEN sa.response_since <= pr.stock_month THEN coalesce(s.unanswered_overdue_end, 0) END AS unanswered_overdue_end,
        NULL::BIGINT AS agencies,
        NULL::BIGINT AS submitted,
        NULL::BIGINT AS verified_on_time,
        NULL::BIGINT AS disposed,
        NULL::BIGINT AS archived,
        NULL::BIGINT AS undisposed_end
    FROM agency_sums AS a
    JOIN periods AS pr USING (period_type, period)
    LEFT JOIN agency_stock AS s ON s.regency = a.regency AND s.agency = a.agency AND s.month = pr.stock_month
    LEFT JOIN since_agency AS sa ON sa.regency = a.regency AND sa.agency = a.agency
),
regency_rows AS (
    SELECT
        f.regency, NULL::VARCHAR AS agency, pr.period_type, pr.period, pr.period_start, pr.period_end,
        pr.end_month, pr.prev_end_month, pr.stock_at, pr.complete, pr.maturing,
        coalesce(r.received, 0) AS received,
        coalesce(r.response_base, 0) AS response_base,
        coalesce(r.responded, 0) AS responded,
        coalesce(r.responded_on_time, 0) AS responded_on_time,
        coalesce(r.closed, 0) AS closed,
        coalesce(r.closed_on_time, 0) AS closed_on_time,
        coalesce(r.rated, 0) AS rated,
        coalesce(r.rating_sum, 0) AS rating_sum,
        coalesce(s.open_end, 0) AS open_end,
        coalesce(s.overdue_end, 0) AS overdue_end,
        CASE WHEN sr.response_since <= pr.stock_month THEN coalesce(s.unanswered_overdue_end, 0) END AS unanswered_overdue_end,
        coalesce(r.agencies, 0) AS agencies,
        coalesce(sub.submitted, 0) AS submitted,
        coalesce(sub.verified_on_time, 0) AS verified_on_time,
        coalesce(sub.disposed, 0) AS disposed,
        coalesce(sub.archived, 0) AS archived,
        coalesce(s.undisposed_end, 0) AS undisposed_end
    FROM regency_first AS f
    JOIN periods AS pr ON pr.end_month >= f.first_month
    LEFT JOIN regency_sums AS r ON r.regency = f.regency AND r.period_type = pr.period_type AND r.period = pr.period
    LEFT JOIN submission AS sub ON sub.regency = f.regency AND sub.period_type = pr.period_type AND sub.period = pr.period
    LEFT JOIN regency_stock AS s ON s.regency = f.regency AND s.month = pr.stock_month
    LEFT JOIN since_regency AS sr ON sr.regency = f.regency
),
all_rows AS (
    SELECT * FROM agency_rows
    UNION ALL BY NAME
    SELECT * FROM regency_rows
),
rated AS (
    SELECT
        r.*,
        q.response_wd_median,
        q.response_wd_p90,
        q.close_days_median,
        CASE WHEN r.response_base > 0 THEN r.responded END AS responded_shown,
        CASE WHEN r.response_base > 0 THEN r.responded_on_time END AS responded_on_time_shown,
        r.responded / nullif(r.response_base, 0) AS response_rate,
        r.responded_on_time / nullif(r.response_base, 0) AS on_time_response_rate,
        r.closed / nullif(r.received, 0) AS completion_rate,
        r.closed_on_time / nullif(r.received, 0) AS on_time_completion_rate,
        r.rating_sum / nullif(r.rated, 0) AS rating_avg,
        (r.rating_sum / nullif(r.rated, 0) - 1) / 4 AS satisfaction,
        r.verified_on_time / nullif(r.submitted, 0) AS verified_on_time_rate,
        r.received < p.min_sample AS small_sample
    FROM all_rows AS r
    CROSS JOIN p
    LEFT JOIN quant AS q
        ON q.regency = r.regency AND q.agency IS NOT DISTINCT FROM r.agency
       AND q.period_type = r.period_type AND q.period = r.period
),
scored AS (
    SELECT
        r.*,
        round(100 * (
            coalesce(p.weight_on_time_response_rate * r.on_time_response_rate, 0)
          + coalesce(p.weight_completion_rate * r.completion_rate, 0)
          + coalesce(p.weight_on_time_completion_rate * r.on_time_completion_rate, 0)
          + coalesce(p.weight_satisfaction * r.satisfaction, 0)
        ) / nullif(
            CASE WHEN r.on_time_response_rate IS NOT NULL THEN p.weight_on_time_response_rate ELSE 0 END
          + CASE WHEN r.completion_rate IS NOT NULL THEN p.weight_completion_rate ELSE 0 END
          + CASE WHEN r.on_time_completion_rate IS NOT NULL THEN p.weight_on_time_completion_rate ELSE 0 END
          + CASE WHEN r.satisfaction IS NOT NULL THEN p.weight_satisfaction ELSE 0 END, 0), 9) AS score
    FROM rated AS r
    CROSS JOIN p
),
zoned AS (
    SELECT
        s.*,
        CASE WHEN s.score IS NULL THEN NULL
             WHEN s.score >= p.zone_hijau THEN 'hijau'
             WHEN s.score >= p.zone_kuning THEN 'kuning'
             ELSE 'merah' END AS zone,
        s.agency IS NOT NULL AND NOT s.small_sample AND s.score IS NOT NULL AS rankable
    FROM scored AS s
    CROSS JOIN p
),
ranked AS (
    SELECT
        z.*,
        CASE WHEN z.rankable THEN row_number() OVER (
            PARTITION BY z.regency, z.period_type, z.period, z.rankable
            ORDER BY z.score DESC, z.on_time_response_rate DESC NULLS LAST, z.received DESC, z.agency ASC)
        END AS rank
    FROM zoned AS z
)
SELECT
    r.regency,
    r.agency,
    r.period_type,
    r.period,
    r.period_start,
    r.period_end,
    r.end_month,
    r.agencies,
    r.submitted,
    r.verified_on_time,
    r.verified_on_time_rate,
    r.disposed,
    r.archived,
    r.undisposed_end,
    r.received,
    r.response_base,
    r.responded_shown AS responded,
    r.responded_on_time_shown AS responded_on_time,
    r.closed,
    r.closed_on_time,
    r.rated,
    r.rating_avg,
    r.response_wd_median,
    r.response_wd_p90,
    r.close_days_median,
    r.response_rate,
    r.on_time_response_rate,
    r.completion_rate,
    r.on_time_completion_rate,
    r.satisfaction,
    r.open_end,
    r.overdue_end,
    r.unanswered_overdue_end,
    r.stock_at,
    r.score,
    r.zone,
    r.rank,
    prev.rank - r.rank AS rank_change,
    r.small_sample,
    r.maturing,
    r.complete
FROM ranked AS r
LEFT JOIN ranked AS prev
    ON r.agency IS NOT NULL
   AND prev.regency = r.regency AND prev.agency = r.agency
   AND prev.period_type = r.period_type AND prev.end_month = r.prev_end_month

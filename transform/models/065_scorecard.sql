-- scorecard (intermediate, dropped after the build): every metric of metrics.md for every agency
-- and every regency, for every period of periods (months included). agency_month, agency_period,
-- regency_month and regency_period are its four slices.
--
-- Grain: one row per (regency, period_type, period, agency) for agencies that received at least
-- one complaint in the period, and one row per (regency, period_type, period) with agency NULL for
-- the regency's totals, for every period ending at or after the regency's first month.
-- Counts come from cohort_counts, quantiles from duration_quantiles (both computed from the
-- complaints of each period), stock
-- from stock at the period's stock month (periods.stock_month), submissions from the complaint
-- facts by submission month; then rates, score, zone and rank.
--
-- Columns:
--   regency, agency, period_type, period, period_start, period_end, end_month
--   agencies, agencies_ranked, submitted, verified_on_time, verified_undetermined,
--   verified_on_time_rate, disposed, archived, archived_expired_undisposed, undisposed_end  (regency rows only)
--   received, response_base, responded, responded_on_time, closed, closed_on_time, rated, rating_avg,
--   response_wd_median, response_wd_p90, close_days_median, response_rate, on_time_response_rate,
--   completion_rate, on_time_completion_rate, satisfaction, open_end, overdue_end,
--   unanswered_overdue_end, stock_at, score, zone, responded_undetermined, closed_undetermined,
--   closed_by_system, closed_by_admin, closed_by_reporter, archived_expired, archived_other,
--   postponed, open_end_undetermined, repeats, repeat_rate
-- A rate whose cohort is more than half undetermined is NULL ("tidak dapat ditentukan") and drops
-- out of the score like any NULL component (metrics.md, "Timing from snapshots").
--   rank, rank_change                                     (agency rows only)
--   small_sample, maturing, complete
CREATE OR REPLACE TEMP TABLE scorecard AS
WITH p AS (
    SELECT * FROM build_info
),
agency_agg AS (
    SELECT c.*, q.response_wd_median, q.response_wd_p90, q.close_days_median
    FROM cohort_counts AS c
    LEFT JOIN duration_quantiles AS q USING (regency_id, agency_id, period_id)
    WHERE c.agency_id <> 0
),
regency_agg AS (
    SELECT c.*, q.response_wd_median, q.response_wd_p90, q.close_days_median
    FROM cohort_counts AS c
    LEFT JOIN duration_quantiles AS q USING (regency_id, agency_id, period_id)
    WHERE c.agency_id = 0
),
submission_months AS (
    SELECT
        regency_id, submitted_month AS month,
        count(*) AS submitted,
        count(*) FILTER (WHERE verification_sla = 'met') AS verified_on_time,
        count(*) FILTER (WHERE verification_sla = 'undetermined') AS verified_undetermined,
        count(disposed_hi) AS disposed,
        count(*) FILTER (WHERE status = 'archived') AS archived,
        count(*) FILTER (WHERE archived_expired AND disposed_hi IS NULL) AS archived_expired_undisposed
    FROM complaint_facts
    GROUP BY ALL
),
submission AS (
    SELECT s.regency_id, pm.period_id, sum(s.submitted)::BIGINT AS submitted, sum(s.verified_on_time)::BIGINT AS verified_on_time,
           sum(s.verified_undetermined)::BIGINT AS verified_undetermined,
           sum(s.disposed)::BIGINT AS disposed, sum(s.archived)::BIGINT AS archived,
           sum(s.archived_expired_undisposed)::BIGINT AS archived_expired_undisposed
    FROM submission_months AS s
    JOIN (SELECT period_id, unnest(months) AS month FROM periods) AS pm USING (month)
    GROUP BY ALL
),
agency_counts AS (
    SELECT regency_id, period_id, count(*) AS agencies FROM agency_agg GROUP BY ALL
),
regency_stock AS (
    SELECT regency_id, month, sum(open_end)::BIGINT AS open_end, sum(overdue_end)::BIGINT AS overdue_end,
           sum(unanswered_overdue_end) FILTER (WHERE response_known)::BIGINT AS unanswered_overdue_end,
           sum(open_end_undetermined)::BIGINT AS open_end_undetermined,
           coalesce(bool_or(response_known), false) AS response_known, max(undisposed_end) AS undisposed_end
    FROM stock
    GROUP BY ALL
),
agency_rows AS (
    SELECT
        a.regency_id, a.agency_id, pr.period_id,
        a.received, a.response_base, a.responded, a.responded_on_time, a.closed, a.closed_on_time,
        a.rated, a.rating_sum, a.response_wd_median, a.response_wd_p90, a.close_days_median,
        a.responded_undetermined, a.closed_undetermined, a.closed_by_system, a.closed_by_admin,
        a.closed_by_reporter, a.archived_expired, a.archived_other, a.postponed, a.repeats,
        coalesce(s.open_end_undetermined, 0) AS open_end_undetermined,
        coalesce(s.open_end, 0) AS open_end,
        coalesce(s.overdue_end, 0) AS overdue_end,
        CASE WHEN s.response_known THEN coalesce(s.unanswered_overdue_end, 0) END AS unanswered_overdue_end,
        NULL::BIGINT AS agencies, NULL::BIGINT AS submitted, NULL::BIGINT AS verified_on_time,
        NULL::BIGINT AS disposed, NULL::BIGINT AS archived, NULL::BIGINT AS undisposed_end
    FROM agency_agg AS a
    JOIN periods AS pr USING (period_id)
    LEFT JOIN stock AS s ON s.regency_id = a.regency_id AND s.agency_id = a.agency_id AND s.month = pr.stock_month
),
regency_rows AS (
    SELECT
        r.regency_id, NULL::INTEGER AS agency_id, pr.period_id,
        coalesce(a.received, 0) AS received,
        coalesce(a.response_base, 0) AS response_base,
        coalesce(a.responded, 0) AS responded,
        coalesce(a.responded_on_time, 0) AS responded_on_time,
        coalesce(a.closed, 0) AS closed,
        coalesce(a.closed_on_time, 0) AS closed_on_time,
        coalesce(a.rated, 0) AS rated,
        coalesce(a.rating_sum, 0) AS rating_sum,
        a.response_wd_median, a.response_wd_p90, a.close_days_median,
        coalesce(a.responded_undetermined, 0) AS responded_undetermined,
        coalesce(a.closed_undetermined, 0) AS closed_undetermined,
        coalesce(a.closed_by_system, 0) AS closed_by_system,
        coalesce(a.closed_by_admin, 0) AS closed_by_admin,
        coalesce(a.closed_by_reporter, 0) AS closed_by_reporter,
        coalesce(a.archived_expired, 0) AS archived_expired,
        coalesce(a.archived_other, 0) AS archived_other,
        coalesce(a.postponed, 0) AS postponed,
        coalesce(a.repeats, 0) AS repeats,
        coalesce(s.open_end_undetermined, 0) AS open_end_undetermined,
        coalesce(sub.verified_undetermined, 0) AS verified_undetermined,
        coalesce(sub.archived_expired_undisposed, 0) AS archived_expired_undisposed,
        coalesce(s.open_end, 0) AS open_end,
        coalesce(s.overdue_end, 0) AS overdue_end,
        CASE WHEN s.response_known THEN coalesce(s.unanswered_overdue_end, 0) END AS unanswered_overdue_end,
        coalesce(ac.agencies, 0) AS agencies,
        coalesce(sub.submitted, 0) AS submitted,
        coalesce(sub.verified_on_time, 0) AS verified_on_time,
        coalesce(sub.disposed, 0) AS disposed,
        coalesce(sub.archived, 0) AS archived,
        coalesce(s.undisposed_end, 0) AS undisposed_end
    FROM regencies AS r
    JOIN periods AS pr ON pr.end_month >= r.first_month
    LEFT JOIN regency_agg AS a ON a.regency_id = r.regency_id AND a.period_id = pr.period_id
    LEFT JOIN submission AS sub ON sub.regency_id = r.regency_id AND sub.period_id = pr.period_id
    LEFT JOIN regency_stock AS s ON s.regency_id = r.regency_id AND s.month = pr.stock_month
    LEFT JOIN agency_counts AS ac ON ac.regency_id = r.regency_id AND ac.period_id = pr.period_id
),
all_rows AS (
    SELECT * FROM agency_rows
    UNION ALL BY NAME
    SELECT * FROM regency_rows
),
rated AS (
    SELECT
        r.*,
        pr.period_type, pr.period, pr.period_start, pr.period_end, pr.end_month, pr.prev_end_month,
        pr.stock_at, pr.complete, pr.maturing,
        g.regency,
        n.agency,
        CASE WHEN r.response_base > 0 THEN r.responded END AS responded_shown,
        CASE WHEN r.response_base > 0 THEN r.responded_on_time END AS responded_on_time_shown,
        r.responded / nullif(r.response_base, 0) AS response_rate,
        CASE WHEN r.responded_undetermined * 2 <= r.response_base THEN r.responded_on_time / nullif(r.response_base, 0) END AS on_time_response_rate,
        r.closed / nullif(r.received, 0) AS completion_rate,
        CASE WHEN r.closed_undetermined * 2 <= r.received THEN r.closed_on_time / nullif(r.received, 0) END AS on_time_completion_rate,
        r.rating_sum / nullif(r.rated, 0) AS rating_avg,
        (r.rating_sum / nullif(r.rated, 0) - 1) / 4 AS satisfaction,
        CASE WHEN coalesce(r.verified_undetermined, 0) * 2 <= r.submitted THEN r.verified_on_time / nullif(r.submitted, 0) END AS verified_on_time_rate,
        r.received < p.min_sample AS small_sample,
        r.repeats / nullif(r.received, 0) AS repeat_rate
    FROM all_rows AS r
    CROSS JOIN p
    JOIN periods AS pr USING (period_id)
    JOIN regencies AS g USING (regency_id)
    LEFT JOIN (SELECT DISTINCT agency_id, agency FROM agency_names) AS n USING (agency_id)
),
scored AS (
    SELECT
        r.*,
        score(r.on_time_response_rate, r.completion_rate, r.on_time_completion_rate, r.satisfaction,
              p.weight_on_time_response_rate, p.weight_completion_rate, p.weight_on_time_completion_rate, p.weight_satisfaction) AS score
    FROM rated AS r
    CROSS JOIN p
),
zoned AS (
    SELECT
        s.*,
        zone(s.score, p.zone_hijau, p.zone_kuning) AS zone,
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
    CASE WHEN r.agency IS NULL THEN count(r.rank) OVER (PARTITION BY r.regency_id, r.period_id) END AS agencies_ranked,
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
    r.complete,
    r.verified_undetermined,
    r.archived_expired_undisposed,
    r.responded_undetermined,
    r.closed_undetermined,
    r.closed_by_system,
    r.closed_by_admin,
    r.closed_by_reporter,
    r.archived_expired,
    r.archived_other,
    r.postponed,
    r.open_end_undetermined,
    r.repeats,
    r.repeat_rate
FROM ranked AS r
LEFT JOIN ranked AS prev
    ON prev.regency = r.regency AND prev.agency = r.agency
   AND prev.period_type = r.period_type AND prev.end_month = r.prev_end_month

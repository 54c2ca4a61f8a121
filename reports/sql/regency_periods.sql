-- regency_period rows of one regency and one period type whose last month is in [$3, $4], by
-- last month, shaped as RegencyRow: regency, period label, period start, end month, the regency
-- columns, then the metric columns in the order of metricColumns.
-- $1 regency, $2 period_type, $3 first end month, $4 last end month (YYYY-MM-DD text, first days).
SELECT r.regency, r.period, r.period_start, r.end_month,
       r.agencies, r.agencies_ranked, r.submitted, r.verified_on_time, r.verified_on_time_rate,
       r.disposed, r.archived, r.undisposed_end,
       r.received, r.response_base, r.responded, r.responded_on_time, r.closed, r.closed_on_time, r.rated,
       r.rating_avg, r.response_wd_median, r.response_wd_p90, r.close_days_median, r.response_rate,
       r.on_time_response_rate, r.completion_rate, r.on_time_completion_rate, r.satisfaction, r.open_end,
       r.overdue_end, r.unanswered_overdue_end, r.stock_at, r.score, r.zone, r.small_sample, r.maturing, r.complete,
       r.responded_undetermined, r.closed_undetermined, r.closed_by_system, r.closed_by_admin, r.closed_by_reporter, r.archived_expired, r.archived_other, r.postponed, r.open_end_undetermined
FROM regency_period AS r
WHERE r.regency = $1 AND r.period_type = $2 AND r.end_month BETWEEN $3::DATE AND $4::DATE
ORDER BY r.end_month

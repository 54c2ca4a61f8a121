-- regency_month rows of one regency for the months in [$2, $3], by month, shaped as RegencyRow:
-- regency, period label (YYYY-MM), period start and end month (both the month), the regency
-- columns, then the metric columns in the order of metricColumns.
-- $1 regency, $2 first month, $3 last month (YYYY-MM-DD text, first days).
SELECT r.regency, strftime(r.month, '%Y-%m'), r.month, r.month,
       r.agencies, r.agencies_ranked, r.submitted, r.verified_on_time, r.verified_on_time_rate,
       r.disposed, r.archived, r.undisposed_end,
       r.received, r.response_base, r.responded, r.responded_on_time, r.closed, r.closed_on_time, r.rated,
       r.rating_avg, r.response_wd_median, r.response_wd_p90, r.close_days_median, r.response_rate,
       r.on_time_response_rate, r.completion_rate, r.on_time_completion_rate, r.satisfaction, r.open_end,
       r.overdue_end, r.unanswered_overdue_end, r.stock_at, r.score, r.zone, r.small_sample, r.maturing, r.complete,
       r.responded_undetermined, r.closed_undetermined, r.closed_by_system, r.closed_by_admin, r.closed_by_reporter, r.archived_expired, r.archived_other, r.postponed, r.open_end_undetermined
FROM regency_month AS r
WHERE r.regency = $1 AND r.month BETWEEN $2::DATE AND $3::DATE
ORDER BY r.month

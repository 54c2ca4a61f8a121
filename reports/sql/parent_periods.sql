-- parent_period rows of one regency and one period type whose last month is in [$3, $4], shaped
-- as AgencyRow (the parent unit in the agency's place): regency, parent AS agency, period label,
-- end month, rank, rank_change, the zone in the previous period of the same type (as
-- agency_periods.sql), children (the child units summed into the row), then the metric columns in
-- the order of metricColumns. Ordered by end month, then as the league table.
-- $1 regency, $2 period_type, $3 first end month, $4 last end month (YYYY-MM-DD text, first days).
SELECT a.regency, a.parent AS agency, a.period, a.end_month, a.rank, a.rank_change, p.zone, a.children,
       a.received, a.response_base, a.responded, a.responded_on_time, a.closed, a.closed_on_time, a.rated,
       a.rating_avg, a.response_wd_median, a.response_wd_p90, a.close_days_median, a.response_rate,
       a.on_time_response_rate, a.completion_rate, a.on_time_completion_rate, a.satisfaction, a.open_end,
       a.overdue_end, a.unanswered_overdue_end, a.stock_at, a.score, a.zone, a.small_sample, a.maturing, a.complete,
       a.responded_undetermined, a.closed_undetermined, a.closed_by_system, a.closed_by_admin, a.closed_by_reporter, a.archived_expired, a.archived_other, a.postponed, a.open_end_undetermined
FROM parent_period AS a
LEFT JOIN parent_period AS p
    ON p.regency = a.regency AND p.parent = a.parent AND p.period_type = a.period_type
   AND p.end_month = a.end_month - CASE a.period_type WHEN 'quarter' THEN INTERVAL 3 MONTH
                                                      WHEN 'year' THEN INTERVAL 12 MONTH
                                                      ELSE INTERVAL 1 MONTH END
WHERE a.regency = $1 AND a.period_type = $2 AND a.end_month BETWEEN $3::DATE AND $4::DATE
ORDER BY a.end_month, a.rank NULLS LAST, a.score DESC NULLS LAST, a.received DESC, a.parent

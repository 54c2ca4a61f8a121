-- parent_month rows of one regency for the months in [$2, $3], shaped as AgencyRow (the parent unit
-- in the agency's place): regency, parent AS agency, period label (YYYY-MM), month, rank,
-- rank_change, the zone of the previous month (NULL: no row or no score then), children (the child
-- units summed into the row), then the metric columns in the order of metricColumns. Ordered by
-- month, then as the league table: ranked parents by rank, then the unranked by score.
-- $1 regency, $2 first month, $3 last month (YYYY-MM-DD text, first days).
SELECT a.regency, a.parent AS agency, strftime(a.month, '%Y-%m'), a.month, a.rank, a.rank_change, p.zone, a.children,
       a.received, a.response_base, a.responded, a.responded_on_time, a.closed, a.closed_on_time, a.rated,
       a.rating_avg, a.response_wd_median, a.response_wd_p90, a.close_days_median, a.response_rate,
       a.on_time_response_rate, a.completion_rate, a.on_time_completion_rate, a.satisfaction, a.open_end,
       a.overdue_end, a.unanswered_overdue_end, a.stock_at, a.score, a.zone, a.small_sample, a.maturing, a.complete,
       a.responded_undetermined, a.closed_undetermined, a.closed_by_system, a.closed_by_admin, a.closed_by_reporter, a.archived_expired, a.archived_other, a.postponed, a.open_end_undetermined
FROM parent_month AS a
LEFT JOIN parent_month AS p
    ON p.regency = a.regency AND p.parent = a.parent AND p.month = a.month - INTERVAL 1 MONTH
WHERE a.regency = $1 AND a.month BETWEEN $2::DATE AND $3::DATE
ORDER BY a.month, a.rank NULLS LAST, a.score DESC NULLS LAST, a.received DESC, a.parent

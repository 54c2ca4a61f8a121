-- Writes the one row of build_info; as_of_date and as_of_month are derived from as_of.
-- $1 build_id, $2 started_at, $3 as_of, $4 timezone, $5 source_timezone,
-- $6 verification_working_days, $7 response_working_days, $8 completion_days, $9 completion_unit,
-- $10 weight_on_time_response_rate, $11 weight_completion_rate, $12 weight_on_time_completion_rate,
-- $13 weight_satisfaction, $14 zone_hijau, $15 zone_kuning, $16 min_sample, $17 holidays_file,
-- $18 holidays_replace, $19 holidays_first, $20 holidays_last (YYYY-MM-DD text or NULL),
-- $21 master_agencies, $22 complaints, $23 config (JSON text), $24 rapor_version,
-- $25 duckdb_version, $26 data_first, $27 data_last, $28 utc_offset_seconds (NULL: not constant),
-- $29 auto_close_working_days, $30-$42 the warnings thresholds (config warnings: months_running,
-- min_received, response_drop, overdue_growth, overdue_min_increase, backlog_growth,
-- backlog_min_increase, expired_factor, expired_min_increase, volume_z, volume_min_change,
-- history_months, min_history), $43 repeat_window_days, $44 repeat_title_similarity, $45 warn_response_z. The snapshot columns are read from the snapshots view (instants of
-- snapshot exports: observed_from; the median gap between consecutive ones, in days).
INSERT INTO build_info
WITH s AS (
    SELECT observed_from, observed_from - lag(observed_from) OVER (ORDER BY observed_from) AS gap
    FROM (SELECT DISTINCT observed_from FROM snapshots)
)
SELECT
    $1, $2, NULL, $3, $3::DATE, date_trunc('month', $3::DATE)::DATE, $26, $27, $4, $28, $5,
    $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,
    $17, $18, $19::DATE, $20::DATE, $21, $22, $23::JSON, $24, $25, $29,
    (SELECT count(*) FROM s), (SELECT min(observed_from) FROM s), (SELECT max(observed_from) FROM s),
    (SELECT median(epoch(gap) / 86400.0) FROM s),
    $30, $31, $32, $33, $34, $35, $36, $37, $38, $39, $40, $41, $42, $43, $44, $45

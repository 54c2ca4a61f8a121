-- The build_info row that a report states: the build, its cut-off and the parameters every number
-- of the metric tables was computed with, and the snapshot exports (Laporan Ringkas) it rests on
-- (their number, first and last instant, median gap in days). One row (none before the first build). No parameters.
SELECT build_id, started_at, as_of, as_of_month, timezone,
       verification_working_days, response_working_days, completion_days, completion_unit,
       weight_on_time_response_rate, weight_completion_rate, weight_on_time_completion_rate, weight_satisfaction,
       zone_hijau, zone_kuning, min_sample, holidays_file, holidays_replace, master_agencies, complaints,
       rapor_version, duckdb_version,
       snapshots, snapshot_first, snapshot_last, snapshot_median_gap_days
FROM build_info

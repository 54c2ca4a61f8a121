-- The complaints' extent, for as_of and build_info's data_first and data_last. One row: the
-- number of complaints; then the newest of each timestamp column that is not after $1
-- (submitted_at, verified_at, disposed_at, first_response_at, closed_at, last_activity_at: as_of
-- is the newest of these six); then the oldest of each (same order); then the newest of each.
-- $1 the build's start (timestamps after it are in the future, a data error).
-- Snapshot exports count with the end of their instant (observed_to): what they show had happened
-- by then; it stands in for last_activity_at, which they lack.
SELECT count(*),
       max(submitted_at) FILTER (submitted_at <= $1), max(verified_at) FILTER (verified_at <= $1),
       max(disposed_at) FILTER (disposed_at <= $1), max(first_response_at) FILTER (first_response_at <= $1),
       max(closed_at) FILTER (closed_at <= $1),
       greatest(max(last_activity_at) FILTER (last_activity_at <= $1),
                (SELECT max(observed_to) FROM ingest_runs WHERE observed_to <= $1)),
       min(submitted_at), min(verified_at), min(disposed_at), min(first_response_at), min(closed_at), min(last_activity_at),
       max(submitted_at), max(verified_at), max(disposed_at), max(first_response_at), max(closed_at), max(last_activity_at)
FROM complaints

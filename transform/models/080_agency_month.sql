-- agency_month: the SKPD scorecard by month (metrics.md, "The agency-month cohort").
--
-- Grain: one row per (regency, month, agency) for agencies that received at least one complaint
-- in the month: a complaint belongs to agency A in month M when it was disposed to A and the local
-- month of disposed_at is M. Stock columns count all of the agency's open complaints, whatever
-- their cohort, at the month's end (or as_of for as_of's month).
--
-- Columns:
--   regency                  VARCHAR      regency
--   month                    DATE         local month (first day)
--   agency                   VARCHAR      agency shown (agency_names)
--   received                 BIGINT       complaints disposed to the agency in the period (the cohort)
--   response_base            BIGINT       of those, from exports with a first-response column (= received for layout A; 0 for layout B)
--   responded                BIGINT       of response_base, with a first response; NULL when response_base = 0
--   responded_on_time        BIGINT       of response_base, wd(disposed_at, first_response_at) <= R; NULL when response_base = 0
--   closed                   BIGINT       with closed_at
--   closed_on_time           BIGINT       closed within C of disposed_at
--   rated                    BIGINT       with a rating
--   rating_avg               DOUBLE       mean rating (1-5); NULL when rated = 0
--   response_wd_median       DOUBLE       median of wd(disposed_at, first_response_at), valid pairs (continuous quantile)
--   response_wd_p90          DOUBLE       90th percentile of the same (continuous quantile)
--   close_days_median        DOUBLE       median completion time in C's unit, valid pairs
--   response_rate            DOUBLE       responded / response_base
--   on_time_response_rate    DOUBLE       responded_on_time / response_base
--   completion_rate          DOUBLE       closed / received
--   on_time_completion_rate  DOUBLE       closed_on_time / received
--   satisfaction             DOUBLE       (rating_avg - 1) / 4
--   open_end                 BIGINT       open at stock_at (disposed, not closed, not archived)
--   overdue_end              BIGINT       of open_end, more than C (C's unit) since disposed_at
--   unanswered_overdue_end   BIGINT       of open_end, no first response by stock_at and wd(disposed_at, stock_at) > R; NULL without first-response data
--   stock_at                 TIMESTAMPTZ  instant of the stock: end of the period, or as_of if the period is not over
--   score                    DOUBLE       100 * weighted mean of the available components (metrics.md), 9 decimals
--   zone                     VARCHAR      hijau | kuning | merah by config zones; NULL when score is NULL
--   rank                     BIGINT       1 = best among the regency's agencies with received >= min_sample (score desc, on_time_response_rate desc, received desc, agency asc); NULL when unranked
--   rank_change              BIGINT       previous month's rank minus this one (positive = improved); NULL when unranked in either
--   small_sample             BOOLEAN      received < min_sample: rates rest on few complaints
--   maturing                 BOOLEAN      the month ended less than C before as_of: on-time completion may still rise
--   complete                 BOOLEAN      the month ended at or before as_of
--   responded_undetermined   BIGINT       of response_base, whose response service level the snapshots cannot decide (exact times: 0)
--   closed_undetermined      BIGINT       of received, whose completion service level the snapshots cannot decide (exact times: 0)
--   closed_by_system         BIGINT       closed now by LAPOR! itself (Ditutup oleh Sistem: no answer from the reporter after a follow-up)
--   closed_by_admin          BIGINT       closed now by the admin (Ditutup oleh Admin)
--   closed_by_reporter       BIGINT       closed now by the reporter (Ditutup oleh Pelapor)
--   archived_expired         BIGINT       archived as expired (kadaluarsa): nobody handled it in time
--   archived_other           BIGINT       archived for another reason (SARA, no evidence, the reporter's wish, blocked content)
--   postponed                BIGINT       waiting for the reporter's information now (Menunggu Kelengkapan Informasi, Tertunda)
--   open_end_undetermined    BIGINT       complaints whose state at stock_at the snapshots cannot tell (counted apart from open_end)
--   repeats                  BIGINT       of received, repeats of an earlier complaint closed at most repeat_window_days before (table repeats)
--   repeat_rate              DOUBLE       repeats / received
CREATE OR REPLACE TABLE agency_month AS
SELECT
    regency,
    period_start AS month,
    agency,
    received,
    response_base,
    responded,
    responded_on_time,
    closed,
    closed_on_time,
    rated,
    rating_avg,
    response_wd_median,
    response_wd_p90,
    close_days_median,
    response_rate,
    on_time_response_rate,
    completion_rate,
    on_time_completion_rate,
    satisfaction,
    open_end,
    overdue_end,
    unanswered_overdue_end,
    stock_at,
    score,
    zone,
    rank,
    rank_change,
    small_sample,
    maturing,
    complete,
    responded_undetermined,
    closed_undetermined,
    closed_by_system,
    closed_by_admin,
    closed_by_reporter,
    archived_expired,
    archived_other,
    postponed,
    open_end_undetermined,
    repeats,
    repeat_rate
FROM scorecard
WHERE agency IS NOT NULL AND period_type = 'month'
ORDER BY regency, month, rank NULLS LAST, agency

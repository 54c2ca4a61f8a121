-- regency_month: the regency's totals by month (metrics.md, "Regency level").
--
-- Grain: one row per (regency, month), every month from the regency's first month with data to
-- as_of's month (months without complaints included, with zeros).
-- submitted .. archived are about the complaints SUBMITTED in the month (the regency admin's
-- verification and disposition). received .. zone are the totals of the agency cohorts DISPOSED in
-- the month (sum of agency_month.received = received), with medians over all those complaints.
-- Stock columns are the regency totals at the month's end (or as_of), over all agencies.
--
-- Columns:
--   regency                  VARCHAR      regency
--   month                    DATE         local month (first day)
--   agencies                 BIGINT       agencies that received complaints (rows of the agency table for the same period)
--   agencies_ranked          BIGINT       of those, ranked (received >= min_sample)
--   submitted                BIGINT       complaints submitted (local month of submitted_at in the period)
--   verified_on_time         BIGINT       of submitted, disposed within V working days: wd(submitted_at, disposed_at) <= V
--   verified_on_time_rate    DOUBLE       verified_on_time / submitted
--   disposed                 BIGINT       of submitted, disposed (at any time up to as_of)
--   archived                 BIGINT       of submitted, archived (current status)
--   undisposed_end           BIGINT       submitted by stock_at and neither disposed nor archived by then
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
--   small_sample             BOOLEAN      received < min_sample
--   maturing                 BOOLEAN      the month ended less than C before as_of
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
--   verified_undetermined    BIGINT       of submitted, whose verification service level the snapshots cannot decide
--   archived_expired_undisposed  BIGINT  archived as expired without ever being disposed: against the regency admin
CREATE OR REPLACE TABLE regency_month AS
SELECT
    s.regency,
    s.period_start AS month,
    s.agencies,
    s.agencies_ranked,
    s.submitted,
    s.verified_on_time,
    s.verified_on_time_rate,
    s.disposed,
    s.archived,
    s.undisposed_end,
    s.received,
    s.response_base,
    s.responded,
    s.responded_on_time,
    s.closed,
    s.closed_on_time,
    s.rated,
    s.rating_avg,
    s.response_wd_median,
    s.response_wd_p90,
    s.close_days_median,
    s.response_rate,
    s.on_time_response_rate,
    s.completion_rate,
    s.on_time_completion_rate,
    s.satisfaction,
    s.open_end,
    s.overdue_end,
    s.unanswered_overdue_end,
    s.stock_at,
    s.score,
    s.zone,
    s.small_sample,
    s.maturing,
    s.complete,
    s.responded_undetermined,
    s.closed_undetermined,
    s.closed_by_system,
    s.closed_by_admin,
    s.closed_by_reporter,
    s.archived_expired,
    s.archived_other,
    s.postponed,
    s.open_end_undetermined,
    s.repeats,
    s.repeat_rate,
    s.verified_undetermined,
    s.archived_expired_undisposed
FROM scorecard AS s
WHERE s.agency IS NULL AND s.period_type = 'month'
ORDER BY s.regency, month

-- cohort_counts (intermediate, dropped after the build): the counts of every agency cohort and of
-- every regency for every period. The cohort month is complaint_facts.cohort_month (the month of
-- an exact disposition, else of the submission); on-time counts count service levels met, and
-- beside each the undetermined ones (metrics.md, "Timing from snapshots").
--
-- Grain: one row per (regency_id, agency_id, period_id) with at least one complaint disposed to the
-- agency in the period; agency_id 0 holds the regency's totals over all agencies. Counts of a
-- month are counted from the complaint facts; a period's are the sums of its months' (cohorts
-- partition by disposition month, so this is the count of the period's complaints).
--
-- Columns:
--   regency_id          INTEGER  regencies.regency_id
--   agency_id           INTEGER  agency_names.agency_id; 0 for the regency's totals
--   period_id           INTEGER  periods.period_id
--   received            BIGINT   complaints disposed to the agency (or to any agency) in the period
--   response_base       BIGINT   of those, from exports with a first-response column
--   responded           BIGINT   of those, with a first response (exact, or seen to have happened)
--   responded_on_time   BIGINT   of those, response_sla met
--   responded_undetermined  BIGINT   of those, response_sla undetermined
--   closed              BIGINT   closed (current state)
--   closed_on_time      BIGINT   completion_sla met
--   closed_undetermined  BIGINT   completion_sla undetermined
--   rated               BIGINT   with a rating
--   rating_sum          BIGINT   sum of the ratings
--   closed_by_system, closed_by_admin, closed_by_reporter  BIGINT  closed now, by whom (LAPOR! v3)
--   archived_expired    BIGINT   archived as expired (nobody handled it in time)
--   archived_other      BIGINT   archived for another reason
--   postponed           BIGINT   waiting for the reporter's information now (Menunggu Kelengkapan Informasi, Tertunda)
--   repeats             BIGINT   of received, repeats of an earlier complaint closed shortly before (repeats)
CREATE OR REPLACE TEMP TABLE cohort_counts AS
WITH repeat_months AS (
    SELECT regency_id, agency_id, cohort_month AS month, count(*) AS repeats
    FROM repeats
    GROUP BY ALL
),
fact_months AS (
    SELECT
        regency_id, agency_id, cohort_month AS month,
        count(*) AS received,
        count(*) FILTER (WHERE has_first_response) AS response_base,
        count(response_hi) FILTER (WHERE has_first_response) AS responded,
        count(*) FILTER (WHERE response_sla = 'met') AS responded_on_time,
        count(*) FILTER (WHERE response_sla = 'undetermined') AS responded_undetermined,
        count(closed_hi) AS closed,
        count(*) FILTER (WHERE completion_sla = 'met') AS closed_on_time,
        count(*) FILTER (WHERE completion_sla = 'undetermined') AS closed_undetermined,
        count(rating) AS rated,
        coalesce(sum(rating), 0) AS rating_sum,
        count(*) FILTER (WHERE status = 'closed' AND status_by = 'system') AS closed_by_system,
        count(*) FILTER (WHERE status = 'closed' AND status_by = 'admin') AS closed_by_admin,
        count(*) FILTER (WHERE status = 'closed' AND status_by = 'reporter') AS closed_by_reporter,
        count(*) FILTER (WHERE archived_expired) AS archived_expired,
        count(*) FILTER (WHERE status = 'archived' AND NOT archived_expired) AS archived_other,
        count(*) FILTER (WHERE status = 'postponed') AS postponed
    FROM complaint_facts
    WHERE in_cohort
    GROUP BY ALL
),
months AS (
    SELECT f.*, coalesce(r.repeats, 0) AS repeats
    FROM fact_months AS f
    LEFT JOIN repeat_months AS r USING (regency_id, agency_id, month)
),
both_levels AS (
    SELECT * FROM months
    UNION ALL
    SELECT regency_id, 0, month, sum(received), sum(response_base), sum(responded), sum(responded_on_time),
           sum(responded_undetermined), sum(closed), sum(closed_on_time), sum(closed_undetermined),
           sum(rated), sum(rating_sum), sum(closed_by_system), sum(closed_by_admin), sum(closed_by_reporter),
           sum(archived_expired), sum(archived_other), sum(postponed), sum(repeats)
    FROM months
    GROUP BY regency_id, month
)
SELECT
    b.regency_id, b.agency_id, pm.period_id,
    sum(b.received)::BIGINT AS received,
    sum(b.response_base)::BIGINT AS response_base,
    sum(b.responded)::BIGINT AS responded,
    sum(b.responded_on_time)::BIGINT AS responded_on_time,
    sum(b.closed)::BIGINT AS closed,
    sum(b.closed_on_time)::BIGINT AS closed_on_time,
    sum(b.rated)::BIGINT AS rated,
    sum(b.rating_sum)::BIGINT AS rating_sum,
    sum(b.responded_undetermined)::BIGINT AS responded_undetermined,
    sum(b.closed_undetermined)::BIGINT AS closed_undetermined,
    sum(b.closed_by_system)::BIGINT AS closed_by_system,
    sum(b.closed_by_admin)::BIGINT AS closed_by_admin,
    sum(b.closed_by_reporter)::BIGINT AS closed_by_reporter,
    sum(b.archived_expired)::BIGINT AS archived_expired,
    sum(b.archived_other)::BIGINT AS archived_other,
    sum(b.postponed)::BIGINT AS postponed,
    sum(b.repeats)::BIGINT AS repeats
FROM both_levels AS b
JOIN (SELECT period_id, unnest(months) AS month FROM periods) AS pm USING (month)
GROUP BY ALL

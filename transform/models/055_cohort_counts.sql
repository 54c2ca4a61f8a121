-- cohort_counts (intermediate, dropped after the build): the counts of every agency cohort and of
-- every regency for every period.
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
--   responded           BIGINT   of those, with a first response
--   responded_on_time   BIGINT   of those, wd(disposed_at, first_response_at) <= R (valid pairs)
--   closed              BIGINT   with closed_at
--   closed_on_time      BIGINT   closed within C of disposed_at (valid pairs)
--   rated               BIGINT   with a rating
--   rating_sum          BIGINT   sum of the ratings
CREATE OR REPLACE TEMP TABLE cohort_counts AS
WITH months AS (
    SELECT
        regency_id, agency_id, disposed_month AS month,
        count(*) AS received,
        count(*) FILTER (WHERE has_first_response) AS response_base,
        count(first_response_at) AS responded,
        count(*) FILTER (WHERE responded_on_time) AS responded_on_time,
        count(closed_at) AS closed,
        count(*) FILTER (WHERE closed_on_time) AS closed_on_time,
        count(rating) AS rated,
        coalesce(sum(rating), 0) AS rating_sum
    FROM complaint_facts
    WHERE in_cohort
    GROUP BY ALL
),
both_levels AS (
    SELECT * FROM months
    UNION ALL
    SELECT regency_id, 0, month, sum(received), sum(response_base), sum(responded), sum(responded_on_time),
           sum(closed), sum(closed_on_time), sum(rated), sum(rating_sum)
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
    sum(b.rating_sum)::BIGINT AS rating_sum
FROM both_levels AS b
JOIN (SELECT period_id, unnest(months) AS month FROM periods) AS pm USING (month)
GROUP BY ALL

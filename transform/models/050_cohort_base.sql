-- cohort_base (intermediate, dropped after the build): additive counts of each agency-month cohort.
--
-- Grain: one row per (regency, agency, month) with at least one complaint disposed to the agency
-- in that local month (complaint_facts.in_cohort). Every column adds up over months, so the
-- period tables sum them; durations need complaints, and come from duration_hist.
--
-- Columns:
--   regency             VARCHAR  regency
--   agency              VARCHAR  agency shown
--   month               DATE     local month of disposed_at (first day)
--   received            BIGINT   complaints in the cohort
--   response_base       BIGINT   of those, from exports with a first-response column
--   responded           BIGINT   of response_base, with first_response_at
--   responded_on_time   BIGINT   of response_base, wd(disposed_at, first_response_at) <= R (valid pairs)
--   closed              BIGINT   with closed_at
--   closed_on_time      BIGINT   closed within C of disposed_at (valid pairs)
--   rated               BIGINT   with a rating
--   rating_sum          BIGINT   sum of ratings
CREATE OR REPLACE TEMP TABLE cohort_base AS
SELECT
    regency,
    agency,
    disposed_month AS month,
    count(*) AS received,
    count(*) FILTER (WHERE has_first_response) AS response_base,
    count(first_response_at) FILTER (WHERE has_first_response) AS responded,
    count(*) FILTER (WHERE responded_on_time) AS responded_on_time,
    count(closed_at) AS closed,
    count(*) FILTER (WHERE closed_on_time) AS closed_on_time,
    count(rating) AS rated,
    coalesce(sum(rating), 0)::BIGINT AS rating_sum
FROM complaint_facts
WHERE in_cohort
GROUP BY ALL

-- regency_base (intermediate, dropped after the build): additive counts of each regency's
-- submission months.
--
-- Grain: one row per (regency, month) with at least one complaint submitted in that local month.
--
-- Columns:
--   regency            VARCHAR  regency
--   month              DATE     local month of submitted_at (first day)
--   submitted          BIGINT   complaints submitted
--   verified_on_time   BIGINT   disposed within V working days of submission (valid pairs)
--   disposed           BIGINT   disposed (disposed_at), whenever
--   archived           BIGINT   current status archived
CREATE OR REPLACE TEMP TABLE regency_base AS
SELECT
    regency,
    submitted_month AS month,
    count(*) AS submitted,
    count(*) FILTER (WHERE verified_on_time) AS verified_on_time,
    count(disposed_at) AS disposed,
    count(*) FILTER (WHERE status = 'archived') AS archived
FROM complaint_facts
GROUP BY ALL

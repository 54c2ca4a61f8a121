-- regencies: the regencies whose complaints are in the database.
--
-- Grain: one row per regency (complaints.regency). Every metric table is per regency; as_of is one
-- for the whole database, so last_timestamp shows a regency whose exports stop earlier.
--
-- Columns:
--   regency          VARCHAR      regency
--   regency_id       INTEGER      helper: a number for the regency in this build (alphabetical order)
--   complaints       BIGINT       current complaints
--   first_month      DATE         first local month with a submission or a disposition
--   last_timestamp   TIMESTAMPTZ  the newest timestamp of its complaints (not after the build time)
CREATE OR REPLACE TABLE regencies AS
WITH p AS (
    SELECT * FROM build_info
)
SELECT
    c.regency,
    (row_number() OVER (ORDER BY c.regency))::INTEGER AS regency_id,
    count(*) AS complaints,
    date_trunc('month', least(min(c.submitted_at), min(c.disposed_at)))::DATE AS first_month,
    greatest(max(c.submitted_at) FILTER (WHERE c.submitted_at <= p.started_at),
             max(c.verified_at) FILTER (WHERE c.verified_at <= p.started_at),
             max(c.disposed_at) FILTER (WHERE c.disposed_at <= p.started_at),
             max(c.first_response_at) FILTER (WHERE c.first_response_at <= p.started_at),
             max(c.closed_at) FILTER (WHERE c.closed_at <= p.started_at),
             max(c.last_activity_at) FILTER (WHERE c.last_activity_at <= p.started_at)) AS last_timestamp
FROM complaints AS c
CROSS JOIN p
GROUP BY c.regency
ORDER BY c.regency

-- open_complaints: the complaints still open at as_of, with their agency and age: the list the
-- scorecard leads with (open and overdue complaints by tracking id and agency).
--
-- Grain: one row per (regency, tracking_id) disposed to a named agency and open at as_of: disposed,
-- not closed and not archived by as_of. (Rows are in no particular order: sort when reading.)
--
-- Columns:
--   regency                  VARCHAR      regency
--   tracking_id              VARCHAR      the complaint's key (complaints.tracking_id)
--   agency                   VARCHAR      agency shown
--   status                   VARCHAR      normalised current status
--   submitted_at             TIMESTAMPTZ  submission time
--   disposed_at              TIMESTAMPTZ  disposition time
--   first_response_at        TIMESTAMPTZ  the agency's first follow-up, NULL if none (or no first-response column)
--   disposed_date            DATE         local date of disposed_at
--   open_days                INTEGER      cd(disposed_at, as_of): calendar days open
--   open_wd                  INTEGER      wd(disposed_at, as_of): working days open
--   overdue                  BOOLEAN      more than C (C's unit) since disposed_at
--   unanswered_overdue       BOOLEAN      no first response and open_wd > R; NULL without a first-response column
--   has_first_response       BOOLEAN      the export had a first-response column
CREATE OR REPLACE TABLE open_complaints AS
WITH p AS (
    SELECT b.*, c.wd_index AS as_of_wd_index
    FROM build_info AS b
    JOIN calendar AS c ON c.date = b.as_of_date
),
names AS (
    SELECT DISTINCT agency_id, agency FROM agency_names
),
open AS (
    SELECT
        f.*,
        r.regency,
        n.agency,
        (p.as_of_date - f.disposed_date)::INTEGER AS open_days,
        p.as_of_wd_index - f.disposed_wd_index AS open_wd,
        p.as_of, p.as_of_date
    FROM complaint_facts AS f
    CROSS JOIN p
    JOIN regencies AS r USING (regency_id)
    JOIN names AS n USING (agency_id)
    WHERE f.in_cohort
      AND f.disposed_at <= p.as_of
      AND (f.closed_at IS NULL OR f.closed_at > p.as_of)
      AND (f.archived_at IS NULL OR f.archived_at > p.as_of)
)
SELECT
    regency,
    tracking_id,
    agency,
    status,
    submitted_at,
    disposed_at,
    first_response_at,
    disposed_date,
    open_days,
    open_wd,
    as_of_date >= completion_late_from AS overdue,
    CASE WHEN has_first_response THEN
        (first_response_at IS NULL OR first_response_at > as_of) AND as_of_date >= response_late_from
    END AS unanswered_overdue,
    has_first_response
FROM open

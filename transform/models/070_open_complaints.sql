-- open_complaints: the complaints still open at as_of, with their agency and age: the list the
-- scorecard leads with (open and overdue complaints by tracking id and agency).
--
-- Grain: one row per (regency, tracking_id) disposed to a named agency and open at as_of: certainly
-- disposed, not returned as not its matter (Bukan Wewenang), and neither closed nor archived by as_of (complaint_facts' bounds; exact times as
-- they are). (Rows are in no particular order: sort when reading.)
--
-- Columns:
--   regency                  VARCHAR      regency
--   tracking_id              VARCHAR      the complaint's key (complaints.tracking_id)
--   agency                   VARCHAR      agency shown
--   status                   VARCHAR      normalised current status
--   submitted_at             TIMESTAMPTZ  submission time
--   disposed_at              TIMESTAMPTZ  disposition time (from snapshots: the latest possible, complaint_facts.disposed_hi)
--   first_response_at        TIMESTAMPTZ  the agency's first follow-up, NULL if none or not exact (or no first-response column)
--   disposed_date            DATE         local date of disposed_at
--   open_days                INTEGER      cd(disposed_at, as_of): calendar days open (at least)
--   open_wd                  INTEGER      wd(disposed_at, as_of): working days open (at least)
--   overdue                  BOOLEAN      certainly more than C (C's unit) since the disposition
--   unanswered_overdue       BOOLEAN      certainly no follow-up within R working days and none seen yet; NULL without follow-up data
--   timing                   VARCHAR      exact | snapshot (complaint_facts.timing)
--   response_sla             VARCHAR      complaint_facts.response_sla
--   completion_sla           VARCHAR      complaint_facts.completion_sla
--   status_detail            VARCHAR      complaint_facts.status_detail (e.g. waiting_info)
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
        f.* EXCLUDE (regency, agency),
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
      AND f.status <> 'not_authority'
      AND f.disposed_hi <= p.as_of
      AND (f.closed_hi IS NULL OR f.closed_lo > p.as_of)
      AND (f.archived_hi IS NULL OR f.archived_lo > p.as_of)
)
SELECT
    regency,
    tracking_id,
    agency,
    status,
    submitted_at,
    disposed_hi AS disposed_at,
    first_response_at,
    disposed_date,
    open_days,
    open_wd,
    as_of_date >= completion_late_from AS overdue,
    CASE WHEN has_first_response THEN
        (response_hi IS NULL OR response_hi > as_of) AND response_sla = 'missed'
    END AS unanswered_overdue,
    has_first_response,
    timing,
    response_sla,
    completion_sla,
    status_detail
FROM open

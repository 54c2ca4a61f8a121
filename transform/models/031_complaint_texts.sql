-- complaint_texts: the words of each complaint as the build saw them (title, category, channel,
-- area), so that a report lists and counts exactly the complaints its numbers rest on. Reports
-- read these texts here, never from complaints: a report run after an ingest but before the
-- rebuild would otherwise put the new downloads' titles beside the old build's numbers.
--
-- Grain: one row per (regency, tracking_id): the current version in complaints at build time.
-- Texts are stored masked (ingest's one masking step); a confidential complaint has no title.
--
-- Columns:
--   regency       VARCHAR      regency
--   tracking_id   VARCHAR      the complaint's key
--   submitted_at  TIMESTAMPTZ  submission time
--   category      VARCHAR      category
--   channel       VARCHAR      source channel
--   area          VARCHAR      kecamatan or place (LAPOR!'s Lokasi)
--   title         VARCHAR      title, personal data masked; NULL for a confidential complaint
--   confidential  BOOLEAN      confidential complaint (Rahasia)
CREATE OR REPLACE TABLE complaint_texts AS
SELECT
    regency,
    tracking_id,
    submitted_at,
    category,
    channel,
    area,
    CASE WHEN coalesce(is_confidential, false) THEN NULL ELSE title END AS title,
    coalesce(is_confidential, false) AS confidential
FROM complaints

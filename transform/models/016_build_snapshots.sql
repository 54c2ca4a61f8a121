-- build_snapshots: the snapshot exports (layout R) this build rests on, one row per instant:
-- reports name them ("26 ekspor mingguan, 3 Mei - 25 Okt 2025"), and their spacing is the
-- precision of every bounded event time (metrics.md, "Timing from snapshots": Precision).
--
-- Grain: one row per (regency, observed_from, observed_to); files of the same instant are one.
--
-- Columns:
--   regency        VARCHAR      regency of the files
--   observed_from  TIMESTAMPTZ  start of the instant (a whole day for a date-only Tanggal Generate)
--   observed_to    TIMESTAMPTZ  end of the instant
--   observed_date  DATE         local date of observed_from
--   files          BIGINT       files with this instant
--   gap_days       DOUBLE       days since the regency's previous instant (NULL for the first)
CREATE OR REPLACE TABLE build_snapshots AS
SELECT
    s.regency,
    s.observed_from,
    s.observed_to,
    s.observed_from::DATE AS observed_date,
    s.files,
    epoch(s.observed_from - lag(s.observed_from) OVER (PARTITION BY s.regency ORDER BY s.observed_from)) / 86400.0 AS gap_days
FROM snapshots AS s
CROSS JOIN build_info AS b
WHERE s.observed_from <= b.started_at
ORDER BY s.regency, s.observed_from

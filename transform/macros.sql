-- Macros shared by the models (dbt's macros/): created before the models of every build, and
-- kept in the database so that analysts' SQL can use them too.
--
-- local_date(ts, off_us): the local date (config timezone) of a timestamp. off_us is
--   build_info.utc_offset_seconds * 1e6 when the zone's UTC offset is the same over the whole span
--   of the data (e.g. WITA, UTC+8, no daylight saving time): integer arithmetic on the epoch, a
--   tenth of the cost of a time-zone conversion. NULL off_us: the session time zone (ts::DATE),
--   which the build sets to config timezone.
CREATE OR REPLACE MACRO local_date(ts, off_us) AS
    CASE WHEN off_us IS NULL THEN ts::DATE
         ELSE DATE '1970-01-01' + CAST(floor((epoch_us(ts) + off_us) / 86400000000.0) AS INTEGER) END;
-- day_start(d) / day_end(d): the first and the last instant of a local date.
CREATE OR REPLACE MACRO day_start(d) AS d::TIMESTAMPTZ;
CREATE OR REPLACE MACRO day_end(d) AS (d + 1)::TIMESTAMPTZ - INTERVAL 1 MICROSECOND;
-- title_norm(t), the repeat detection's normalised title, is defined by migration 0006
--   (store/migrations): ingest writes complaint_versions.title_norm with it.
-- score(otr, cr, otcr, sat, w1, w2, w3, w4): metrics.md's score, 100 × the weighted mean of the
--   components that are not NULL (on-time response, completion, on-time completion, satisfaction
--   with weights w1..w4, the others' weights raised to sum to 1); NULL when none is known. One
--   definition for the SKPD, regency and parent tables.
CREATE OR REPLACE MACRO score(otr, cr, otcr, sat, w1, w2, w3, w4) AS
    round(100 * (coalesce(w1 * otr, 0) + coalesce(w2 * cr, 0) + coalesce(w3 * otcr, 0) + coalesce(w4 * sat, 0))
        / nullif(CASE WHEN otr IS NOT NULL THEN w1 ELSE 0 END + CASE WHEN cr IS NOT NULL THEN w2 ELSE 0 END
               + CASE WHEN otcr IS NOT NULL THEN w3 ELSE 0 END + CASE WHEN sat IS NOT NULL THEN w4 ELSE 0 END, 0), 9);
-- zone(score, hijau, kuning): the Ombudsman-style zone of a score (NULL score: NULL).
CREATE OR REPLACE MACRO zone(s, hijau, kuning) AS
    CASE WHEN s IS NULL THEN NULL WHEN s >= hijau THEN 'hijau' WHEN s >= kuning THEN 'kuning' ELSE 'merah' END;

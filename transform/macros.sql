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
-- title_norm(t): a title as the repeat detection compares it: lower case, punctuation
--   .,;:!?-_/()[]"' made spaces, trimmed; NULL when nothing is left. translate, not a regular
--   expression: a tenth of the cost on a million titles.
CREATE OR REPLACE MACRO title_norm(t) AS
    nullif(trim(translate(lower(t), '.,;:!?-_/()[]"''', '               ')), '');

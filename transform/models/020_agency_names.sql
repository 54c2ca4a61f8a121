-- agency_names: how each spelling of an agency in the exports maps to the agency shown.
--
-- Grain: one row per (regency, spelling), a spelling being a distinct value of
-- complaints.agency (current versions) that is not blank.
-- Names are compared folded: trimmed, runs of white space (Unicode spaces included) made one
-- space, case ignored (config.FoldName). A folded name that is a name or alias of the master
-- list (config agencies) is shown with the master name; otherwise with its most frequent
-- spelling over all regencies (spaces folded, case kept), ties going to the alphabetically first
-- (byte order).
--
-- Columns:
--   regency      VARCHAR  regency of the complaints
--   spelling     VARCHAR  the agency text exactly as in complaints.agency
--   agency_key   VARCHAR  the folded name that identifies the agency (the master name's, for aliases)
--   agency       VARCHAR  the name shown in every table
--   agency_id    INTEGER  helper: a number for the agency shown in this build (alphabetical order)
--   in_master    BOOLEAN  the spelling is a name or alias in config agencies
--   complaints   BIGINT   current complaints of this regency with this spelling
CREATE OR REPLACE TABLE agency_names AS
-- (No filter on the folded name before the join below: DuckDB would push it under the GROUP BY
-- and run the regular expression on every complaint instead of every spelling. Blank names get
-- a NULL key and drop out at the inner join with chosen.)
WITH raw AS (
    SELECT regency, agency AS spelling, count(*) AS complaints
    FROM complaints
    WHERE agency IS NOT NULL
    GROUP BY ALL
),
folded AS (
    SELECT
        regency,
        spelling,
        complaints,
        trim(regexp_replace(spelling, '[\s\x0B\x{85}\pZ]+', ' ', 'g')) AS display
    FROM raw
),
keyed AS (
    SELECT
        f.regency,
        f.spelling,
        f.complaints,
        f.display,
        coalesce(m.agency_key, nullif(lower(f.display), '')) AS agency_key,
        m.agency AS master_name
    FROM folded AS f
    LEFT JOIN agency_master AS m ON m.spelling_key = lower(f.display)
),
frequent AS (
    SELECT agency_key, display, sum(complaints) AS n
    FROM keyed
    WHERE agency_key IS NOT NULL
    GROUP BY ALL
),
chosen AS (
    SELECT agency_key, arg_min(display, (-n, display)) AS display
    FROM frequent
    GROUP BY agency_key
),
master AS (
    SELECT DISTINCT agency_key, agency FROM agency_master
)
SELECT
    k.regency,
    k.spelling,
    k.agency_key,
    coalesce(m.agency, c.display) AS agency,
    (dense_rank() OVER (ORDER BY coalesce(m.agency, c.display)))::INTEGER AS agency_id,
    k.master_name IS NOT NULL AS in_master,
    k.complaints
FROM keyed AS k
JOIN chosen AS c USING (agency_key)
LEFT JOIN master AS m USING (agency_key)
ORDER BY k.regency, agency, k.spelling

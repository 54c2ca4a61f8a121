-- agency_parents: the hierarchy of the roll-up to parents (a UPT under its Dinas, a kelurahan under
-- its kecamatan): every agency's parent unit.
--
-- Grain: one row per (regency, agency) of agency_names. The parent is, in this order: the master
-- list's parent (config agencies[].parent); else the Instansi Induk most of the agency's
-- complaints name (complaints.parent_agency, LAPOR!'s export), unless it names a local government
-- (Pemerintah Kabupaten/Kota/Provinsi ..., Kabupaten ..., Kota ...: the regency's own account is
-- the top, not a parent) or the agency itself; else the agency is its own parent (a unit without
-- one). A parent named like an agency (a name, alias or spelling) is shown with that agency's name.
--
-- Columns:
--   regency        VARCHAR  regency
--   agency         VARCHAR  agency shown (agency_names)
--   parent         VARCHAR  its parent unit's name (the agency itself when it has none)
--   parent_source  VARCHAR  master (config) | export (Instansi Induk) | self
CREATE OR REPLACE TABLE agency_parents AS
WITH agencies AS (
    SELECT DISTINCT regency, agency, agency_key FROM agency_names
),
master AS (
    SELECT DISTINCT agency_key, parent FROM agency_master WHERE parent IS NOT NULL
),
induk AS (
    SELECT regency, agency AS spelling, trim(regexp_replace(parent_agency, '\s+', ' ', 'g')) AS parent, count(*) AS n
    FROM complaints
    WHERE parent_agency IS NOT NULL AND agency IS NOT NULL
    GROUP BY ALL
),
exported AS (
    SELECT s.regency, s.agency, arg_max(i.parent, (i.n, i.parent)) AS parent
    FROM induk AS i
    JOIN agency_names AS s ON s.regency = i.regency AND s.spelling = i.spelling
    WHERE i.parent <> ''
      AND NOT regexp_matches(lower(i.parent), '^(pemerintah\s+)?(kabupaten|kab\.|kota|provinsi)\s')
      AND lower(i.parent) <> lower(s.agency)
    GROUP BY ALL
),
chosen AS (
    SELECT a.regency, a.agency,
           coalesce(m.parent, e.parent) AS raw_parent,
           CASE WHEN m.parent IS NOT NULL THEN 'master' WHEN e.parent IS NOT NULL THEN 'export' ELSE 'self' END AS parent_source
    FROM agencies AS a
    LEFT JOIN master AS m USING (agency_key)
    LEFT JOIN exported AS e USING (regency, agency)
),
shown AS (
    -- a parent that is itself an agency (by a master name or alias, or a spelling) keeps its name
    SELECT DISTINCT lower(spelling) AS key, agency FROM agency_names
    UNION
    SELECT spelling_key, agency FROM agency_master
)
SELECT
    c.regency,
    c.agency,
    coalesce((SELECT min(s.agency) FROM shown AS s WHERE s.key = lower(c.raw_parent)), c.raw_parent, c.agency) AS parent,
    c.parent_source
FROM chosen AS c
ORDER BY c.regency, parent, c.agency

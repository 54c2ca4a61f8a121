-- agency_master: the configured master list of agencies (config agencies).
-- Grain: one row per name or alias (folded), written by insert_agency_master.sql.
-- Columns: queries/README.md. No parameters.
CREATE OR REPLACE TABLE agency_master (
    spelling_key  VARCHAR PRIMARY KEY,  -- a name or alias, folded (trimmed, spaces folded, lower case)
    agency_key    VARCHAR NOT NULL,     -- the master name, folded
    agency        VARCHAR NOT NULL,     -- the master name as configured
    is_alias      BOOLEAN NOT NULL,
    parent        VARCHAR               -- config agencies[].parent: the unit it belongs to, as configured
)

-- Every spelling of the agencies of one regency (agency_names: master list, aliases and the
-- spellings seen in the exports) with the agency shown: spelling, agency.
-- $1 regency.
SELECT spelling, agency FROM agency_names WHERE regency = $1

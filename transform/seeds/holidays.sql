-- holidays: the non-working days of the calendar in force (built-in or config holidays_file).
-- Grain: one row per date, written by insert_holidays.sql. Columns: queries/README.md.
-- No parameters.
CREATE OR REPLACE TABLE holidays (
    date  DATE PRIMARY KEY,
    kind  VARCHAR NOT NULL,   -- libur_nasional | cuti_bersama | daerah
    name  VARCHAR NOT NULL
)

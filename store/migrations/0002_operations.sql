-- 0002: tables of operations and reference data.
--
-- job_runs         one row per `rapor run` (the monthly batch job): when, what it did, how it
--                  ended. A row with no finished_at is a job that died (killed, crashed).
-- area_population  inhabitants per area (kecamatan) of a regency, loaded by `rapor population`,
--                  for complaints per 10,000 inhabitants. Grain: (regency, area).

CREATE SEQUENCE job_run_seq START 1;

CREATE TABLE job_runs (
    job_id         BIGINT PRIMARY KEY,
    started_at     TIMESTAMPTZ NOT NULL,
    finished_at    TIMESTAMPTZ,
    inbox          VARCHAR,
    month          DATE,          -- the month reported (first day)
    files_seen     INTEGER,
    files_ingested INTEGER,       -- new files loaded
    files_skipped  INTEGER,       -- already ingested before (same content)
    files_failed   INTEGER,       -- moved to failed/
    rows_accepted  BIGINT,
    rows_rejected  BIGINT,
    build_id       BIGINT,        -- build_runs.build_id of the metrics build
    reports        VARCHAR[],     -- paths of the reports written
    outcome        VARCHAR,       -- ok | failed (NULL while running)
    message        VARCHAR,       -- what failed, if anything
    rapor_version  VARCHAR NOT NULL
);

CREATE TABLE area_population (
    regency     VARCHAR NOT NULL,
    area        VARCHAR NOT NULL,   -- kecamatan name as complaints.area ends with it
    population  BIGINT NOT NULL,
    year        INTEGER,            -- year of the figure
    source      VARCHAR,            -- e.g. BPS, Sensus Penduduk 2020
    loaded_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (regency, area)
);

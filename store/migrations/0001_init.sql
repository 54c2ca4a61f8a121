-- 0001: the ingest tables.
--
-- ingest_runs        one row per file ingested (grain: file content; a file already ingested,
--                    by SHA-256, is skipped). A file that fails leaves no row: its transaction
--                    rolls back whole.
-- complaint_versions every row of every export ingested (grain: run_id, source_row): the history
--                    of each complaint's states, with its lineage.
-- complaints         a view: the current version per (regency, tracking_id), i.e. the rows of
--                    complaint_versions with is_current: the newest version_at, ties going to
--                    the row ingested later (run_id, then source_row). A view over a flag, not
--                    a copy, so that an ingest writes each row once.
-- rejects            rows (row_rejected) or single values (not row_rejected) that rapor could
--                    not take, with the file, row, column, raw value and reason.
--
-- Personal data never reaches these tables in clear: reporter name and phone become
-- reporter_key (a keyed HMAC-SHA256 pseudonym); NIK, phone numbers and e-mail addresses in
-- title and body are masked; confidential complaints keep no title or body.

CREATE SEQUENCE ingest_run_seq START 1;

CREATE TABLE ingest_runs (
    run_id         BIGINT PRIMARY KEY,
    file_path      VARCHAR NOT NULL,
    file_name      VARCHAR NOT NULL,
    file_sha256    VARCHAR NOT NULL,
    file_bytes     BIGINT NOT NULL,
    format         VARCHAR NOT NULL,   -- csv | xlsx | json
    layout         VARCHAR NOT NULL,   -- name of the recognised layout
    regency        VARCHAR NOT NULL,
    headers        VARCHAR[] NOT NULL, -- header row as read
    rows_read      BIGINT NOT NULL,
    rows_accepted  BIGINT NOT NULL,
    rows_rejected  BIGINT NOT NULL,
    max_timestamp  TIMESTAMPTZ,        -- newest timestamp in the file's accepted rows
    started_at     TIMESTAMPTZ NOT NULL,
    finished_at    TIMESTAMPTZ NOT NULL,
    rapor_version  VARCHAR NOT NULL
);

CREATE TABLE complaint_versions (
    run_id             BIGINT NOT NULL,
    source_row         BIGINT NOT NULL,   -- CSV line / spreadsheet row where the record starts
    regency            VARCHAR NOT NULL,
    tracking_id        VARCHAR NOT NULL,
    submitted_at       TIMESTAMPTZ NOT NULL,
    verified_at        TIMESTAMPTZ,
    disposed_at        TIMESTAMPTZ,
    first_response_at  TIMESTAMPTZ,
    closed_at          TIMESTAMPTZ,
    last_activity_at   TIMESTAMPTZ,
    version_at         TIMESTAMPTZ NOT NULL,
    status             VARCHAR NOT NULL,  -- normalised: unverified, verified, disposed, ...
    status_raw         VARCHAR,
    agency             VARCHAR,
    category           VARCHAR,
    report_type        VARCHAR,
    channel            VARCHAR,
    area               VARCHAR,
    title              VARCHAR,
    body               VARCHAR,
    is_anonymous       BOOLEAN,
    is_confidential    BOOLEAN,
    rating             TINYINT,
    reporter_key       VARCHAR,
    has_first_response BOOLEAN NOT NULL,  -- the export had a first-response column at all
    extra              JSON,
    is_current         BOOLEAN NOT NULL   -- this row is its complaint's current version
);

CREATE VIEW complaints AS
SELECT * EXCLUDE (is_current) FROM complaint_versions WHERE is_current;

CREATE TABLE rejects (
    run_id        BIGINT NOT NULL,
    file_path     VARCHAR NOT NULL,
    source_row    BIGINT NOT NULL,
    column_name   VARCHAR,
    raw_value     VARCHAR,
    reason_code   VARCHAR NOT NULL,
    reason        VARCHAR NOT NULL,
    row_rejected  BOOLEAN NOT NULL
);

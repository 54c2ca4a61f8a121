-- 0003: snapshot exports (layout R, LAPOR!'s "Laporan Ringkas") and LAPOR! v3's finer states.
--
-- A snapshot export carries no event time but the submission: each file is every complaint's
-- state at one instant (metrics.md, "Timing from snapshots"). The instant may be a whole day
-- (Tanggal Generate is a date) or a moment: observed_from .. observed_to (equal for a moment).
--
-- ingest_runs, new columns (NULL for exports that are not snapshots):
--   observed_from     TIMESTAMPTZ  start of the snapshot instant: what the file shows as not yet
--                                  happened had not happened before it
--   observed_to       TIMESTAMPTZ  end of the instant: what the file shows as happened had by then
--   observed_source   VARCHAR      where the instant came from: preamble | option | mtime
--   organisation      VARCHAR      preamble Nama Instansi (whose account made the export)
--   generated_raw     VARCHAR      preamble Tanggal Generate as written
--   period_from       DATE         preamble Periode Masuk, first submission date covered
--   period_to         DATE         preamble Periode Masuk, last submission date covered
--   manager           VARCHAR      preamble Pengelola
--
-- complaint_versions, new columns:
--   status_by         VARCHAR      who closed or archived it: system | admin | reporter (LAPOR! v3)
--   status_detail     VARCHAR      the v3 state behind the normalised status: waiting_info
--                                  (Menunggu Kelengkapan Informasi), reporter_answered (Ditanggapi
--                                  oleh Pelapor: a follow-up happened), expired (archived because it
--                                  reached the complaint's expiry: nobody handled it), blocked
--                                  (Konten Terblokir); NULL otherwise
--   status_reason     VARCHAR      Alasan Tunda/Arsip, personal data masked
--   parent_agency     VARCHAR      Instansi Induk: the LAPOR! account the report reached
--   agency_ref        VARCHAR      ID Instansi Terdisposisi
--   category_ref      VARCHAR      ID Kategori
--   seen_first_from   TIMESTAMPTZ  snapshot versions: observed_from of the earliest snapshot showing this version
--   seen_first_to     TIMESTAMPTZ  ... observed_to of that snapshot (bounds: the version's state held by then)
--   seen_last_from    TIMESTAMPTZ  observed_from of the latest snapshot showing this version
--   seen_last_to      TIMESTAMPTZ  observed_to of that snapshot
--   (a snapshot version is one state seen unchanged from its first to its last snapshot; NULL
--   seen_* for exports with event times)

ALTER TABLE ingest_runs ADD COLUMN observed_from TIMESTAMPTZ;
ALTER TABLE ingest_runs ADD COLUMN observed_to TIMESTAMPTZ;
ALTER TABLE ingest_runs ADD COLUMN observed_source VARCHAR;
ALTER TABLE ingest_runs ADD COLUMN organisation VARCHAR;
ALTER TABLE ingest_runs ADD COLUMN generated_raw VARCHAR;
ALTER TABLE ingest_runs ADD COLUMN period_from DATE;
ALTER TABLE ingest_runs ADD COLUMN period_to DATE;
ALTER TABLE ingest_runs ADD COLUMN manager VARCHAR;

ALTER TABLE complaint_versions ADD COLUMN status_by VARCHAR;
ALTER TABLE complaint_versions ADD COLUMN status_detail VARCHAR;
ALTER TABLE complaint_versions ADD COLUMN status_reason VARCHAR;
ALTER TABLE complaint_versions ADD COLUMN parent_agency VARCHAR;
ALTER TABLE complaint_versions ADD COLUMN agency_ref VARCHAR;
ALTER TABLE complaint_versions ADD COLUMN category_ref VARCHAR;
ALTER TABLE complaint_versions ADD COLUMN seen_first_from TIMESTAMPTZ;
ALTER TABLE complaint_versions ADD COLUMN seen_first_to TIMESTAMPTZ;
ALTER TABLE complaint_versions ADD COLUMN seen_last_from TIMESTAMPTZ;
ALTER TABLE complaint_versions ADD COLUMN seen_last_to TIMESTAMPTZ;

CREATE OR REPLACE VIEW complaints AS
SELECT * EXCLUDE (is_current) FROM complaint_versions WHERE is_current;

-- snapshots: the distinct snapshot instants per regency, with the files that gave them.
-- Grain: (regency, observed_from, observed_to). Files of the same instant count as one snapshot.
CREATE VIEW snapshots AS
SELECT regency, observed_from, observed_to,
       count(*) AS files,
       list(run_id ORDER BY run_id) AS run_ids,
       min(period_from) AS period_from,
       max(period_to) AS period_to
FROM ingest_runs
WHERE observed_from IS NOT NULL
GROUP BY ALL;

-- 0004: a reject keeps its reason's arguments, so that the reason can be rendered in the
-- reader's language at read time (rapor renders it from the message catalogue; in SQL,
-- reject_reason(reason_code, reason_args, 'id' | 'en'), a macro every ingest with rejects
-- refreshes from the catalogue). reason stays as the sentence in the language of the ingest,
-- for older rows and for readers that want one column.
--
-- reason_args  JSON array of the values the reason names, in order (e.g. [2, 3] for
--              column_count: the row's columns, the header's); NULL for rows ingested before.
ALTER TABLE rejects ADD COLUMN reason_args JSON;

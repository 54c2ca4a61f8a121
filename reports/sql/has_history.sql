-- Whether the build keeps its per-complaint history (complaint_facts as a table, not the build's
-- temporary one): one row, one boolean. No parameters.
SELECT count(*) > 0 FROM duckdb_tables() WHERE table_name = 'complaint_facts' AND NOT temporary

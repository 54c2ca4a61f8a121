//go:build !duckdb_arrow

package store

// rapor uses duckdb-go's Arrow interface, which exists only with the duckdb_arrow build tag.
// Without it the build would fail deep inside ingest with an obscure message; this names the fix.
var _ = build_with__go_build_tags_duckdb_arrow__see_README

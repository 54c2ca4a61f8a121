package store

import "strings"

// QuoteIdent quotes an SQL identifier for DuckDB. It is the only way identifiers that are not
// constants of the program reach SQL text; values are always bound as parameters instead.
func QuoteIdent(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// QuoteLiteral quotes a string literal, for the few statements that take no parameters
// (SET, PRAGMA, ATTACH options). Prefer parameters everywhere else.
func QuoteLiteral(s string) string {
	return `'` + strings.ReplaceAll(s, `'`, `''`) + `'`
}

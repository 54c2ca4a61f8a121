package ingest

import "strings"

// FoldHeader is the spec's header matching: case ignored, surrounding spaces trimmed, runs of
// spaces, underscores and dots folded to one space ("No. Tracking" = "no tracking" = "NO_TRACKING").
func FoldHeader(h string) string {
	var b strings.Builder
	b.Grow(len(h))
	gap := false
	for _, r := range strings.ToLower(h) {
		switch r {
		case '\ufeff':
			// a byte-order mark means nothing in a name, wherever it stands (the fuzzer found a doubled one)
			continue
		case ' ', '_', '.', '\t', '\u00a0':
			gap = true
			continue
		}
		if gap && b.Len() > 0 {
			b.WriteByte(' ')
		}
		gap = false
		b.WriteRune(r)
	}
	return b.String()
}

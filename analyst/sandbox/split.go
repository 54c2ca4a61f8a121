package sandbox

import "strings"

// Split cuts SQL text into statements at semicolons that are outside string literals, quoted
// identifiers, dollar-quoted strings and comments. Statements come back trimmed and without
// their semicolon; pieces holding only blanks or comments are dropped.
//
// The sandbox has DuckDB split each piece again (duckdb_extract_statements) and refuses a piece
// DuckDB reads as more than one statement, so a mistake here can only make a query fail, never
// run a statement unchecked. FuzzSplit checks that the two agree.
func Split(src string) []string {
	var out []string
	lx := lexer{src: src}
	start := 0
	for {
		end, semi := lx.nextSemicolon()
		piece := src[start:end]
		if lx.hasToken {
			out = append(out, strings.TrimSpace(piece))
		}
		if !semi {
			return out
		}
		start = end + 1
		lx.pos = start
		lx.hasToken = false
	}
}

// Complete reports whether src ends a statement: its last token is a semicolon outside any
// literal or comment (what the interactive prompt waits for before running a buffer).
func Complete(src string) bool {
	lx := lexer{src: src}
	complete := false
	for {
		_, semi := lx.nextSemicolon()
		if !semi {
			// Text after the last semicolon: only blanks and comments keep the buffer complete.
			return complete && !lx.hasToken && !lx.open
		}
		complete = true
		lx.pos++
		lx.hasToken = false
	}
}

// lexer scans just enough of DuckDB's (PostgreSQL's) lexical rules to find statement ends.
type lexer struct {
	src      string
	pos      int
	hasToken bool // the current statement has something besides blanks and comments
	open     bool // the scan ended inside a literal or comment
}

// nextSemicolon scans from pos to the next top-level semicolon (its index, true) or to the end
// of the text (len, false).
func (lx *lexer) nextSemicolon() (int, bool) {
	s := lx.src
	lx.open = false
	for lx.pos < len(s) {
		c := s[lx.pos]
		switch {
		case c == ';':
			return lx.pos, true
		case c == '-' && strings.HasPrefix(s[lx.pos:], "--"):
			nl := lineEnd(s[lx.pos:])
			if nl < 0 {
				lx.pos = len(s)
				return lx.pos, false
			}
			lx.pos += nl + 1
		case c == '/' && strings.HasPrefix(s[lx.pos:], "/*"):
			lx.blockComment()
		case c == '\'':
			escapes := lx.pos > 0 && (s[lx.pos-1] == 'e' || s[lx.pos-1] == 'E') &&
				(lx.pos < 2 || !identChar(s[lx.pos-2]))
			lx.hasToken = true
			lx.quoted('\'', escapes)
		case c == '"':
			lx.hasToken = true
			lx.quoted('"', false)
		case c == '$' && (lx.pos == 0 || !identChar(s[lx.pos-1])):
			lx.hasToken = true
			if tag, ok := dollarTag(s[lx.pos:]); ok {
				lx.pos += len(tag)
				if end := strings.Index(s[lx.pos:], tag); end >= 0 {
					lx.pos += end + len(tag)
				} else {
					lx.pos, lx.open = len(s), true
				}
			} else {
				lx.pos++
			}
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			lx.pos++
		default:
			lx.hasToken = true
			lx.pos++
		}
	}
	return len(s), false
}

func (lx *lexer) blockComment() {
	s := lx.src
	depth := 0
	for lx.pos < len(s) {
		switch {
		case strings.HasPrefix(s[lx.pos:], "/*"):
			depth++
			lx.pos += 2
		case strings.HasPrefix(s[lx.pos:], "*/"):
			depth--
			lx.pos += 2
			if depth == 0 {
				return
			}
		default:
			lx.pos++
		}
	}
	lx.open = true
}

// quoted skips a literal opened at pos by q; a doubled q stands for itself, and in E'...'
// strings a backslash escapes the next byte.
func (lx *lexer) quoted(q byte, escapes bool) {
	s := lx.src
	lx.pos++
	for lx.pos < len(s) {
		c := s[lx.pos]
		switch {
		case escapes && c == '\\':
			lx.pos += 2
		case c == q && lx.pos+1 < len(s) && s[lx.pos+1] == q:
			lx.pos += 2
		case c == q:
			lx.pos++
			return
		default:
			lx.pos++
		}
	}
	lx.pos, lx.open = len(s), true
}

// dollarTag returns the opening tag of a dollar-quoted string ($$ or $name$) at the start of s.
func dollarTag(s string) (string, bool) {
	for i := 1; i < len(s); i++ {
		c := s[i]
		if c == '$' {
			return s[:i+1], true
		}
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80 || i > 1 && c >= '0' && c <= '9') {
			return "", false
		}
	}
	return "", false
}

// lineEnd is where a -- comment at the start of s ends: DuckDB's (PostgreSQL's) scanner ends
// it at LF or CR, so "-- x\r; SET ..." is a comment, a semicolon and a second statement.
func lineEnd(s string) int {
	return strings.IndexAny(s, "\n\r")
}

func identChar(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// firstWords returns up to n leading keywords of a statement, upper-cased, skipping blanks,
// comments and opening parentheses.
func firstWords(stmt string, n int) []string {
	var words []string
	s := stmt
	for len(words) < n {
		s = strings.TrimLeft(s, " \t\r\n\f\v(")
		switch {
		case strings.HasPrefix(s, "--"):
			nl := lineEnd(s)
			if nl < 0 {
				return words
			}
			s = s[nl+1:]
			continue
		case strings.HasPrefix(s, "/*"):
			lx := lexer{src: s}
			lx.blockComment()
			s = s[lx.pos:]
			continue
		}
		i := 0
		for i < len(s) && (identChar(s[i]) && s[i] != '$') {
			i++
		}
		if i == 0 {
			return words
		}
		words = append(words, strings.ToUpper(s[:i]))
		s = s[i:]
	}
	return words
}

// explainAnalyzed returns the statement that EXPLAIN ANALYZE (which runs it) wraps, and whether
// stmt is one: "EXPLAIN ANALYZE inner" or "EXPLAIN (option, ..., ANALYZE, ...) inner".
func explainAnalyzed(stmt string) (string, bool) {
	s := skipBlank(stmt)
	word := func() string {
		i := 0
		for i < len(s) && identChar(s[i]) && s[i] != '$' {
			i++
		}
		return strings.ToUpper(s[:i])
	}
	if word() != "EXPLAIN" {
		return "", false
	}
	s = skipBlank(s[len("EXPLAIN"):])
	analyze := false
	if w := word(); w == "ANALYZE" || w == "ANALYSE" {
		analyze = true
		s = skipBlank(s[len(w):])
	}
	if strings.HasPrefix(s, "(") {
		// An options list, unless it is a parenthesised query.
		inner := firstWords(s, 1)
		query := len(inner) == 0
		if !query {
			switch inner[0] {
			case "SELECT", "WITH", "FROM", "VALUES", "TABLE", "PIVOT", "UNPIVOT", "DESCRIBE", "SHOW", "SUMMARIZE":
				query = true
			}
		}
		if end := strings.IndexByte(s, ')'); !query && end >= 0 {
			opts := strings.ToUpper(s[1:end])
			analyze = analyze || hasWord(opts, "ANALYZE") || hasWord(opts, "ANALYSE")
			s = s[end+1:]
		}
	}
	if !analyze {
		return "", false
	}
	return strings.TrimSpace(s), true
}

// skipBlank skips leading blanks and comments.
func skipBlank(s string) string {
	for {
		s = strings.TrimLeft(s, " \t\r\n\f\v")
		switch {
		case strings.HasPrefix(s, "--"):
			nl := lineEnd(s)
			if nl < 0 {
				return ""
			}
			s = s[nl+1:]
		case strings.HasPrefix(s, "/*"):
			lx := lexer{src: s}
			lx.blockComment()
			s = s[lx.pos:]
		default:
			return s
		}
	}
}

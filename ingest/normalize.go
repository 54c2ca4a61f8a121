package ingest

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"golang.org/x/text/encoding/charmap"
)

var tsType = &arrow.TimestampType{Unit: arrow.Microsecond, TimeZone: "UTC"}

// stageSchema is the Arrow form of one ingested row: complaint_versions without run_id, which
// the insert adds. Column names are the table's, so inserts go BY NAME.
var stageSchema = arrow.NewSchema([]arrow.Field{
	{Name: "source_row", Type: arrow.PrimitiveTypes.Int64},
	{Name: "regency", Type: arrow.BinaryTypes.String},
	{Name: "tracking_id", Type: arrow.BinaryTypes.String},
	{Name: "submitted_at", Type: tsType},
	{Name: "verified_at", Type: tsType, Nullable: true},
	{Name: "disposed_at", Type: tsType, Nullable: true},
	{Name: "first_response_at", Type: tsType, Nullable: true},
	{Name: "closed_at", Type: tsType, Nullable: true},
	{Name: "last_activity_at", Type: tsType, Nullable: true},
	{Name: "version_at", Type: tsType},
	{Name: "status", Type: arrow.BinaryTypes.String},
	{Name: "status_raw", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "agency", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "category", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "report_type", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "channel", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "area", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "title", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "body", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "is_anonymous", Type: arrow.FixedWidthTypes.Boolean, Nullable: true},
	{Name: "is_confidential", Type: arrow.FixedWidthTypes.Boolean, Nullable: true},
	{Name: "rating", Type: arrow.PrimitiveTypes.Int8, Nullable: true},
	{Name: "reporter_key", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "has_first_response", Type: arrow.FixedWidthTypes.Boolean},
	{Name: "extra", Type: arrow.BinaryTypes.String, Nullable: true},
}, nil)

// timestamp fields in schema order, after submitted_at.
var optionalTimes = []string{"verified_at", "disposed_at", "first_response_at", "closed_at", "last_activity_at"}

var allTimes = append([]string{"submitted_at"}, optionalTimes...)

// Reject is a row (RowRejected) or a single value that could not be taken.
type Reject struct {
	Row         int64
	Column      string
	Raw         string
	Code        string
	Args        []any
	RowRejected bool
}

// normalizer turns one file's records into staged rows. It is shared read-only by the workers.
type normalizer struct {
	bind             *Binding
	tp               TimeParser
	pseudo           *Pseudonymizer
	regency          string
	whenStatus       map[string]map[string]bool
	hasFirstResponse bool
	headerLen        int
	strictWidth      bool
	extraKeys        []string // JSON-quoted names of extra columns
}

func newNormalizer(b *Binding, tp TimeParser, p *Pseudonymizer, regency string, strictWidth bool) *normalizer {
	n := &normalizer{bind: b, tp: tp, pseudo: p, regency: regency, headerLen: len(b.Headers), strictWidth: strictWidth,
		hasFirstResponse: b.Has("first_response_at"), whenStatus: map[string]map[string]bool{}}
	for f, sts := range b.Layout.WhenStatus {
		n.whenStatus[f] = map[string]bool{}
		for _, s := range sts {
			n.whenStatus[f][s] = true
		}
	}
	for _, i := range b.Extra {
		name := text(strings.TrimSpace(b.Headers[i]))
		if name == "" {
			name = "kolom_" + strconv.Itoa(i+1)
		}
		n.extraKeys = append(n.extraKeys, string(appendJSONString(nil, name)))
	}
	return n
}

// chunkResult is what a worker makes of a chunk of records.
type chunkResult struct {
	rec      arrow.RecordBatch
	rejects  []Reject
	read     int64
	accepted int64
	rejected int64
	maxTime  int64 // newest timestamp seen, in µs (0 = none)
}

type builders struct {
	rb                *array.RecordBuilder
	row               *array.Int64Builder
	str               map[string]*array.StringBuilder
	ts                map[string]*array.TimestampBuilder
	anon, conf, hasFR *array.BooleanBuilder
	rating            *array.Int8Builder
}

func newBuilders(mem memory.Allocator, capacity int) *builders {
	rb := array.NewRecordBuilder(mem, stageSchema)
	rb.Reserve(capacity)
	b := &builders{rb: rb, str: map[string]*array.StringBuilder{}, ts: map[string]*array.TimestampBuilder{}}
	for i, f := range stageSchema.Fields() {
		switch fb := rb.Field(i).(type) {
		case *array.Int64Builder:
			b.row = fb
		case *array.StringBuilder:
			b.str[f.Name] = fb
		case *array.TimestampBuilder:
			b.ts[f.Name] = fb
		case *array.Int8Builder:
			b.rating = fb
		case *array.BooleanBuilder:
			switch f.Name {
			case "is_anonymous":
				b.anon = fb
			case "is_confidential":
				b.conf = fb
			default:
				b.hasFR = fb
			}
		}
	}
	return b
}

// value returns the first non-empty value of field among its columns, and that column's index.
func (n *normalizer) value(rec []string, field string) (string, int) {
	cols := n.bind.Cols[field]
	for _, c := range cols {
		if c < len(rec) {
			if v := strings.TrimSpace(rec[c]); v != "" {
				return text(v), c
			}
		}
	}
	if len(cols) > 0 {
		return "", cols[0]
	}
	return "", -1
}

// timeValue is value for timestamps, where a zero epoch also means missing.
func (n *normalizer) timeValue(rec []string, field string) (string, int) {
	cols := n.bind.Cols[field]
	for _, c := range cols {
		if c < len(rec) {
			if v := strings.TrimSpace(rec[c]); v != "" && v != "0" && v != "0.0" {
				return v, c
			}
		}
	}
	if len(cols) > 0 {
		return "", cols[0]
	}
	return "", -1
}

func (n *normalizer) header(col int) string {
	if col < 0 || col >= len(n.bind.Headers) {
		return ""
	}
	return strings.TrimSpace(n.bind.Headers[col])
}

func blank(rec []string) bool {
	for _, v := range rec {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// process normalises a chunk of records into one Arrow record batch.
func (n *normalizer) process(mem memory.Allocator, rows []int64, recs [][]string) chunkResult {
	b := newBuilders(mem, len(recs))
	defer b.rb.Release()
	var res chunkResult
	var times [6]int64
	var valid [6]bool
	for k, rec := range recs {
		row := rows[k]
		if blank(rec) {
			continue
		}
		res.read++
		if n.strictWidth && len(rec) != n.headerLen && !(len(rec) > n.headerLen && blank(rec[n.headerLen:])) {
			res.rejects = append(res.rejects, Reject{Row: row, Code: "column_count", Args: []any{len(rec), n.headerLen}, RowRejected: true})
			res.rejected++
			continue
		}
		before := len(res.rejects)
		id, idCol := n.value(rec, "tracking_id")
		if id == "" {
			res.rejects = append(res.rejects, Reject{Row: row, Column: n.header(idCol), Code: "missing_tracking_id", RowRejected: true})
		}
		for i, field := range allTimes {
			raw, col := n.timeValue(rec, field)
			valid[i] = false
			if raw == "" {
				if i == 0 {
					res.rejects = append(res.rejects, Reject{Row: row, Column: n.header(col), Code: "missing_submitted_at", RowRejected: true})
				}
				continue
			}
			t, ok := n.tp.Parse(raw)
			if !ok {
				res.rejects = append(res.rejects, Reject{Row: row, Column: n.header(col), Raw: truncate(raw, 200), Code: "bad_timestamp", Args: []any{truncate(raw, 60)}, RowRejected: true})
				continue
			}
			times[i], valid[i] = t.UnixMicro(), true
		}
		if len(res.rejects) > before {
			res.rejected++
			continue
		}
		res.accepted++

		statusRaw, _ := n.value(rec, "status")
		status := NormaliseStatus(statusRaw, n.bind.Layout.Statuses)
		for i, field := range optionalTimes {
			if allowed, ok := n.whenStatus[field]; ok && !allowed[status] {
				valid[i+1] = false
			}
		}
		version, vok := times[5], valid[5]
		if !vok {
			version = times[0]
			for i := 1; i < 6; i++ {
				if valid[i] && times[i] > version {
					version = times[i]
				}
			}
		}
		for i := 0; i < 6; i++ {
			if valid[i] && times[i] > res.maxTime {
				res.maxTime = times[i]
			}
		}

		b.row.Append(row)
		regency := n.regency
		if v, _ := n.value(rec, "regency"); v != "" {
			regency = v
		}
		b.str["regency"].Append(regency)
		b.str["tracking_id"].Append(id)
		b.ts["submitted_at"].Append(arrow.Timestamp(times[0]))
		for i, field := range optionalTimes {
			if valid[i+1] {
				b.ts[field].Append(arrow.Timestamp(times[i+1]))
			} else {
				b.ts[field].AppendNull()
			}
		}
		b.ts["version_at"].Append(arrow.Timestamp(version))
		b.str["status"].Append(status)
		appendOpt(b.str["status_raw"], statusRaw)
		for _, f := range []string{"agency", "category", "report_type", "channel", "area"} {
			v, _ := n.value(rec, f)
			appendOpt(b.str[f], v)
		}

		n.flag(rec, "is_anonymous", row, &res, b.anon)
		conf := n.flag(rec, "is_confidential", row, &res, b.conf)
		if conf {
			b.str["title"].AppendNull()
			b.str["body"].AppendNull()
		} else {
			for _, f := range []string{"title", "body"} {
				v, _ := n.value(rec, f)
				appendOpt(b.str[f], Redact(v))
			}
		}

		if v, col := n.value(rec, "rating"); v == "" {
			b.rating.AppendNull()
		} else if r, ok := parseRating(v); ok {
			b.rating.Append(r)
		} else {
			b.rating.AppendNull()
			res.rejects = append(res.rejects, Reject{Row: row, Column: n.header(col), Raw: truncate(v, 200), Code: "bad_rating", Args: []any{truncate(v, 60)}})
		}

		name, _ := n.value(rec, "reporter_name")
		phone, _ := n.value(rec, "reporter_phone")
		appendOpt(b.str["reporter_key"], n.pseudo.Key(name, phone))
		b.hasFR.Append(n.hasFirstResponse)
		appendOpt(b.str["extra"], n.extra(rec))
	}
	res.rec = b.rb.NewRecordBatch()
	return res
}

// flag reads a yes/no column; a value that is neither is dropped (with a note) and the row kept.
func (n *normalizer) flag(rec []string, field string, row int64, res *chunkResult, fb *array.BooleanBuilder) bool {
	v, col := n.value(rec, field)
	if v == "" {
		fb.AppendNull()
		return false
	}
	switch strings.ToLower(v) {
	case "ya", "y", "yes", "1", "true", "benar", "iya":
		fb.Append(true)
		return true
	case "tidak", "t", "n", "no", "0", "false", "salah", "tdk", "bukan":
		fb.Append(false)
		return false
	}
	fb.AppendNull()
	res.rejects = append(res.rejects, Reject{Row: row, Column: n.header(col), Raw: truncate(v, 200), Code: "bad_flag", Args: []any{truncate(v, 60)}})
	// An unreadable confidentiality flag must not expose the text: treat it as confidential.
	return field == "is_confidential"
}

func parseRating(v string) (int8, bool) {
	f, err := strconv.ParseFloat(strings.Replace(v, ",", ".", 1), 64)
	if err != nil || f != float64(int(f)) || f < 1 || f > 5 {
		return 0, false
	}
	return int8(f), true
}

func appendOpt(sb *array.StringBuilder, v string) {
	if v == "" {
		sb.AppendNull()
		return
	}
	sb.Append(v)
}

// extra keeps the columns no field claims as a JSON object, personal data masked.
func (n *normalizer) extra(rec []string) string {
	var buf []byte
	for k, i := range n.bind.Extra {
		if i >= len(rec) {
			continue
		}
		v := strings.TrimSpace(rec[i])
		if v == "" {
			continue
		}
		if buf == nil {
			buf = append(buf, '{')
		} else {
			buf = append(buf, ',')
		}
		buf = append(buf, n.extraKeys[k]...)
		buf = append(buf, ':')
		buf = appendJSONString(buf, Redact(text(v)))
	}
	// Cells beyond the header (XLSX rows wider than their header) are kept too.
	for i := n.headerLen; i < len(rec); i++ {
		v := strings.TrimSpace(rec[i])
		if v == "" {
			continue
		}
		if buf == nil {
			buf = append(buf, '{')
		} else {
			buf = append(buf, ',')
		}
		buf = appendJSONString(buf, "kolom_"+strconv.Itoa(i+1))
		buf = append(buf, ':')
		buf = appendJSONString(buf, Redact(text(v)))
	}
	if buf == nil {
		return ""
	}
	return string(append(buf, '}'))
}

const hexDigits = "0123456789abcdef"

func appendJSONString(buf []byte, s string) []byte {
	buf = append(buf, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				buf = append(buf, '\\', c)
			case c == '\n':
				buf = append(buf, '\\', 'n')
			case c == '\r':
				buf = append(buf, '\\', 'r')
			case c == '\t':
				buf = append(buf, '\\', 't')
			case c < 0x20:
				buf = append(buf, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			default:
				buf = append(buf, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			buf = append(buf, `\ufffd`...)
		} else {
			buf = append(buf, s[i:i+size]...)
		}
		i += size
	}
	return append(buf, '"')
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// text makes a cell valid UTF-8. Files that are not UTF-8 are nearly always Windows-1252
// (Excel's "CSV" on Windows), so invalid bytes are read as that rather than replaced.
func text(v string) string {
	if utf8.ValidString(v) {
		return v
	}
	if s, err := charmap.Windows1252.NewDecoder().String(v); err == nil {
		return s
	}
	return strings.ToValidUTF8(v, "\uFFFD")
}

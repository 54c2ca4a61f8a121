package ingest

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"golang.org/x/text/encoding/charmap"
)

var tsType = &arrow.TimestampType{Unit: arrow.Microsecond, TimeZone: "UTC"}

// field numbers the canonical fields, so that the per-row work indexes arrays, not maps.
type field int

const (
	fTrackingID field = iota
	fSubmittedAt
	fVerifiedAt
	fDisposedAt
	fFirstResponseAt
	fClosedAt
	fLastActivityAt
	fTitle
	fBody
	fCategory
	fAgency
	fStatus
	fReportType
	fChannel
	fArea
	fIsAnonymous
	fIsConfidential
	fRating
	fReporterName
	fReporterPhone
	fRegency
	fSubmittedTime // layout R: the submission's time of day, in a column beside its date
	fFlags         // layout R: "Tipe Laporan (Anonim/Rahasia)", both flags in one cell
	fStatusReason
	fParentAgency
	fAgencyRef
	fCategoryRef
	numFields
)

var fieldNames = [numFields]string{
	"tracking_id", "submitted_at", "verified_at", "disposed_at", "first_response_at", "closed_at",
	"last_activity_at", "title", "body", "category", "agency", "status", "report_type", "channel",
	"area", "is_anonymous", "is_confidential", "rating", "reporter_name", "reporter_phone", "regency",
	"submitted_time", "flags", "status_reason", "parent_agency", "agency_ref", "category_ref",
}

// timeFields are the timestamps, submitted_at first, in the order of the stage schema.
var timeFields = [...]field{fSubmittedAt, fVerifiedAt, fDisposedAt, fFirstResponseAt, fClosedAt, fLastActivityAt}

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
	{Name: "is_current", Type: arrow.FixedWidthTypes.Boolean},
	{Name: "status_by", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "status_detail", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "status_reason", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "parent_agency", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "agency_ref", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "category_ref", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "seen_first_from", Type: tsType, Nullable: true},
	{Name: "seen_first_to", Type: tsType, Nullable: true},
	{Name: "seen_last_from", Type: tsType, Nullable: true},
	{Name: "seen_last_to", Type: tsType, Nullable: true},
}, nil)

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
	cols             [numFields][]int
	tp               TimeParser
	pseudo           *Pseudonymizer
	regency          string
	whenStatus       [numFields]map[string]bool
	hasFirstResponse bool
	headerLen        int
	strictWidth      bool
	extraKeys        []string    // JSON-quoted names of extra columns
	extraPersonal    []bool      // the extra column's header names personal data
	farKey           map[int]int // column of a header cell beyond the record (bind.far) -> its extraKeys index
	observed         *Instant    // the snapshot instant of a snapshot export, else nil
	dates            DateRange   // plausible timestamps (plausible.go)
}

// personalHeaders are words in a column header that mark personal data: such a column that no
// field claims is kept in extra as a pseudonym, not in clear.
var personalHeaders = []string{"pelapor", "pengadu", "pengirim", "nama lengkap", "nik", "ktp", "no hp", "nomor hp",
	"hp", "telepon", "telp", "handphone", "whatsapp", "email", "e-mail", "surel", "reporter", "complainant", "phone", "contact"}

func isPersonalHeader(h string) bool {
	f := " " + FoldHeader(h) + " "
	for _, w := range personalHeaders {
		if strings.Contains(f, " "+w+" ") {
			return true
		}
	}
	return false
}

func newNormalizer(b *Binding, tp TimeParser, p *Pseudonymizer, regency string, strictWidth bool) *normalizer {
	n := &normalizer{bind: b, tp: tp, pseudo: p, regency: regency, headerLen: len(b.Headers), strictWidth: strictWidth,
		hasFirstResponse: b.Has("first_response_at")}
	for f := field(0); f < numFields; f++ {
		n.cols[f] = b.Cols[fieldNames[f]]
		if sts, ok := b.Layout.WhenStatus[fieldNames[f]]; ok {
			n.whenStatus[f] = map[string]bool{}
			for _, s := range sts {
				n.whenStatus[f][s] = true
			}
		}
	}
	used := map[string]bool{}
	for _, i := range b.Extra {
		name := text(strings.TrimSpace(b.Headers[i]))
		if name == "" {
			name = "kolom_" + strconv.Itoa(i+1)
		}
		name = uniqueKey(name, i, used)
		n.extraKeys = append(n.extraKeys, string(appendJSONString(nil, name)))
		n.extraPersonal = append(n.extraPersonal, isPersonalHeader(name))
	}
	// Header cells beyond the record's columns (findHeader) name their columns too: a column
	// "No HP" at XFD still has its values pseudonymised.
	for _, c := range b.far {
		name := text(strings.TrimSpace(c.Val))
		if name == "" {
			continue
		}
		if n.farKey == nil {
			n.farKey = map[int]int{}
		}
		n.farKey[c.Col] = len(n.extraKeys)
		name = uniqueKey(name, c.Col-1, used)
		n.extraKeys = append(n.extraKeys, string(appendJSONString(nil, name)))
		n.extraPersonal = append(n.extraPersonal, isPersonalHeader(name))
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
	maxTime  int64            // newest timestamp seen, in µs (0 = none)
	unknown  map[string]int64 // status spellings no layout knows (masked), with their rows
}

type builders struct {
	rb                                     *array.RecordBuilder
	row                                    *array.Int64Builder
	regency, trackingID, status, statusRaw *array.StringBuilder
	agency, category, reportType, channel  *array.StringBuilder
	area, title, body, reporterKey, extra  *array.StringBuilder
	times                                  [len(timeFields)]*array.TimestampBuilder
	version                                *array.TimestampBuilder
	anon, conf, hasFR, current             *array.BooleanBuilder
	rating                                 *array.Int8Builder
	statusBy, statusDetail, statusReason   *array.StringBuilder
	parentAgency, agencyRef, categoryRef   *array.StringBuilder
	seen                                   [4]*array.TimestampBuilder // seen_first_from .. seen_last_to
}

func newBuilders(mem memory.Allocator, capacity int) *builders {
	rb := array.NewRecordBuilder(mem, stageSchema)
	rb.Reserve(capacity)
	b := &builders{rb: rb}
	str := func(i int) *array.StringBuilder { return rb.Field(i).(*array.StringBuilder) }
	ts := func(i int) *array.TimestampBuilder { return rb.Field(i).(*array.TimestampBuilder) }
	boolean := func(i int) *array.BooleanBuilder { return rb.Field(i).(*array.BooleanBuilder) }
	b.row = rb.Field(0).(*array.Int64Builder)
	b.regency, b.trackingID = str(1), str(2)
	for i := range b.times {
		b.times[i] = ts(3 + i)
	}
	b.version = ts(9)
	b.status, b.statusRaw, b.agency, b.category = str(10), str(11), str(12), str(13)
	b.reportType, b.channel, b.area, b.title, b.body = str(14), str(15), str(16), str(17), str(18)
	b.anon, b.conf = boolean(19), boolean(20)
	b.rating = rb.Field(21).(*array.Int8Builder)
	b.reporterKey = str(22)
	b.hasFR = boolean(23)
	b.extra = str(24)
	b.current = boolean(25)
	b.statusBy, b.statusDetail, b.statusReason = str(26), str(27), str(28)
	b.parentAgency, b.agencyRef, b.categoryRef = str(29), str(30), str(31)
	for i := range b.seen {
		b.seen[i] = ts(32 + i)
	}
	return b
}

// value returns the first non-empty value of f among its columns, and that column's index.
func (n *normalizer) value(rec []string, f field) (string, int) {
	v, c := n.first(rec, f, false)
	return text(v), c
}

// timeValue is value for timestamps, where a zero epoch also means missing.
func (n *normalizer) timeValue(rec []string, f field) (string, int) {
	return n.first(rec, f, true)
}

func (n *normalizer) first(rec []string, f field, zeroIsEmpty bool) (string, int) {
	cols := n.cols[f]
	for _, c := range cols {
		if c < len(rec) {
			v := strings.TrimSpace(rec[c])
			if v != "" && !(zeroIsEmpty && (v == "0" || v == "0.0")) {
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

// blankFar says no cell beyond a record's columns holds anything.
func blankFar(far []farCell) bool {
	for _, c := range far {
		if strings.TrimSpace(c.Val) != "" {
			return false
		}
	}
	return true
}

func blank(rec []string) bool {
	for _, v := range rec {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// process normalises a chunk of records into one Arrow record batch. far holds, by index in
// recs, the cells an XLSX reader kept apart beyond the header (sheetStream).
func (n *normalizer) process(mem memory.Allocator, rows []int64, recs [][]string, far map[int][]farCell) chunkResult {
	b := newBuilders(mem, len(recs))
	defer b.rb.Release()
	var res chunkResult
	var times [len(timeFields)]int64
	var valid [len(timeFields)]bool
	statuses := map[string]statusOf{} // few distinct spellings: normalise each once per chunk
	for k, rec := range recs {
		row := rows[k]
		farCells := far[k]
		if blank(rec) && blankFar(farCells) {
			continue
		}
		res.read++
		if n.strictWidth && len(rec) != n.headerLen && !(len(rec) > n.headerLen && blank(rec[n.headerLen:])) {
			res.rejects = append(res.rejects, Reject{Row: row, Code: "column_count", Args: []any{len(rec), n.headerLen}, RowRejected: true})
			res.rejected++
			continue
		}
		before := len(res.rejects)
		id, idCol := n.value(rec, fTrackingID)
		if id == "" {
			res.rejects = append(res.rejects, Reject{Row: row, Column: n.header(idCol), Code: "missing_tracking_id", RowRejected: true})
		}
		for i, f := range timeFields {
			raw, col := n.timeValue(rec, f)
			valid[i] = false
			if raw == "" {
				if i == 0 {
					res.rejects = append(res.rejects, Reject{Row: row, Column: n.header(col), Code: "missing_submitted_at", RowRejected: true})
				}
				continue
			}
			t, ok := n.tp.Parse(raw)
			if ok && i == 0 && len(n.cols[fSubmittedTime]) > 0 {
				// Layout R: the time of day is in a column of its own.
				if clock, ccol := n.timeValue(rec, fSubmittedTime); clock != "" {
					if t, ok = n.tp.withClock(t, clock); !ok {
						raw, col = clock, ccol
					}
				}
			}
			st := plausibility(t, ok, n.dates)
			if st != timeOK {
				if reported(res.rejects[before:], n.header(col)) {
					continue // one column feeding two fields (Open311, 311) is reported once
				}
				res.rejects = append(res.rejects, timeReject(row, n.header(col), text(raw), st, i == 0))
				continue
			}
			times[i], valid[i] = t.UnixMicro(), true
		}
		if rowRejected(res.rejects[before:]) {
			res.rejected++
			continue
		}
		res.accepted++

		statusRaw, _ := n.value(rec, fStatus)
		st, seen := statuses[statusRaw]
		if !seen {
			st = statusOf{NormaliseStatus(statusRaw, n.bind.Layout.Statuses), Redact(statusRaw)}
			statuses[statusRaw] = st
		}
		status := st.status
		by, detail := StatusDetail(statusRaw)
		statusRaw = st.masked
		if status == StatusUnknown {
			if res.unknown == nil {
				res.unknown = map[string]int64{}
			}
			res.unknown[statusRaw]++
		}
		for i, f := range timeFields {
			if allowed := n.whenStatus[f]; allowed != nil && !allowed[status] {
				valid[i] = false
			}
		}
		last := len(timeFields) - 1
		version, vok := times[last], valid[last]
		if n.observed != nil {
			// A snapshot's version instant is the snapshot's (input-formats.md, "Versions").
			version, vok = n.observed.From.UnixMicro(), true
		}
		if !vok {
			version = times[0]
			for i := 1; i < len(timeFields); i++ {
				if valid[i] && times[i] > version {
					version = times[i]
				}
			}
		}
		for i := range timeFields {
			if valid[i] && times[i] > res.maxTime {
				res.maxTime = times[i]
			}
		}

		b.row.Append(row)
		regency := n.regency
		if v, _ := n.value(rec, fRegency); v != "" {
			regency = v
		}
		b.regency.Append(regency)
		b.trackingID.Append(id)
		for i := range timeFields {
			if valid[i] {
				b.times[i].Append(arrow.Timestamp(times[i]))
			} else {
				b.times[i].AppendNull()
			}
		}
		b.version.Append(arrow.Timestamp(version))
		b.status.Append(status)
		appendOpt(b.statusRaw, statusRaw)
		for _, fb := range [...]struct {
			f  field
			sb *array.StringBuilder
		}{{fAgency, b.agency}, {fCategory, b.category}, {fReportType, b.reportType}, {fChannel, b.channel}, {fArea, b.area}} {
			v, _ := n.value(rec, fb.f)
			appendOpt(fb.sb, Redact(v))
		}

		hide := n.flags(rec, row, &res, b)
		if hide {
			b.title.AppendNull()
			b.body.AppendNull()
		} else {
			v, _ := n.value(rec, fTitle)
			appendOpt(b.title, Redact(v))
			v, _ = n.value(rec, fBody)
			appendOpt(b.body, Redact(v))
		}

		if v, col := n.value(rec, fRating); v == "" {
			b.rating.AppendNull()
		} else if r, ok := parseRating(v); ok {
			b.rating.Append(r)
		} else {
			b.rating.AppendNull()
			res.rejects = append(res.rejects, Reject{Row: row, Column: n.header(col), Raw: truncate(v, 200), Code: "bad_rating", Args: []any{truncate(v, 60)}})
		}

		name, _ := n.value(rec, fReporterName)
		phone, _ := n.value(rec, fReporterPhone)
		appendOpt(b.reporterKey, n.pseudo.Key(name, phone))
		b.hasFR.Append(n.hasFirstResponse)
		appendOpt(b.extra, n.extra(rec, farCells, hide))
		b.current.Append(true)

		reason, _ := n.value(rec, fStatusReason)
		if status == StatusArchived && detail == "" && IsExpiredReason(reason) {
			detail = "expired"
		}
		if hide {
			reason = "" // a confidential report keeps no free text, not even the admin's reason
		}
		appendOpt(b.statusBy, by)
		appendOpt(b.statusDetail, detail)
		appendOpt(b.statusReason, Redact(reason))
		for _, fb := range [...]struct {
			f  field
			sb *array.StringBuilder
		}{{fParentAgency, b.parentAgency}, {fAgencyRef, b.agencyRef}, {fCategoryRef, b.categoryRef}} {
			v, _ := n.value(rec, fb.f)
			appendOpt(fb.sb, Redact(v))
		}
		if o := n.observed; o != nil {
			from, to := arrow.Timestamp(o.From.UnixMicro()), arrow.Timestamp(o.To.UnixMicro())
			b.seen[0].Append(from)
			b.seen[1].Append(to)
			b.seen[2].Append(from)
			b.seen[3].Append(to)
		} else {
			for _, sb := range b.seen {
				sb.AppendNull()
			}
		}
	}
	res.rec = b.rb.NewRecordBatch()
	return res
}

// flags reads the anonymity and confidentiality of a row, from yes/no columns and from a
// combined flags cell (layout R), and appends both. hide: the row's text must not be kept
// (confidential, or a flag that says so could not be read).
func (n *normalizer) flags(rec []string, row int64, res *chunkResult, b *builders) (hide bool) {
	anon, anonOK, _ := n.flag(rec, fIsAnonymous, row, res)
	conf, confOK, hide := n.flag(rec, fIsConfidential, row, res)
	if len(n.cols[fFlags]) > 0 {
		v, col := n.value(rec, fFlags)
		if a, c, ok := parseFlags(v); ok {
			anon, anonOK = a || anonOK && anon, true
			conf, confOK = c || confOK && conf, true
			hide = hide || c
		} else {
			res.rejects = append(res.rejects, Reject{Row: row, Column: n.header(col), Raw: truncate(v, 200), Code: "bad_flags", Args: []any{truncate(v, 60)}})
			hide = true // unreadable: it may say Rahasia
		}
	}
	appendBool(b.anon, anon, anonOK)
	appendBool(b.conf, conf, confOK)
	return hide
}

func appendBool(bb *array.BooleanBuilder, v, valid bool) {
	if !valid {
		bb.AppendNull()
		return
	}
	bb.Append(v)
}

// flag reads a yes/no column; a value that is neither is dropped (with a note) and the row kept.
// An unreadable confidentiality flag must not expose the text: hide says so.
func (n *normalizer) flag(rec []string, f field, row int64, res *chunkResult) (v, valid, hide bool) {
	raw, col := n.value(rec, f)
	if raw == "" {
		return false, false, false
	}
	for _, y := range [...]string{"ya", "y", "yes", "1", "true", "benar", "iya"} {
		if strings.EqualFold(raw, y) {
			return true, true, f == fIsConfidential
		}
	}
	for _, t := range [...]string{"tidak", "t", "n", "no", "0", "false", "salah", "tdk", "bukan"} {
		if strings.EqualFold(raw, t) {
			return false, true, false
		}
	}
	res.rejects = append(res.rejects, Reject{Row: row, Column: n.header(col), Raw: truncate(raw, 200), Code: "bad_flag", Args: []any{truncate(raw, 60)}})
	return false, false, f == fIsConfidential
}

// statusOf is a status spelling normalised, and masked for storage.
type statusOf struct{ status, masked string }

func reported(rs []Reject, column string) bool {
	for _, r := range rs {
		if r.Column == column {
			return true
		}
	}
	return false
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

// extra keeps the columns no field claims as a JSON object, personal data masked. In a
// confidential row (hide) only values without letters are kept (numbers, dates, codes): any
// text is replaced by MaskConfidential. far are the row's cells beyond the header that the
// reader kept apart, after those in rec.
func (n *normalizer) extra(rec []string, far []farCell, hide bool) string {
	var buf []byte
	named := func(k int, v string) {
		if v = strings.TrimSpace(v); v == "" {
			return
		}
		buf = nextMember(buf)
		buf = append(buf, n.extraKeys[k]...)
		buf = append(buf, ':')
		if n.extraPersonal[k] {
			buf = appendJSONString(buf, "[PRIBADI:"+n.pseudo.Value(v)[:16]+"]")
			return
		}
		buf = appendJSONString(buf, extraValue(v, hide))
	}
	for k, i := range n.bind.Extra {
		if i < len(rec) {
			named(k, rec[i])
		}
	}
	// Cells beyond the header (XLSX rows wider than their header) are kept too.
	beyond := func(col int, v string) {
		if v = strings.TrimSpace(v); v == "" {
			return
		}
		buf = nextMember(buf)
		buf = appendJSONString(buf, "kolom_"+strconv.Itoa(col))
		buf = append(buf, ':')
		buf = appendJSONString(buf, extraValue(v, hide))
	}
	for i := n.headerLen; i < len(rec); i++ {
		beyond(i+1, rec[i])
	}
	for _, c := range far {
		if k, ok := n.farKey[c.Col]; ok {
			named(k, c.Val)
		} else {
			beyond(c.Col, c.Val)
		}
	}
	if buf == nil {
		return ""
	}
	return string(append(buf, '}'))
}

// MaskConfidential stands for a text value of a confidential report.
const MaskConfidential = "[RAHASIA]"

func extraValue(v string, hide bool) string {
	v = Redact(text(v))
	if hide {
		for _, r := range v {
			if unicode.IsLetter(r) {
				return MaskConfidential
			}
		}
	}
	return v
}

// nextMember opens the JSON object buf (nil: not begun) or separates its next member.
func nextMember(buf []byte) []byte {
	if buf == nil {
		return append(buf, '{')
	}
	return append(buf, ',')
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

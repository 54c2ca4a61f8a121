package ingest

import (
	"encoding/json"
	"regexp"
	"strings"

	"github.com/hsu-lapor/rapor/internal/msg"
	"github.com/hsu-lapor/rapor/store"
)

// RejectCodes are the reasons a row or a value is rejected (rejects.reason_code); each is a key
// of the message catalogue, its arguments stored in rejects.reason_args.
var RejectCodes = []string{"missing_tracking_id", "missing_submitted_at", "bad_timestamp", "column_count", "csv_quote", "bad_rating", "bad_flag"}

// reasonArgs is the JSON of a reason's arguments, as rejects.reason_args stores them.
// Text arguments quote the cell at fault: like rejects.raw_value, they pass the masking step.
func reasonArgs(args []any) string {
	masked := make([]any, len(args))
	for i, a := range args {
		if s, ok := a.(string); ok {
			a = Redact(text(s))
		}
		masked[i] = a
	}
	b, err := json.Marshal(masked)
	if err != nil {
		return "[]"
	}
	return string(b)
}

// Reason renders a stored reject reason in language l: its code and its JSON arguments.
func Reason(l msg.Lang, code, argsJSON string) string {
	var raw []json.RawMessage
	json.Unmarshal([]byte(argsJSON), &raw)
	args := make([]any, len(raw))
	for i, r := range raw {
		var n int64
		var s string
		if json.Unmarshal(r, &n) == nil {
			args[i] = n
		} else if json.Unmarshal(r, &s) == nil {
			args[i] = s
		} else {
			args[i] = string(r)
		}
	}
	return l.T(code, args...)
}

var verb = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)

// reasonMacro creates reject_reason(code, args, lang), the catalogue's reject reasons for SQL
// readers: SELECT reject_reason(reason_code, reason_args, 'en') FROM rejects.
func reasonMacro() string {
	var b strings.Builder
	b.WriteString("CREATE OR REPLACE MACRO reject_reason(code, args, lang) AS CASE")
	for _, code := range RejectCodes {
		for _, l := range []msg.Lang{msg.EN, msg.ID} {
			id, en, _ := msg.Texts(code)
			t := id
			if l == msg.EN {
				t = en
			}
			n := 0
			t = strings.NewReplacer("{", "{{", "}", "}}").Replace(t)
			t = verb.ReplaceAllStringFunc(t, func(v string) string {
				if v == "%%" {
					return "%"
				}
				n++
				if strings.HasSuffix(v, "q") {
					return `"{}"`
				}
				return "{}"
			})
			b.WriteString(" WHEN code = " + store.QuoteLiteral(code))
			if l == msg.EN {
				b.WriteString(" AND lang = 'en'")
			}
			b.WriteString(" THEN format(" + store.QuoteLiteral(t))
			for i := 0; i < n; i++ {
				b.WriteString(", coalesce(args->>" + string(rune('0'+i)) + ", '')")
			}
			b.WriteString(")")
		}
	}
	b.WriteString(" ELSE code END")
	return b.String()
}

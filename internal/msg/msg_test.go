package msg

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

var (
	verbs = regexp.MustCompile(`%[-+#0-9.]*[a-zA-Z]`)
	// Words that only English has; an Indonesian text that uses one was left untranslated.
	englishWords = regexp.MustCompile(`\b(the|is|are|of|and|with|not|to|has|have|must|cannot|already|missing|failed|rows|files|file|please|which|when|every|only|needs)\b`)
	// Code a message may quote in either language: rapor commands, flags, SQL words, table and
	// column names, file paths, format verbs.
	code = regexp.MustCompile("`[^`]*`|[a-z._]*/[a-z._/]*|\"[^\"]*\"|rapor [a-z]+( [a-z]+)?|--?[a-z][a-z-]*( [A-Z|]+)?|[a-z_]+\\.[a-z]+|[a-z]+_[a-z_]+|%[-+# 0-9.]*[a-zA-Z]|\\b[A-Z]{2,}\\b")
)

// TestCatalogue: every message has both languages, the same arguments in each, and no English
// left in the Indonesian text.
func TestCatalogue(t *testing.T) {
	if len(Keys()) < 150 {
		t.Fatalf("%d keys", len(Keys()))
	}
	for _, key := range Keys() {
		id, en, _ := Texts(key)
		if strings.TrimSpace(id) == "" || strings.TrimSpace(en) == "" {
			t.Errorf("%s: a language is empty", key)
			continue
		}
		vi, ve := verbs.FindAllString(id, -1), verbs.FindAllString(en, -1)
		if strings.Join(vi, " ") != strings.Join(ve, " ") {
			t.Errorf("%s: arguments differ: id %v, en %v", key, vi, ve)
		}
		if w := englishWords.FindAllString(code.ReplaceAllString(id, " "), -1); len(w) > 0 {
			t.Errorf("%s: English in the Indonesian text (%v): %q", key, w, id)
		}
	}
}

// TestCatalogueStopWordCheck: the English check catches English.
func TestCatalogueStopWordCheck(t *testing.T) {
	for _, c := range []struct {
		text    string
		english bool
	}{
		{"the metric tables are missing: run `rapor build`", true},
		{"Status tidak dikenal (disimpan sebagai unknown)", false}, // a status code
		{"no CSV, XLSX or JSON files in %s", true},
		{"tabel metrik belum ada: jalankan rapor build sesudah rapor ingest", false},
		{"tidak ada berkas CSV, XLSX atau JSON di %s", false},
		{"basis data %s belum ada (pilih berkas lain dengan --db)", false},
	} {
		got := englishWords.MatchString(code.ReplaceAllString(c.text, " "))
		if got != c.english {
			t.Errorf("%q: English %v, want %v", c.text, got, c.english)
		}
	}
}

func TestLang(t *testing.T) {
	oct := time.Date(2025, 10, 31, 22, 4, 0, 0, time.FixedZone("WITA", 8*3600))
	for _, c := range []struct {
		name   string
		got    string
		id, en string
	}{
		{"T", "", "tabel metrik belum ada: jalankan rapor build sesudah rapor ingest", "the metric tables are missing: run rapor build after rapor ingest"},
		{"T args", "", "tidak ada berkas CSV, XLSX atau JSON di x/", "no CSV, XLSX or JSON files in x/"},
		{"Number", "", "1.234.567", "1,234,567"},
		{"Number negative", "", "-1.000", "-1,000"},
		{"Decimal", "", "1.234,57", "1,234.57"},
		{"Decimal zero", "", "0,0", "0.0"},
		{"Month", "", "Oktober 2025", "October 2025"},
		{"MonthShort", "", "Okt 2025", "Oct 2025"},
		{"Date", "", "31 Oktober 2025", "31 October 2025"},
		{"DateTime", "", "31 Oktober 2025 22.04 WITA", "31 October 2025 22:04 WITA"},
		{"Weekday", "", "Jumat", "Friday"},
	} {
		for _, l := range []Lang{ID, EN} {
			var got string
			switch c.name {
			case "T":
				got = l.T("not_built")
			case "T args":
				got = l.T("no_files", "x/")
			case "Number":
				got = l.Number(1234567)
			case "Number negative":
				got = l.Number(-1000)
			case "Decimal":
				got = l.Decimal(1234.5678, 2)
			case "Decimal zero":
				got = l.Decimal(-0.01, 1)
			case "Month":
				got = l.Month(oct)
			case "MonthShort":
				got = l.MonthShort(oct)
			case "Date":
				got = l.Date(oct)
			case "DateTime":
				got = l.DateTime(oct)
			case "Weekday":
				got = l.Weekday(oct)
			}
			want := c.id
			if l == EN {
				want = c.en
			}
			if got != want {
				t.Errorf("%s (%s): %q, want %q", c.name, l, got, want)
			}
		}
	}
}

func TestParseLang(t *testing.T) {
	for in, want := range map[string]Lang{"": ID, "id": ID, "en": EN} {
		if l, err := ParseLang(in); err != nil || l != want {
			t.Errorf("ParseLang(%q) = %v, %v", in, l, err)
		}
	}
	if _, err := ParseLang("fr"); err == nil || !strings.Contains(err.Error(), `"fr"`) {
		t.Errorf("ParseLang(fr): %v", err)
	}
}

// TestErrorRendersInReadersLanguage: a message error is rendered when printed, in the language asked.
func TestErrorRendersInReadersLanguage(t *testing.T) {
	e := Errorf("no_files", "x/").(*Error)
	if e.In(EN) != "no CSV, XLSX or JSON files in x/" || e.In(ID) != "tidak ada berkas CSV, XLSX atau JSON di x/" {
		t.Errorf("%q %q", e.In(EN), e.In(ID))
	}
}

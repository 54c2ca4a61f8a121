package calendar

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadFile(t *testing.T) {
	for _, tc := range []struct {
		name, content string
		want          []Holiday
	}{
		{
			name:    "plain",
			content: "date,name\n2025-09-10,Hari Jadi Kabupaten\n2025-03-05,Haul Guru Sekumpul\n",
			want: []Holiday{
				{Date: day("2025-03-05"), Kind: Daerah, Name: "Haul Guru Sekumpul"},
				{Date: day("2025-09-10"), Kind: Daerah, Name: "Hari Jadi Kabupaten"},
			},
		},
		{
			name:    "BOM, CRLF, semicolons, DD/MM/YYYY, blank lines, spaces",
			content: "\ufeffTanggal ; Nama\r\n10/09/2025; Hari Jadi Kabupaten \r\n\r\n5/3/2025;\"Haul; Guru Sekumpul\"\r\n",
			want: []Holiday{
				{Date: day("2025-03-05"), Kind: Daerah, Name: "Haul; Guru Sekumpul"},
				{Date: day("2025-09-10"), Kind: Daerah, Name: "Hari Jadi Kabupaten"},
			},
		},
		{
			name:    "kind column, extra columns, any order",
			content: "name,weekday,kind,date\nLibur HUT RI,Mon,Libur Nasional,2025-08-18\nCuti,Fri,cuti-bersama,2025-12-26\nHari Jadi,,,2025-09-10\n",
			want: []Holiday{
				{Date: day("2025-08-18"), Kind: LiburNasional, Name: "Libur HUT RI"},
				{Date: day("2025-09-10"), Kind: Daerah, Name: "Hari Jadi"},
				{Date: day("2025-12-26"), Kind: CutiBersama, Name: "Cuti"},
			},
		},
		{
			name:    "a date twice is folded",
			content: "date,kind,name\n2025-09-10,daerah,Hari Jadi\n2025-09-10,libur_nasional,Lain\n2025-09-10,daerah,Hari Jadi\n",
			want:    []Holiday{{Date: day("2025-09-10"), Kind: LiburNasional, Name: "Hari Jadi; Lain"}},
		},
		{
			name:    "header only",
			content: "date,name\n",
			want:    []Holiday{},
		},
		{
			name:    "quoted name with doubled quotes",
			content: "date,name\n2025-09-10,\"Hari \"\"Jadi\"\"\"\n",
			want:    []Holiday{{Date: day("2025-09-10"), Kind: Daerah, Name: "Hari \"Jadi\""}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := LoadFile(writeFile(t, "libur.csv", tc.content))
			if err != nil {
				t.Fatal(err)
			}
			if !equal(got, tc.want) {
				t.Errorf("\n got %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestLoadFileErrors(t *testing.T) {
	for _, tc := range []struct {
		name, content string
		line, column  int
		msg           []string // substrings of the message
	}{
		{"bad date", "date,name\n2025-09-10,Hari Jadi\n2025-13-01,Salah\n", 3, 1,
			[]string{`line 3, column 1 (date)`, `"2025-13-01" is not a date`, "YYYY-MM-DD"}},
		{"bad date in the second column", "name;tanggal\nHari Jadi;31/02/2025\n", 2, 2,
			[]string{`line 2, column 2 (tanggal)`, `"31/02/2025" is not a date`}},
		{"words for a date", "date,name\r\nbesok,Hari Jadi\r\n", 2, 1, []string{`"besok" is not a date`}},
		{"empty date", "date,name\n,Hari Jadi\n", 2, 1, []string{"the date is empty"}},
		{"empty name", "date,name\n2025-09-10,\n", 2, 2, []string{"column 2 (name)", "the name is empty"}},
		{"missing name column", "date,name\n2025-09-10\n", 2, 2, []string{"the name is empty"}},
		{"bad kind", "date,kind,name\n2025-09-10,libur,Hari Jadi\n", 2, 2,
			[]string{`column 2 (kind)`, `"libur" is not a kind`, "libur_nasional, cuti_bersama or daerah"}},
		{"no header", "2025-09-10,Hari Jadi\n", 1, 0, []string{"line 1", "looks like data", "date,name"}},
		{"header without date", "day,name\n2025-09-10,Hari Jadi\n", 1, 0, []string{"line 1", "no date column"}},
		{"header names date twice", "date,tanggal,name\n", 1, 2, []string{"names the date column twice"}},
		{"empty file", "", 0, 0, []string{"the file is empty"}},
		{"BOM only", "\ufeff", 0, 0, []string{"the file is empty"}},
		{"unterminated quote", "date,name\n2025-09-10,\"Hari Jadi\n", 2, 0, []string{"line 2", "not valid CSV"}},
		{"bare quote", "date,name\n2025-09-10,ok\n2025-09-11,Hari \"Jadi\"\n", 3, 0, []string{"line 3", "not valid CSV", "bare"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := writeFile(t, "libur daerah.csv", tc.content)
			_, err := LoadFile(path)
			if err == nil {
				t.Fatal("no error")
			}
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("%T is not a *FileError: %v", err, err)
			}
			if fe.Path != path || fe.Line != tc.line || fe.Column != tc.column {
				t.Errorf("error at %q line %d column %d, want line %d column %d", fe.Path, fe.Line, fe.Column, tc.line, tc.column)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, `holidays file "`+path+`"`) {
				t.Errorf("message does not start with the file: %s", msg)
			}
			for _, s := range tc.msg {
				if !strings.Contains(msg, s) {
					t.Errorf("message %q lacks %q", msg, s)
				}
			}
		})
	}

	_, err := LoadFile(filepath.Join(t.TempDir(), "absent.csv"))
	if err == nil || !errors.Is(err, os.ErrNotExist) || !strings.Contains(err.Error(), "absent.csv") {
		t.Errorf("missing file: %v", err)
	}
}

func TestLoad(t *testing.T) {
	cal, err := Load("", false)
	if err != nil || len(cal.Holidays()) != len(Builtin()) {
		t.Fatalf("Load without a file: %v", err)
	}
	path := writeFile(t, "libur.csv", "date,name\n2025-09-10,Hari Jadi Kabupaten\n")
	cal, err = Load(path, false)
	if err != nil {
		t.Fatal(err)
	}
	if cal.IsWorkingDay(day("2025-09-10")) || cal.IsWorkingDay(day("2025-04-02")) {
		t.Error("Load add: missing a user or built-in day")
	}
	cal, err = Load(path, true)
	if err != nil {
		t.Fatal(err)
	}
	if cal.IsWorkingDay(day("2025-09-10")) || !cal.IsWorkingDay(day("2025-04-02")) || len(cal.Holidays()) != 1 {
		t.Error("Load replace: the user list should be the only one")
	}
	if _, err := Load(writeFile(t, "bad.csv", "date,name\nx,y\n"), false); err == nil {
		t.Error("Load passed a bad file")
	}
}

// The embedded file itself is read strictly: one line per date, known kinds only.
func TestParseBuiltinStrict(t *testing.T) {
	for _, tc := range []struct{ name, content, msg string }{
		{"no kind column", "date,name\n2025-01-01,x\n", "needs a kind column"},
		{"daerah", "date,kind,name\n2025-01-01,daerah,x\n", "only libur_nasional or cuti_bersama"},
		{"twice", "date,kind,name\n2025-01-01,libur_nasional,x\n2025-01-01,cuti_bersama,y\n", "already on line 2"},
	} {
		_, err := parse([]byte(tc.content), "built", true)
		if err == nil || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
}

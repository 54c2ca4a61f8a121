package ingest

import (
	"testing"
	"time"
)

func TestTimeParser(t *testing.T) {
	wib, _ := time.LoadLocation("Asia/Jakarta")
	ny, _ := time.LoadLocation("America/New_York")
	utc := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			t.Fatal(err)
		}
		return v.UTC()
	}
	dmy := TimeParser{Order: DayFirst, Loc: wib}
	mdy := TimeParser{Order: MonthFirst, Loc: ny}
	xl := TimeParser{Order: DayFirst, Loc: wib, Serial: true}
	cases := []struct {
		name string
		p    TimeParser
		in   string
		want string // RFC 3339 in UTC; "" = rejected
	}{
		{"iso space minutes", dmy, "2025-03-07 14:05", "2025-03-07T07:05:00Z"},
		{"iso space seconds", dmy, "2025-03-07 14:05:09", "2025-03-07T07:05:09Z"},
		{"iso fraction", dmy, "2025-03-07 14:05:09.250", "2025-03-07T07:05:09.25Z"},
		{"iso T naive", dmy, "2025-03-07T14:05:09", "2025-03-07T07:05:09Z"},
		{"iso T Z", dmy, "2025-03-07T14:05:09Z", "2025-03-07T14:05:09Z"},
		{"iso T offset", dmy, "2025-03-07T14:05:09+08:00", "2025-03-07T06:05:09Z"},
		{"iso T offset no colon", dmy, "2025-03-07T14:05:09+0700", "2025-03-07T07:05:09Z"},
		{"iso date only", dmy, "2025-03-07", "2025-03-06T17:00:00Z"},
		{"slash day first", dmy, "07/03/2025 14:05:09", "2025-03-07T07:05:09Z"},
		{"slash day first minutes", dmy, "07/03/2025 14:05", "2025-03-07T07:05:00Z"},
		{"dash day first", dmy, "07-03-2025 14:05", "2025-03-07T07:05:00Z"},
		{"dash day first seconds", dmy, "07-03-2025 14:05:09", "2025-03-07T07:05:09Z"},
		{"single digits", dmy, "7/3/2025 9:05", "2025-03-07T02:05:00Z"},
		{"day first date only", dmy, "07/03/2025", "2025-03-06T17:00:00Z"},
		{"day first never month first", dmy, "13/03/2025", "2025-03-12T17:00:00Z"},
		{"day first impossible month", dmy, "03/13/2025", ""},
		{"indonesian full", dmy, "7 Maret 2025 14:05:09", "2025-03-07T07:05:09Z"},
		{"indonesian full minutes", dmy, "7 Maret 2025 14:05", "2025-03-07T07:05:00Z"},
		{"indonesian date only", dmy, "16 Agustus 2013", "2013-08-15T17:00:00Z"},
		{"indonesian upper", dmy, "7 MEI 2025", "2025-05-06T17:00:00Z"},
		{"abbrev jan", dmy, "1 Jan 2025", "2024-12-31T17:00:00Z"},
		{"abbrev feb", dmy, "1 Feb 2025", "2025-01-31T17:00:00Z"},
		{"abbrev mar", dmy, "1 Mar 2025", "2025-02-28T17:00:00Z"},
		{"abbrev apr", dmy, "1 Apr 2025", "2025-03-31T17:00:00Z"},
		{"abbrev mei", dmy, "1 Mei 2025", "2025-04-30T17:00:00Z"},
		{"abbrev jun", dmy, "1 Jun 2025", "2025-05-31T17:00:00Z"},
		{"abbrev jul", dmy, "1 Jul 2025", "2025-06-30T17:00:00Z"},
		{"abbrev agu", dmy, "1 Agu 2025", "2025-07-31T17:00:00Z"},
		{"abbrev ags", dmy, "1 ags 2025", "2025-07-31T17:00:00Z"},
		{"abbrev sep", dmy, "1 Sep 2025", "2025-08-31T17:00:00Z"},
		{"abbrev okt", dmy, "1 OKT 2025", "2025-09-30T17:00:00Z"},
		{"abbrev nov", dmy, "1 Nov 2025", "2025-10-31T17:00:00Z"},
		{"abbrev des", dmy, "1 Des 2025 08:00", "2025-12-01T01:00:00Z"},
		{"english month", dmy, "1 October 2013", "2013-09-30T17:00:00Z"},
		{"dashed month name", dmy, "07-Mar-2025", "2025-03-06T17:00:00Z"},
		{"weekday prefix", dmy, "Jumat, 7 Maret 2025 14.05", "2025-03-07T07:05:00Z"},
		{"epoch seconds", dmy, "1741331109", "2025-03-07T07:05:09Z"},
		{"epoch nine digits", dmy, "999999999", "2001-09-09T01:46:39Z"},
		{"surrounding spaces", dmy, "  2025-03-07 14:05  ", "2025-03-07T07:05:00Z"},
		{"named zone WITA", dmy, "2025-03-07 14:05 WITA", "2025-03-07T06:05:00Z"},
		{"month first AM/PM", mdy, "03/01/2011 02:27:57 PM", "2011-03-01T19:27:57Z"},
		{"month first midnight AM", mdy, "03/01/2011 12:00:00 AM", "2011-03-01T05:00:00Z"},
		{"month first summer time", mdy, "07/04/2023 09:00:00 AM", "2023-07-04T13:00:00Z"},
		{"excel serial", xl, "45723.5868055556", "2025-03-07T07:05:00Z"},
		{"excel serial date only", xl, "45723", "2025-03-06T17:00:00Z"},
		{"serial not in CSV", dmy, "45723.5868055556", ""},
		{"short number not epoch", dmy, "45723", ""},
		{"feb 30", dmy, "30/02/2025", ""},
		{"hour 24", dmy, "2025-03-07 24:00", ""},
		{"minute 60", dmy, "2025-03-07 10:60", ""},
		{"garbage", dmy, "kemarin sore", ""},
		{"unknown month", dmy, "7 Marett 2025", ""},
		{"two digit year", dmy, "07/03/25", ""},
		{"trailing junk", dmy, "2025-03-07 10:00 besok", ""},
		{"bad offset", dmy, "2025-03-07T10:00+25:00", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, ok := c.p.Parse(c.in)
			if c.want == "" {
				if ok {
					t.Fatalf("Parse(%q) = %v, want rejection", c.in, got)
				}
				return
			}
			if !ok {
				t.Fatalf("Parse(%q) rejected, want %s", c.in, c.want)
			}
			if want := utc(c.want); !got.Equal(want) {
				t.Fatalf("Parse(%q) = %s, want %s", c.in, got.Format(time.RFC3339Nano), want.Format(time.RFC3339Nano))
			}
		})
	}
}

func TestExcel1904(t *testing.T) {
	p := TimeParser{Loc: time.UTC, Serial: true, Date1904: true}
	got, ok := p.Parse("0.5")
	if ok {
		t.Fatalf("serial below 1 accepted: %v", got)
	}
	got, ok = p.Parse("1")
	if !ok || !got.Equal(time.Date(1904, 1, 2, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("1904 serial 1 = %v %v", got, ok)
	}
}

func BenchmarkTimeParser(b *testing.B) {
	wib, _ := time.LoadLocation("Asia/Jakarta")
	p := TimeParser{Loc: wib}
	for i := 0; i < b.N; i++ {
		p.Parse("2025-03-07 14:05:09")
		p.Parse("7 Maret 2025 14:05")
	}
}

package gen

import (
	"math/rand/v2"
	"strings"
)

func newRand(p *rand.PCG) *rand.Rand { return rand.New(p) }

// noise puts real-world mess into about 3% of rows (see Options.Noise); the row stays valid.
func (g *generator) noise(r *Row, stream, i uint64) {
	seedPCG(&g.pcg2, g.seed, saltNoise+stream, i)
	rr := g.r2
	if rr.Float64() >= 0.03 {
		return
	}
	for range 1 + rr.IntN(2) {
		switch rr.IntN(6) {
		case 0: // a blank optional cell
			c := [...]int{ColReportType, ColChannel, ColArea, ColCategory, ColTitle, ColRating}[rr.IntN(6)]
			r[c] = ""
		case 1: // surrounding spaces
			c := [...]int{ColStatus, ColAgency, ColCategory, ColTracking, ColReporterName, ColChannel}[rr.IntN(6)]
			if r[c] != "" {
				r[c] = [...]string{" ", "  ", "\t"}[rr.IntN(3)] + r[c] + [...]string{" ", "", "   "}[rr.IntN(3)]
			}
		case 2: // status case
			if rr.IntN(3) == 0 {
				r[ColStatus] = strings.ToUpper(r[ColStatus])
			} else {
				r[ColStatus] = strings.ToLower(r[ColStatus])
			}
		case 3: // other spellings of the flags
			pair := [...][2]string{{"1", "0"}, {"Y", "N"}, {"true", "false"}, {"ya", "tidak"}}[rr.IntN(4)]
			yes, no := pair[0], pair[1]
			for _, c := range [...]int{ColAnonymous, ColConfidential} {
				if r[c] == "Ya" {
					r[c] = yes
				} else {
					r[c] = no
				}
			}
		case 4: // timestamps without seconds
			for _, c := range TimeCols {
				if len(r[c]) == len(TimeFormat) {
					r[c] = r[c][:16]
				}
			}
		case 5: // day-first timestamps, as Indonesian spreadsheets write them
			for _, c := range TimeCols {
				if s := r[c]; len(s) >= 16 && s[4] == '-' {
					r[c] = s[8:10] + "/" + s[5:7] + "/" + s[0:4] + s[10:]
				}
			}
		}
	}
}

// BadReasons describes, in turn, the invalid rows Options.BadRows plants.
var BadReasons = []string{
	"No. Tracking kosong",
	"Tanggal Laporan tidak terbaca (31/02/2025 99:99)",
	"Tanggal Laporan kosong",
	"Tanggal Selesai tidak terbaca (2025-13-45 25:61:00)",
}

// spoil makes r the k-th planted invalid row.
func spoil(r *Row, k int) {
	switch k % 4 {
	case 0:
		r[ColTracking] = ""
	case 1:
		r[ColSubmitted] = "31/02/2025 99:99"
	case 2:
		r[ColSubmitted] = ""
	default:
		r[ColClosed] = "2025-13-45 25:61:00"
	}
}

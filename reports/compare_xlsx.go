package reports

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// WriteXLSX writes the comparison workbook: the agencies side by side (score, zone, received per
// period, zone movement), the regencies side by side, every row in long form, and the definitions.
func (c *Comparison) WriteXLSX(w io.Writer) error {
	b, err := newBook(c.L)
	if err != nil {
		return err
	}
	defer b.f.Close()
	l := c.L
	if err := b.f.SetDocProps(&excelize.DocProperties{Title: l.t("cmp_title"), Creator: "rapor",
		Description: l.t("as_of") + " " + l.dateTime(c.Build.AsOf)}); err != nil {
		return err
	}
	if err := c.xlsxWide(b, l.t("sheet_cmp_agencies"), true); err != nil {
		return err
	}
	if err := c.xlsxWide(b, l.t("sheet_cmp_regencies"), false); err != nil {
		return err
	}
	if err := c.xlsxLong(b); err != nil {
		return err
	}
	if err := writeDefinitionsSheet(b, c.Build, c.Holidays, holidayNote(l, c.Build)); err != nil {
		return err
	}
	b.f.SetActiveSheet(0)
	return b.writeTo(w)
}

// xlsxWide: one row per agency (or per regency), three columns per period.
func (c *Comparison) xlsxWide(b *book, name string, agencies bool) error {
	l := c.L
	if err := b.addSheet(name); err != nil {
		return err
	}
	g := b.grid(name)
	hdr := []string{l.t("col_regency")}
	if agencies {
		hdr = append(hdr, l.t("col_agency"))
	}
	fixed := len(hdr)
	for i, p := range c.Periods {
		mark := ""
		switch {
		case !p.Complete:
			mark = "*"
		case !c.mature(i):
			mark = "°"
		}
		hdr = append(hdr, p.Title+mark+" "+l.t("col_score"), p.Title+mark+" "+l.t("col_zone"), p.Title+mark+" "+l.t("col_received"))
	}
	// Movement and change span the mature periods only (the header says which).
	span := dash
	if first, last := c.matureRange(); first >= 0 {
		span = c.Periods[first].Title + " → " + c.Periods[last].Title
	}
	hdr = append(hdr, l.tf("col_first_zone", span), l.tf("col_last_zone", span), l.tf("col_score_delta", span))
	if err := g.header(1, hdr...); err != nil {
		return err
	}
	// The level is stated beside the head, as a note (the agency level says nothing, as before).
	if lv := l.levelLine(c.Level, false); lv != "" {
		if err := g.put(len(hdr)+2, 1, txt(lv, b.st.notice)); err != nil {
			return err
		}
		g.widths[len(hdr)+2], g.wrap[len(hdr)+2] = 60, 60
	}
	stl := b.st
	r := 1
	zoneOrNil := func(z string) cell {
		if z == "" {
			return cell{nil, stl.text}
		}
		return txt(l.zoneLabel(z), stl.text)
	}
	for _, reg := range c.Regencies {
		if agencies {
			for _, a := range reg.Agencies {
				r++
				row := []cell{txt(reg.Name, stl.text), txt(a.Name, stl.text)}
				for _, x := range a.Cells {
					if x == nil {
						row = append(row, cell{nil, 0}, cell{nil, 0}, cell{nil, 0})
						continue
					}
					row = append(row, optF(x.Score, stl.dec1), b.zoneCell(x.Zone), ival(x.Received, stl.int))
				}
				first, last, _ := movement(c.matureOnly(a.zones()))
				row = append(row, zoneOrNil(first), zoneOrNil(last), optF(a.scoreDelta(c), stl.dec1Delta))
				if err := g.row(r, row...); err != nil {
					return err
				}
			}
			continue
		}
		r++
		row := []cell{txt(reg.Name, stl.text)}
		var firstScore, lastScore *float64
		for i, x := range reg.Totals {
			if x == nil {
				row = append(row, cell{nil, 0}, cell{nil, 0}, cell{nil, 0})
				continue
			}
			if x.Score != nil && c.mature(i) {
				if firstScore == nil {
					firstScore = x.Score
				}
				lastScore = x.Score
			}
			row = append(row, optF(x.Score, stl.dec1), b.zoneCell(x.Zone), ival(x.Received, stl.int))
		}
		first, last, _ := movement(c.matureOnly(reg.zones()))
		var d *float64
		if firstScore != nil {
			v := *lastScore - *firstScore
			d = &v
		}
		row = append(row, zoneOrNil(first), zoneOrNil(last), optF(d, stl.dec1Delta))
		if err := g.row(r, row...); err != nil {
			return err
		}
	}
	if err := g.finish(); err != nil {
		return err
	}
	if r > 1 {
		for i := range c.Periods {
			// A maturing period is not zone-coloured (as in the HTML): its score is still rising.
			if !c.mature(i) {
				continue
			}
			sc := colName(fixed + 1 + 3*i)
			zc := colName(fixed + 2 + 3*i)
			if err := b.zoneFormats(name, fmt.Sprintf("%s2:%s%d", sc, sc, r), fmt.Sprintf("%s2:%s%d", zc, zc, r), c.Build.ZoneHijau, c.Build.ZoneKuning); err != nil {
				return err
			}
		}
		fz := colName(len(hdr) - 2)
		lz := colName(len(hdr) - 1)
		if err := b.zoneFormats(name, "", fmt.Sprintf("%s2:%s%d", fz, lz, r), 0, 0); err != nil {
			return err
		}
	}
	if err := b.f.AutoFilter(name, fmt.Sprintf("A1:%s%d", colName(len(hdr)), max(r, 2)), nil); err != nil {
		return err
	}
	if err := b.f.SetRowHeight(name, 1, 44); err != nil {
		return err
	}
	return b.freeze(name, 1, fixed)
}

// xlsxLong: every agency-period row with all its metrics (for pivot tables).
func (c *Comparison) xlsxLong(b *book) error {
	l := c.L
	name := l.t("sheet_cmp_data")
	if err := b.addSheet(name); err != nil {
		return err
	}
	g := b.grid(name)
	hdr := append([]string{l.t("col_regency")}, leagueHeader(l, c.Build, true)...)
	if err := g.header(1, hdr...); err != nil {
		return err
	}
	stl := b.st
	r := 1
	for _, reg := range c.Regencies {
		for i, p := range c.Periods {
			for _, a := range reg.Agencies {
				x := a.Cells[i]
				if x == nil {
					continue
				}
				r++
				row := append([]cell{txt(reg.Name, stl.text), txt(p.Label, stl.text)}, leagueCells(b, *x)...)
				if err := g.row(r, row...); err != nil {
					return err
				}
			}
		}
	}
	if err := g.finish(); err != nil {
		return err
	}
	if r > 1 {
		if err := b.zoneFormats(name, fmt.Sprintf("F2:F%d", r), fmt.Sprintf("G2:G%d", r), c.Build.ZoneHijau, c.Build.ZoneKuning); err != nil {
			return err
		}
	}
	if err := b.f.AutoFilter(name, fmt.Sprintf("A1:%s%d", colName(len(hdr)), max(r, 2)), nil); err != nil {
		return err
	}
	if err := b.f.SetRowHeight(name, 1, 42); err != nil {
		return err
	}
	return b.freeze(name, 1, 5)
}

package reports

import (
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

type cmpCell struct {
	Score, Received, Zone, ZoneLabel string
	Small, Empty, Maturing           bool
}

type cmpRow struct {
	Name     string
	Cells    []cmpCell
	Movement string
	MoveCls  string
}

type cmpBlock struct {
	ID      string
	Heading string
	Rows    []cmpRow
	Total   *cmpRow
	Chart   *chart
}

type comparePage struct {
	Lang, Title, Kicker, Heading, Sub, AsOf, Generated, Intro, Legend, Footer string
	Level                                                                     string // the level line ("" at the agency level)
	Sources                                                                   string
	MoveHead, MoveNote                                                        string
	BuildID                                                                   int64
	Periods                                                                   []cmpPeriod
	Blocks                                                                    []cmpBlock
	Charts                                                                    []chart
	ChartsJS                                                                  template.JS
	ECharts                                                                   template.JS
	CSS                                                                       template.CSS
	Definitions                                                               []defItem
	Config                                                                    []kv
	ConfigHead                                                                string
}

func (c *Comparison) moveText(zones []string) (string, string) {
	l := c.L
	first, last, dir := movement(c.matureOnly(zones))
	if first == "" {
		return dash, ""
	}
	switch dir {
	case 1:
		return "▲ " + l.zoneLabel(first) + " → " + l.zoneLabel(last), "up"
	case -1:
		return "▼ " + l.zoneLabel(first) + " → " + l.zoneLabel(last), "down"
	}
	return "= " + l.zoneLabel(last), "same"
}

func (c *Comparison) agencyRow(a cmpAgency) cmpRow {
	r := cmpRow{Name: a.Name}
	for i, x := range a.Cells {
		if x == nil {
			r.Cells = append(r.Cells, cmpCell{Empty: true})
			continue
		}
		r.Cells = append(r.Cells, c.cell(i, x.Score, x.Received, x.ZoneName(), x.SmallSample))
	}
	r.Movement, r.MoveCls = c.moveText(a.zones())
	return r
}

func (c *Comparison) totalRow(name string, ts []*RegencyRow) cmpRow {
	r := cmpRow{Name: name}
	zones := make([]string, len(ts))
	for i, x := range ts {
		if x == nil {
			r.Cells = append(r.Cells, cmpCell{Empty: true})
			continue
		}
		zones[i] = x.ZoneName()
		r.Cells = append(r.Cells, c.cell(i, x.Score, x.Received, x.ZoneName(), false))
	}
	r.Movement, r.MoveCls = c.moveText(zones)
	return r
}

// cell is one period's score, received and zone; a maturing period's cell is marked and carries
// no zone colour (its score is still rising: red there is not a fall).
func (c *Comparison) cell(i int, score *float64, received int64, zone string, small bool) cmpCell {
	l := c.L
	x := cmpCell{Score: l.opt(score, 1), Received: "n=" + l.int(received), Zone: zone, Small: small, ZoneLabel: l.zoneLabel(zone)}
	if !c.mature(i) {
		x.Maturing, x.Zone = true, ""
	}
	return x
}

// zoneChart: ranked agencies per zone in each period.
func (c *Comparison) zoneChart(id string, reg cmpRegency) chart {
	l := c.L
	var x []string
	for i, p := range c.Periods {
		t := p.Title
		if !c.mature(i) {
			t += "°"
		}
		x = append(x, t)
	}
	b := newBar(id)
	b.SetGlobalOptions(
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0", Type: "scroll"}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "8", Top: "44", Bottom: "4", ContainLabel: opts.Bool(true)}),
	)
	b.SetXAxis(x)
	ranked := 0
	for _, z := range []string{"hijau", "kuning", "merah"} {
		var d []opts.BarData
		for i := range c.Periods {
			n := 0
			for _, a := range reg.Agencies {
				if cell := a.Cells[i]; cell != nil && cell.Rank != nil && cell.ZoneName() == z {
					n++
				}
			}
			ranked += n
			d = append(d, barItem(int64(n), "", !c.mature(i)))
		}
		b.AddSeries(l.zoneLabel(z), d, charts.WithBarChartOpts(opts.BarChart{Stack: "zones"}))
	}
	m := optionOf(b)
	m["color"] = []string{"#66bb6a", "#ffca28", "#e57373"}
	set(m, []string{"yAxis", "minInterval"}, 1)
	set(m, []string{"yAxis", "name"}, l.t("cmp_zone_axis"))
	set(m, []string{"yAxis", "nameLocation"}, "end")
	set(m, []string{"yAxis", "nameTextStyle"}, map[string]any{"align": "left"})
	set(m, []string{"xAxis", "axisLabel", "hideOverlap"}, true)
	set(m, []string{"tooltip", "axisPointer", "type"}, "shadow")
	ch := chart{ID: id, Title: l.t("cmp_zone_chart") + " · " + regencyTitle(l, reg.Name), Height: 240, option: m,
		Note: l.tf("cmp_zone_note", c.Build.MinSample)}
	if ranked == 0 {
		ch.Empty = l.tf("cmp_none_ranked", c.Build.MinSample)
	}
	return ch
}

func (c *Comparison) page() (*comparePage, error) {
	l := c.L
	js, err := echartsJS()
	if err != nil {
		return nil, err
	}
	css, err := templateFiles.ReadFile("templates/report.css")
	if err != nil {
		return nil, err
	}
	kind := l.t("cmp_period_" + c.Period[:1])
	if c.Period == "year" {
		kind = l.t("cmp_period_y")
	}
	p := &comparePage{
		Lang: l.code, Kicker: l.t("cmp_kicker"), Heading: l.t("cmp_title"),
		Sub:       l.month(c.From) + " – " + l.month(c.To) + " (" + kind + ")",
		AsOf:      l.dateTime(c.Build.AsOf),
		Sources:   l.sources(c.Build),
		Generated: l.dateTime(c.Generated),
		BuildID:   c.Build.ID,
		Intro:     l.tf("cmp_intro", kind),
		Legend:    l.tf("cmp_legend", c.Build.MinSample),
		MoveHead:  l.t("cmp_movement"),
		Periods:   c.Periods,
		ECharts:   template.JS(js),
		CSS:       template.CSS(pageCSS(l, css)),
		Footer:    l.t("page_footer_note"),
		Level:     l.levelLine(c.Level, false),
	}
	p.Title = l.t("cmp_title") + " · " + p.Sub
	// Movement spans the mature periods only: say which, and why the others are left out.
	if first, last := c.matureRange(); first < 0 {
		p.MoveNote = l.t("cmp_move_none")
	} else {
		if first < last {
			p.MoveHead = l.tf("cmp_movement_span", c.Periods[first].Title, c.Periods[last].Title)
		}
		if last < len(c.Periods)-1 {
			var later []string
			for i := last + 1; i < len(c.Periods); i++ {
				later = append(later, c.Periods[i].Title)
			}
			p.MoveNote = l.tf("cmp_move_note", c.Periods[first].Title, c.Periods[last].Title, strings.Join(later, ", "), c.Build.C, cUnitWords(l, c.Build))
		}
	}
	if len(c.Regencies) > 1 {
		blk := cmpBlock{ID: "kabupaten", Heading: l.t("cmp_regencies")}
		for _, r := range c.Regencies {
			blk.Rows = append(blk.Rows, c.totalRow(regencyTitle(l, r.Name), r.Totals))
		}
		p.Blocks = append(p.Blocks, blk)
	}
	for i, r := range c.Regencies {
		blk := cmpBlock{ID: fmt.Sprintf("skpd-%d", i+1), Heading: regencyTitle(l, r.Name)}
		for _, a := range r.Agencies {
			blk.Rows = append(blk.Rows, c.agencyRow(a))
		}
		t := c.totalRow(l.t("cmp_total"), r.Totals)
		blk.Total = &t
		ch := c.zoneChart(fmt.Sprintf("chart-zones-%d", i+1), r)
		blk.Chart = &ch
		p.Charts = append(p.Charts, ch)
		p.Blocks = append(p.Blocks, blk)
	}
	if p.ChartsJS, err = chartsJS(p.Charts); err != nil {
		return nil, err
	}
	p.Definitions = definitions(l, c.Build)
	p.ConfigHead = l.tf("config_heading", c.Build.ID)
	p.Config = configRows(l, c.Build)
	return p, nil
}

// WriteHTML writes the comparison as one self-contained HTML file.
func (c *Comparison) WriteHTML(w io.Writer) error {
	p, err := c.page()
	if err != nil {
		return err
	}
	return execute(w, "compare.html", c.L, p)
}

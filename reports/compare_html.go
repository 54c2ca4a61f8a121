package reports

import (
	"fmt"
	"html/template"
	"io"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

type cmpCell struct {
	Score, Received, Zone string
	Small, Empty          bool
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
	first, last, dir := movement(zones)
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
	l := c.L
	r := cmpRow{Name: a.Name}
	for _, x := range a.Cells {
		if x == nil {
			r.Cells = append(r.Cells, cmpCell{Empty: true})
			continue
		}
		r.Cells = append(r.Cells, cmpCell{Score: l.opt(x.Score, 1), Received: "n=" + l.int(x.Received), Zone: x.ZoneName(), Small: x.SmallSample})
	}
	r.Movement, r.MoveCls = c.moveText(a.zones())
	return r
}

func (c *Comparison) totalRow(name string, ts []*RegencyRow) cmpRow {
	l := c.L
	r := cmpRow{Name: name}
	zones := make([]string, len(ts))
	for i, x := range ts {
		if x == nil {
			r.Cells = append(r.Cells, cmpCell{Empty: true})
			continue
		}
		zones[i] = x.ZoneName()
		r.Cells = append(r.Cells, cmpCell{Score: l.opt(x.Score, 1), Received: "n=" + l.int(x.Received), Zone: x.ZoneName()})
	}
	r.Movement, r.MoveCls = c.moveText(zones)
	return r
}

// zoneChart: ranked agencies per zone in each period.
func (c *Comparison) zoneChart(id string, reg cmpRegency) chart {
	l := c.L
	var x []string
	for _, p := range c.Periods {
		x = append(x, p.Title)
	}
	b := newBar(id)
	b.SetGlobalOptions(
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0"}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "8", Top: "30", Bottom: "4", ContainLabel: opts.Bool(true)}),
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
			d = append(d, opts.BarData{Value: n})
		}
		b.AddSeries(l.zoneLabel(z), d, charts.WithBarChartOpts(opts.BarChart{Stack: "zones"}))
	}
	m := optionOf(b)
	m["color"] = []string{"#66bb6a", "#ffca28", "#e57373"}
	set(m, []string{"yAxis", "minInterval"}, 1)
	set(m, []string{"tooltip", "axisPointer", "type"}, "shadow")
	ch := chart{ID: id, Title: l.t("cmp_zone_chart") + " · " + regencyTitle(l, reg.Name), Height: 220, option: m,
		Note: l.tf("small_mark", c.Build.MinSample)}
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
	p := &comparePage{
		Lang: l.code, Kicker: l.t("cmp_kicker"), Heading: l.t("cmp_title"),
		Sub:       l.month(c.From) + " – " + l.month(c.To) + " (" + kind + ")",
		AsOf:      l.dateTime(c.Build.AsOf),
		Generated: l.dateTime(c.Generated),
		BuildID:   c.Build.ID,
		Intro:     l.tf("cmp_intro", kind),
		Legend:    l.tf("cmp_legend", c.Build.MinSample),
		Periods:   c.Periods,
		ECharts:   template.JS(js),
		CSS:       template.CSS(css),
		Footer:    l.t("page_footer_note"),
	}
	p.Title = l.t("cmp_title") + " · " + p.Sub
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

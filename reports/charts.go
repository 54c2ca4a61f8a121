package reports

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// Charts are built with go-echarts and rendered by the report's own template: go-echarts'
// templates put the option JSON into a <script> without escaping (a "</script>" in an agency
// name would end the script), and load ECharts from the web. Here the option is marshalled with
// encoding/json, which escapes <, > and & as \u003c \u003e \u0026, and ECharts is inlined.
// Chart IDs are fixed and animation is off, so the output is deterministic.

// Colours: zones (semantic, also in the CSS) and series.
const (
	colHijau   = "#2e7d32"
	colKuning  = "#e0a800"
	colMerah   = "#c62828"
	colGrey    = "#9e9e9e"
	colBlue    = "#4f6d9a"
	colBlueLt  = "#a9bcd9"
	colGreen   = "#43a047"
	colNavy    = "#1d3557"
	fontFamily = "'Segoe UI', 'Noto Sans', 'DejaVu Sans', Arial, sans-serif"
)

// chart is one chart of a page.
type chart struct {
	ID     string
	Title  string
	Note   string
	Height int
	Empty  string // shown instead of the chart when there is nothing to draw
	Half   bool   // half the page width
	option map[string]any
}

// chartsJS renders the charts' IDs and options as a JavaScript array literal, safe inside a
// <script> element.
func chartsJS(cs []chart) (template.JS, error) {
	type item struct {
		ID     string         `json:"id"`
		Option map[string]any `json:"option"`
	}
	var items []item
	for _, c := range cs {
		if c.Empty == "" {
			items = append(items, item{c.ID, c.option})
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(true) // < > & as \u003c \u003e \u0026; U+2028/2029 escaped too
	if err := enc.Encode(items); err != nil {
		return "", err
	}
	return template.JS(bytes.TrimSpace(buf.Bytes())), nil
}

// optionOf turns a go-echarts chart into its option as a plain map, with the settings every
// chart of the reports shares, so that options go-echarts does not model can be added.
func optionOf(c interface {
	Validate()
	JSON() map[string]interface{}
}) map[string]any {
	c.Validate()
	b, err := json.Marshal(c.JSON())
	if err != nil {
		panic(err) // options are built from plain values
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		panic(err)
	}
	delete(m, "toolbox")
	m["animation"] = false
	m["textStyle"] = map[string]any{"fontFamily": fontFamily, "fontSize": 11}
	return m
}

func newBar(id string) *charts.Bar {
	b := charts.NewBar()
	b.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: id}),
		charts.WithAnimation(false),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
	)
	return b
}

// set assigns a nested key of an option map (creating maps on the way; a list's first element
// is used for axes given as lists).
func set(m map[string]any, path []string, v any) {
	cur := m
	for i, k := range path {
		if i == len(path)-1 {
			cur[k] = v
			return
		}
		next, ok := cur[k]
		switch n := next.(type) {
		case map[string]any:
			cur = n
		case []any:
			if len(n) == 0 {
				n = append(n, map[string]any{})
				cur[k] = n
			}
			cur = n[0].(map[string]any)
		default:
			_ = ok
			nm := map[string]any{}
			cur[k] = nm
			cur = nm
		}
	}
}

func barItem(v int64, color string, faded bool) opts.BarData {
	d := opts.BarData{Value: v}
	if color != "" || faded {
		d.ItemStyle = &opts.ItemStyle{Color: color}
		if faded {
			d.ItemStyle.Opacity = opts.Float(0.45)
		}
	}
	return d
}

// trendChart: per month, complaints disposed to agencies, followed up on time, resolved.
func (s *Scorecard) trendChart() chart { return s.trendChartOf("chart-trend", s.Trend) }

// trendChartOf draws the trend of rows (the regency's or one agency's months).
func (s *Scorecard) trendChartOf(id string, rows []RegencyRow) chart {
	l := s.L
	var x []string
	var rec, ont, clo []opts.BarData
	anyMaturing := false
	for _, r := range rows {
		label := l.monthAxis(r.PeriodStart)
		faded := r.Maturing || !r.Complete
		if faded {
			label += "*"
			anyMaturing = true
		}
		x = append(x, label)
		rec = append(rec, barItem(r.Received, "", faded))
		var ot int64
		if r.RespondedOnTime != nil {
			ot = *r.RespondedOnTime
		}
		ont = append(ont, barItem(ot, "", faded))
		clo = append(clo, barItem(r.Closed, "", faded))
	}
	b := newBar(id)
	b.SetGlobalOptions(
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0", Type: "scroll"}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "8", Top: "32", Bottom: "4", ContainLabel: opts.Bool(true)}),
		charts.WithColorsOpts(opts.Colors{colBlueLt, colGreen, colNavy}),
	)
	b.SetXAxis(x)
	b.AddSeries(l.t("s_received"), rec)
	b.AddSeries(l.tf("s_ontime", s.Build.R), ont)
	b.AddSeries(l.t("s_closed"), clo)
	m := optionOf(b)
	m["color"] = []string{colBlueLt, colGreen, colNavy}
	set(m, []string{"tooltip", "axisPointer", "type"}, "shadow")
	set(m, []string{"xAxis", "axisLabel", "hideOverlap"}, true)
	c := chart{ID: id, Title: l.t("ch_trend"), Height: 230, option: m}
	if anyMaturing {
		c.Note = l.tf("ch_trend_note", s.Build.C, s.cUnitAdj())
	}
	return c
}

// backlogChart: each agency's open complaints at the stock instant, stacked by age.
func (s *Scorecard) backlogChart() chart {
	l := s.L
	at := s.Build.AsOf
	if s.OverdueAt == "history" {
		at = s.Current.StockAt
	}
	c := chart{ID: "chart-backlog", Title: l.tf("ch_backlog", l.dateShort(at))}
	if len(s.Backlog) == 0 {
		c.Empty = l.t("ch_backlog_none")
		return c
	}
	const top = 15
	rows := s.Backlog
	if len(rows) > top {
		other := BacklogRow{Agency: l.tf("others_n", len(rows)-top+1)}
		for _, r := range rows[top-1:] {
			for i := range other.Buckets {
				other.Buckets[i] += r.Buckets[i]
			}
			other.Total += r.Total
		}
		rows = append(append([]BacklogRow{}, rows[:top-1]...), other)
	}
	C := s.Build.C
	names := []string{
		l.tf("bucket_1", C/2),
		l.tf("bucket_2", C/2+1, C),
		l.tf("bucket_3", C+1, 2*C),
		l.tf("bucket_4", 2*C),
	}
	colors := []string{colBlueLt, colBlue, "#ef6c00", colMerah}
	var y []string
	for _, r := range rows {
		y = append(y, r.Agency)
	}
	b := newBar("chart-backlog")
	b.SetGlobalOptions(
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0", Type: "scroll"}),
		// Left: room beyond containLabel's measure, which falls a few pixels short for wrapped
		// labels: printed, the SKPD names lost their first letters.
		charts.WithGridOpts(opts.Grid{Left: "24", Right: "24", Top: "32", Bottom: "4", ContainLabel: opts.Bool(true)}),
	)
	b.SetXAxis(y)
	for i, name := range names {
		var d []opts.BarData
		for _, r := range rows {
			d = append(d, opts.BarData{Value: r.Buckets[i]})
		}
		b.AddSeries(name, d, charts.WithBarChartOpts(opts.BarChart{Stack: "age"}))
	}
	b.XYReversal()
	m := optionOf(b)
	m["color"] = colors
	set(m, []string{"yAxis", "inverse"}, true)
	set(m, []string{"yAxis", "type"}, "category")
	wrapLabels(m, 150)
	set(m, []string{"xAxis", "type"}, "value")
	set(m, []string{"xAxis", "minInterval"}, 1)
	set(m, []string{"tooltip", "axisPointer", "type"}, "shadow")
	c.option = m
	c.Height = 56 + 28*len(rows)
	c.Note = l.tf("ch_backlog_note", s.cUnit(), C, s.cUnit())
	return c
}

// breakdownChart: a horizontal bar chart of counts.
func (s *Scorecard) breakdownChart(id, title string, counts []Count, color string) chart {
	l := s.L
	c := chart{ID: id, Title: title, Half: true}
	if len(counts) == 0 {
		c.Empty = l.t("ch_none")
		return c
	}
	var y []string
	var d []opts.BarData
	for _, k := range counts {
		label := k.Label
		switch label {
		case "\x00other":
			label = l.t("other")
		case "\x00blank":
			label = l.t("blank")
		}
		y = append(y, label)
		col := color
		if k.Other {
			col = colGrey
		}
		d = append(d, opts.BarData{Value: k.N, ItemStyle: &opts.ItemStyle{Color: col}})
	}
	b := newBar(id)
	b.SetGlobalOptions(
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithGridOpts(opts.Grid{Left: "24", Right: "36", Top: "8", Bottom: "4", ContainLabel: opts.Bool(true)}), // Left: as backlogChart's
	)
	b.SetXAxis(y)
	b.AddSeries(l.t("complaints"), d, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right"}))
	b.XYReversal()
	m := optionOf(b)
	set(m, []string{"yAxis", "inverse"}, true)
	set(m, []string{"yAxis", "type"}, "category")
	wrapLabels(m, 120)
	set(m, []string{"xAxis", "type"}, "value")
	set(m, []string{"xAxis", "minInterval"}, 1)
	set(m, []string{"tooltip", "axisPointer", "type"}, "shadow")
	c.option = m
	c.Height = 32 + 26*len(counts)
	return c
}

// responseChart: the distribution of working days to the first follow-up in the month's cohort.
func (s *Scorecard) responseChart() chart {
	l := s.L
	c := chart{ID: "chart-response", Title: l.tf("ch_response", l.monthShort(s.Month)), Half: true, Height: 200}
	h := s.Response
	if !h.Available {
		if s.Current.Received == 0 {
			c.Empty = l.t("ch_none")
		} else {
			c.Empty = l.t("ch_response_na")
		}
		return c
	}
	// Drop the empty tail beyond the limit, keep at least 0..R+1.
	last := h.Cap
	for last > s.Build.R+1 && h.Days[last] == 0 {
		last--
	}
	var x []string
	var d []opts.BarData
	for i := 0; i <= last; i++ {
		label := strconv.Itoa(i)
		if i == h.Cap {
			label = fmt.Sprintf("%d+", i)
		}
		x = append(x, label)
		col := colGreen
		if i > s.Build.R {
			col = colMerah
		}
		d = append(d, opts.BarData{Value: h.Days[i], ItemStyle: &opts.ItemStyle{Color: col}})
	}
	// The unanswered bar stands apart (an empty slot before it) so that its label never runs into
	// the last day's.
	x = append(x, "", l.t("unanswered_bar"))
	d = append(d, opts.BarData{Value: "-"}, opts.BarData{Value: h.Unanswered, ItemStyle: &opts.ItemStyle{Color: colGrey},
		Label: &opts.Label{Show: opts.Bool(true), Position: "top", FontSize: 9}})
	b := newBar("chart-response")
	b.SetGlobalOptions(
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "8", Top: "16", Bottom: "4", ContainLabel: opts.Bool(true)}),
	)
	b.SetXAxis(x)
	b.AddSeries(l.t("complaints"), d, charts.WithBarChartOpts(opts.BarChart{BarCategoryGap: "20%"}))
	m := optionOf(b)
	set(m, []string{"xAxis", "axisLabel", "interval"}, 0)
	set(m, []string{"xAxis", "axisLabel", "fontSize"}, 9)
	set(m, []string{"xAxis", "axisLabel", "hideOverlap"}, true)
	set(m, []string{"yAxis", "minInterval"}, 1)
	set(m, []string{"tooltip", "axisPointer", "type"}, "shadow")
	c.option = m
	c.Note = l.tf("ch_response_note", s.Build.R, l.int(h.Unanswered))
	if h.Loose > 0 {
		c.Note += " " + l.tf("ch_response_loose", l.int(h.Loose))
	}
	return c
}

// wrapLabels lets a category axis' long names (SKPD, categories) wrap onto a second line
// within width pixels instead of being cut; the tooltip shows the full name.
func wrapLabels(m map[string]any, width int) {
	set(m, []string{"yAxis", "axisLabel", "width"}, width)
	set(m, []string{"yAxis", "axisLabel", "overflow"}, "break")
	set(m, []string{"yAxis", "axisLabel", "lineHeight"}, 12)
	set(m, []string{"yAxis", "axisLabel", "fontSize"}, 10)
}

// stockChart: the regency's open and overdue complaints at each month's end.
func (s *Scorecard) stockChart() chart {
	l := s.L
	var x []string
	var open, over []opts.BarData
	for _, r := range s.Trend {
		x = append(x, l.monthAxis(r.PeriodStart))
		open = append(open, opts.BarData{Value: r.OpenEnd})
		over = append(over, opts.BarData{Value: r.OverdueEnd})
	}
	b := newBar("chart-stock")
	b.SetGlobalOptions(
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0", Type: "scroll"}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "8", Top: "32", Bottom: "4", ContainLabel: opts.Bool(true)}),
	)
	b.SetXAxis(x)
	b.AddSeries(l.t("kpi_open"), open)
	b.AddSeries(l.tf("kpi_overdue", s.Build.C, s.cUnitAdj()), over)
	m := optionOf(b)
	m["color"] = []string{colBlue, colMerah}
	set(m, []string{"xAxis", "axisLabel", "hideOverlap"}, true)
	set(m, []string{"yAxis", "minInterval"}, 1)
	set(m, []string{"tooltip", "axisPointer", "type"}, "shadow")
	return chart{ID: "chart-stock", Title: l.t("ch_stock"), Height: 210, option: m, Note: l.t("ch_stock_note")}
}

// statusChart: the month's cohort by current status.
func (s *Scorecard) statusChart() chart { return s.statusChartOf("chart-status", "") }

// statusChartOf is the status mix of one agency's cohort ("" for the whole regency).
func (s *Scorecard) statusChartOf(id, agency string) chart {
	l := s.L
	var counts []Count
	for _, st := range sumStatus(s.Status, agency) {
		counts = append(counts, Count{Label: l.status(st.Label), N: st.N})
	}
	c := s.breakdownChart(id, l.tf("ch_status", l.monthShort(s.Month)), counts, colNavy)
	c.Note = l.t("ch_status_note")
	return c
}

// Charts lists the scorecard's charts in page order.
func (s *Scorecard) Charts() []chart {
	l := s.L
	month := l.monthShort(s.Month)
	return []chart{
		s.trendChart(),
		s.responseChart(),
		s.statusChart(),
		s.stockChart(),
		s.backlogChart(),
		s.breakdownChart("chart-channel", l.t("ch_channel"), s.Channels, colBlue),
		s.breakdownChart("chart-category", l.tf("ch_category", month), s.Categories, colNavy),
		s.breakdownChart("chart-area", l.t("ch_area"), s.Areas, colBlue),
	}
}

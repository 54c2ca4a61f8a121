package reports

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// The browser test opens the reports from disk in headless Chromium with the network off and
// checks what a reader gets: every chart drawn, no JavaScript error, no request leaving the
// file, hostile text shown as text (no alert), an A4 PDF. It leaves screenshots and PDFs in
// testdata/out (gitignored) for a person to look at.
//
// It fails when Chromium is missing (CI installs it: .ci/run); RAPOR_SKIP_BROWSER=1 skips it on
// a machine without a browser. RAPOR_CHROMIUM names the executable if it is not on PATH.

func chromiumPath() string {
	if p := os.Getenv("RAPOR_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browserEvents collects what the page did.
type browserEvents struct {
	mu       sync.Mutex
	errors   []string // console errors, exceptions, browser log errors
	requests []string // every URL the page asked for
	dialogs  []string
}

func (b *browserEvents) listen(ev any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch e := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeAssert {
			var parts []string
			for _, a := range e.Args {
				parts = append(parts, string(a.Value))
			}
			b.errors = append(b.errors, "console."+string(e.Type)+": "+strings.Join(parts, " "))
		}
	case *runtime.EventExceptionThrown:
		msg := e.ExceptionDetails.Text
		if e.ExceptionDetails.Exception != nil {
			msg += " " + e.ExceptionDetails.Exception.Description
		}
		b.errors = append(b.errors, "exception: "+msg)
	case *log.EventEntryAdded:
		if e.Entry.Level == log.EntryLevelError {
			b.errors = append(b.errors, "log: "+e.Entry.Text+" "+e.Entry.URL)
		}
	case *network.EventRequestWillBeSent:
		b.requests = append(b.requests, e.Request.URL)
	case *page.EventJavascriptDialogOpening:
		b.dialogs = append(b.dialogs, e.Message)
	}
}

// browser starts one headless Chromium for the test.
func browser(t *testing.T) context.Context {
	t.Helper()
	if os.Getenv("RAPOR_SKIP_BROWSER") == "1" {
		t.Skip("RAPOR_SKIP_BROWSER=1")
	}
	exe := chromiumPath()
	if exe == "" {
		t.Fatal("no Chromium found: install it (apt-get install chromium; .ci/run does), set RAPOR_CHROMIUM, or set RAPOR_SKIP_BROWSER=1 to skip this test")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(900, 1300),
		// No network: every name resolves nowhere and any proxy use fails.
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND"),
		chromedp.ProxyServer("http://127.0.0.1:9"),
		chromedp.Flag("hide-scrollbars", true),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	return actx
}

type pageResult struct {
	Charts   int      `json:"charts"`
	Drawn    int      `json:"drawn"`
	Missing  []string `json:"missing"`
	Text     string   `json:"text"`
	Injected int      `json:"injected"`
}

// openReport loads a report file, checks it and saves a screenshot and an A4 PDF named name.
// Every problem found fails the test.
func openReport(t *testing.T, actx context.Context, path, name string, extra func(ctx context.Context)) pageResult {
	t.Helper()
	res, problems := loadPage(t, actx, path, name, extra)
	for _, p := range problems {
		t.Errorf("%s: %s", name, p)
	}
	return res
}

// loadPage opens a page from disk with the network off and returns what it found wrong: charts
// not drawn, JavaScript errors, requests beyond the file, dialogs, pages not A4.
func loadPage(t *testing.T, actx context.Context, path, name string, extra func(ctx context.Context)) (pageResult, []string) {
	t.Helper()
	ev := &browserEvents{}
	ctx, cancel := chromedp.NewContext(actx, chromedp.WithListener(ev.listen))
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 120*time.Second) // a shared CI machine: generous, never a speed check
	defer cancelT()
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	// Record dialogs in the page too (an alert() would otherwise block it), and turn the
	// network off.
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.__dialogs = []; ["alert", "confirm", "prompt"].forEach(function (f) { window[f] = function (m) { window.__dialogs.push(f + ":" + m); }; });`,
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: true, Latency: 0, DownloadThroughput: -1, UploadThroughput: -1}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, log.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+abs)); err != nil {
		t.Fatal(err)
	}
	res, err := chromedp.Run(ctx, chromedp.Evaluate[pageResult](`(function () {
        var boxes = Array.from(document.querySelectorAll(".chart"));
        var missing = boxes.filter(function (el) { return !el.querySelector("svg, canvas"); }).map(function (el) { return el.id; });
        return { charts: boxes.length, drawn: boxes.length - missing.length, missing: missing,
                 text: document.body.innerText, injected: document.querySelectorAll("script").length };
    })()`))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %d charts drawn in %v", name, res.Drawn, time.Since(start).Round(time.Millisecond))
	var problems []string
	if res.Charts == 0 || res.Drawn != res.Charts {
		problems = append(problems, fmt.Sprintf("%d of %d charts drawn; empty: %v", res.Drawn, res.Charts, res.Missing))
	}
	if res.Injected != 2 {
		problems = append(problems, fmt.Sprintf("%d script elements, want 2 (the library and the charts)", res.Injected))
	}
	dialogs, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.__dialogs`))
	if err != nil {
		t.Fatal(err)
	}
	if extra != nil {
		extra(ctx)
	}

	dir := outDir(t)
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(dir, name+".png")
	if err := os.WriteFile(shot, png, 0o644); err != nil {
		t.Fatal(err)
	}

	// A phone (390 px wide): the page fits its width (wide tables scroll in their own box), the
	// charts redraw, and the screenshot is there to look at.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844)); err != nil {
		t.Fatal(err)
	}
	phone, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]float64](`(function () {
        window.dispatchEvent(new Event("resize"));
        return { width: document.documentElement.scrollWidth };
    })()`))
	if err != nil {
		t.Fatal(err)
	}
	if phone["width"] > 392 {
		problems = append(problems, fmt.Sprintf("at 390 px the page is %v px wide", phone["width"]))
	}
	png, err = chromedp.Run(ctx, chromedp.FullScreenshot(90))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+"-390.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatal(err)
	}

	// Print: the browser's own A4 PDF with the page's print CSS, and a screenshot of the print
	// media at A4 width (96 dpi: 210 mm = 794 px) to look at.
	pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPreferCSSPageSize()))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".pdf"), pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	problems = append(problems, checkA4(t, name, pdf, strings.Contains(name, "banding"))...)
	if err := chromedp.Do(ctx,
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
			return err
		}),
		chromedp.EmulateViewport(794, 1123),
	); err != nil {
		t.Fatal(err)
	}
	png, err = chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+"-print.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}

	ev.mu.Lock()
	defer ev.mu.Unlock()
	problems = append(problems, ev.errors...)
	for _, u := range ev.requests {
		if !strings.HasPrefix(u, "file://") && !strings.HasPrefix(u, "data:") {
			problems = append(problems, "the page requested "+u+" (it must open with no network)")
		}
	}
	if len(ev.dialogs)+len(dialogs) > 0 {
		problems = append(problems, fmt.Sprintf("dialogs opened: %v %v", ev.dialogs, dialogs))
	}
	return res, problems
}

var mediaBoxRE = regexp.MustCompile(`/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)\s*\]`)

// checkA4 reads the PDF's page sizes: every page A4 (595 x 842 pt), portrait or landscape.
func checkA4(t *testing.T, name string, pdf []byte, landscape bool) []string {
	t.Helper()
	boxes := mediaBoxRE.FindAllStringSubmatch(string(pdf), -1)
	if len(boxes) == 0 {
		return []string{"no page in the PDF"}
	}
	var problems []string
	for _, b := range boxes {
		var w, h float64
		fmt.Sscan(b[1], &w)
		fmt.Sscan(b[2], &h)
		if landscape {
			w, h = h, w
		}
		if w < 590 || w > 600 || h < 837 || h > 847 {
			problems = append(problems, fmt.Sprintf("a page of %s x %s pt, want A4 %s (595 x 842)", b[1], b[2], map[bool]string{true: "landscape", false: "portrait"}[landscape]))
		}
	}
	t.Logf("%s: %d pages", name, len(boxes))
	return problems
}

func TestBrowser(t *testing.T) {
	actx := browser(t)

	// The checks catch what they are for: a page that loads ECharts from the web (as go-echarts
	// does by default), runs an injected alert and draws no chart fails every one of them.
	bad := filepath.Join(t.TempDir(), "bad.html")
	if err := os.WriteFile(bad, []byte(`<!DOCTYPE html><html><head><script src="https://go-echarts.github.io/go-echarts-assets/assets/echarts.min.js"></script></head>
<body><div class="chart" id="c" style="height:100px"></div><script>alert(1)</script><script>echarts.init(document.getElementById("c"))</script></body></html>`), 0o644); err != nil {
		t.Fatal(err)
	}
	_, problems := loadPage(t, actx, bad, "negative", nil)
	joined := strings.Join(problems, "\n")
	for _, want := range []string{"0 of 1 charts drawn", "echarts is not defined", "requested https://go-echarts.github.io", "dialogs opened", "3 script elements"} {
		if !strings.Contains(joined, want) {
			t.Errorf("the checks missed %q on a broken page; found:\n%s", want, joined)
		}
	}

	// The fixture: hostile names in tables, charts and the list.
	db, _ := fixtureDB(t)
	res := writeMonthly(t, db, "2025-02", "id", "")
	got := openReport(t, actx, res.HTML, "rapor-fixture-2025-02", func(ctx context.Context) {
		// The category chart's tooltip shows the hostile category as text.
		tip, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]any](`(function () {
            var el = document.getElementById("chart-category");
            var chart = echarts.getInstanceByDom(el);
            var cats = chart.getOption().yAxis[0].data;
            var i = cats.indexOf("</script><b>x");
            chart.dispatchAction({ type: "showTip", seriesIndex: 0, dataIndex: i });
            var tips = Array.from(el.querySelectorAll("div")).filter(function (d) { return d.innerText.indexOf("</script>") >= 0; });
            return { index: i, text: tips.length ? tips[tips.length - 1].innerText : "", bold: tips.length ? tips[tips.length - 1].querySelectorAll("b").length : -1 };
        })()`))
		if err != nil {
			t.Fatal(err)
		}
		if tip["index"].(float64) < 0 || !strings.Contains(tip["text"].(string), "</script><b>x") || tip["bold"].(float64) != 0 {
			t.Errorf("tooltip of the hostile category: %v", tip)
		}
	})
	for _, h := range []string{`<script>alert(1)</script>`, `</script><b>x`, `=HYPERLINK("http://evil")`, `+cmd`, `@SUM(A1)`, `-1+2`, `Jalan rusak <b>parah</b> & berlubang`} {
		if !strings.Contains(got.Text, h) {
			t.Errorf("the page does not show %q as text", h)
		}
	}

	// A realistic regency (3,000 generated complaints over a year, as the demo): the screenshots
	// to look at.
	gdb, _ := genDB(t)
	gres := writeMonthly(t, gdb, "2025-10", "id", "")
	openReport(t, actx, gres.HTML, "rapor-2025-10", nil)
	pages, err := AgencyPages(context.Background(), gdb, AgencyOptions{Options: Options{Month: "2025-10", OutDir: t.TempDir(), Now: testNow}, Agency: "Dinas Pekerjaan Umum dan Penataan Ruang"})
	if err != nil {
		t.Fatal(err)
	}
	openReport(t, actx, pages[0], "rapor-2025-10-skpd", nil)
	cres, err := Compare(context.Background(), gdb, CompareOptions{From: "2025-05", To: "2025-10", OutDir: t.TempDir(), Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	openReport(t, actx, cres.HTML, "rapor-banding-2025-05-2025-10", nil)
	mdb, _ := multiDB(t)
	mres, err := Compare(context.Background(), mdb, CompareOptions{From: "2025-01", To: "2025-05", Period: "quarter", OutDir: t.TempDir(), Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	openReport(t, actx, mres.HTML, "rapor-banding-fixture-triwulan", nil)
}

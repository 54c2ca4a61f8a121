package reports

import (
	"embed"
	"errors"
	"strings"
	"sync"
)

// The assets directory is embedded whole: it always holds README.md, so the build never fails
// when scripts/setup.sh has not fetched echarts.min.js yet. The report fails instead, clearly.
//
//go:embed assets
var assets embed.FS

// ErrNoECharts means this binary was built without the ECharts library.
var ErrNoECharts = errors.New("this rapor binary was built without ECharts (reports/assets/echarts.min.js), " +
	"which the HTML report embeds so that it opens offline: run `make setup` (scripts/setup.sh), then rebuild")

var echartsOnce = sync.OnceValues(func() (string, error) {
	b, err := assets.ReadFile("assets/echarts.min.js")
	if err != nil || len(b) == 0 {
		return "", ErrNoECharts
	}
	js := string(b)
	// The library is inlined in a <script> element: a "</script" inside it would end the element.
	if strings.Contains(strings.ToLower(js), "</script") {
		return "", errors.New("reports/assets/echarts.min.js contains \"</script\" and cannot be inlined; fetch it again with scripts/setup.sh")
	}
	return js, nil
})

// echartsJS returns the embedded ECharts library.
func echartsJS() (string, error) { return echartsOnce() }

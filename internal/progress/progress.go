// Package progress draws a one-line progress bar on a terminal and nothing elsewhere, so that
// cron logs and pipes stay clean.
package progress

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
)

// IsTerminal reports whether f is a character device (a terminal), using only the standard library.
func IsTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// Bar draws progress on w.
type Bar struct {
	mu    sync.Mutex
	w     io.Writer
	start time.Time
	drawn bool
}

// New returns a bar drawing on stderr when it is a terminal, or nil (a nil *Bar draws nothing).
func New() *Bar {
	if !IsTerminal(os.Stderr) || os.Getenv("TERM") == "dumb" {
		return nil
	}
	return &Bar{w: os.Stderr, start: time.Now()}
}

// Update draws label with done of total (total 0: unknown).
func (b *Bar) Update(label string, done, total int64) {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	const width = 30
	var line string
	if total > 0 {
		frac := float64(done) / float64(total)
		if frac > 1 {
			frac = 1
		}
		n := int(frac * width)
		line = fmt.Sprintf("\r[%s%s] %3.0f%% %s %s", strings.Repeat("#", n), strings.Repeat(".", width-n), frac*100, label, time.Since(b.start).Round(time.Second))
	} else {
		line = fmt.Sprintf("\r%s %d %s", label, done, time.Since(b.start).Round(time.Second))
	}
	fmt.Fprint(b.w, line+"\x1b[K")
	b.drawn = true
}

// Done clears the bar's line.
func (b *Bar) Done() {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.drawn {
		fmt.Fprint(b.w, "\r\x1b[K")
		b.drawn = false
	}
}

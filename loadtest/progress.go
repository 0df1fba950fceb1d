package loadtest

import (
	"fmt"
	"io"
	"os"
	"strings"
)

// progress shows how far the joins are: a bar redrawn in place on a terminal, or a line at
// each tenth when the output is a file or a pipe.
type progress struct {
	w        io.Writer
	n        int
	terminal bool
	lastStep int
	shown    bool
}

func newProgress(w io.Writer, n int) *progress {
	p := &progress{w: w, n: n, lastStep: -1}
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			p.terminal = true
		}
	}
	return p
}

func (p *progress) show(connected, ready, failed int) {
	if p.w == nil {
		return
	}
	line := progressLine(p.n, connected, ready, failed)
	if p.terminal {
		_, _ = fmt.Fprint(p.w, "\r"+line+"\x1b[K") // progress is a courtesy: the table tells
		p.shown = true
		return
	}
	step := (ready + failed) * 10 / max(p.n, 1)
	if step != p.lastStep {
		p.lastStep = step
		_, _ = fmt.Fprintln(p.w, line) // as above
	}
}

func (p *progress) done() {
	if p.w != nil && p.terminal && p.shown {
		_, _ = fmt.Fprintln(p.w) // as above
	}
}

// progressLine is e.g. "joining [########------------]  140/500 on the step screen · 160
// connected · 0 failed".
func progressLine(n, connected, ready, failed int) string {
	const width = 24
	filled := 0
	if n > 0 {
		filled = min((ready+failed)*width/n, width)
	}
	bar := strings.Repeat("#", filled) + strings.Repeat("-", width-filled)
	return fmt.Sprintf("joining [%s] %d/%d on the step screen · %d connected · %d failed", bar, ready, n, connected, failed)
}

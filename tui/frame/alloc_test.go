package frame

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
)

// A move redraws every screen of a cohort at once: cutting a frame into rows and comparing
// them with the rows on screen must not allocate, whatever changed.
func TestDrawingAFrameAllocatesNothing(t *testing.T) {
	w := &Writer{profile: colorprofile.TrueColor, rowsFit: true}
	var a, b []string
	for i := range 24 {
		a = append(a, fmt.Sprintf("row %02d %s", i, strings.Repeat("a", 60)))
		b = append(b, fmt.Sprintf("row %02d %s", i, strings.Repeat("b", 60)))
	}
	frames := []string{strings.Join(a, "\n"), strings.Join(b, "\r\n")}
	n := 0
	draw := func() {
		w.buf.Reset()
		w.draw(frames[n%2], 80, 24, false)
		n++
	}
	for range 4 {
		draw() // the buffers reach their size
	}
	if allocs := testing.AllocsPerRun(100, draw); allocs != 0 {
		t.Fatalf("drawing a changed frame allocated %.1f times; want none", allocs)
	}
	if got := w.shown[23]; got != b[23] && got != a[23] {
		t.Fatalf("the last row shown is %q", got)
	}
}

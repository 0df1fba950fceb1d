package frame

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
)

// Screens that show the same rows share their conversion to the terminal's colours: what a
// second screen writes is what converting them itself would write, and it converts nothing.
func TestScreensShareConvertedRows(t *testing.T) {
	var rows []string
	for i := range 12 {
		rows = append(rows, fmt.Sprintf("\x1b[38;2;255;%d;0mrow %02d\x1b[m plain \x1b[1;38;2;0;0;255mbold\x1b[m", i*20, i))
	}
	frame := strings.Join(rows, "\n")
	draw := func(w *Writer) string {
		w.buf.Reset()
		w.draw(frame, 40, 12, true)
		return w.buf.String()
	}
	newWriter := func(shared *Rows) *Writer {
		w := &Writer{profile: colorprofile.ANSI256, rowsFit: true, rows: shared}
		w.conv.Profile, w.conv.Forward = colorprofile.ANSI256, &w.buf
		return w
	}
	alone := draw(newWriter(nil))
	if strings.Contains(alone, "8;2;") {
		t.Fatalf("the rows were not converted to 256 colours: %q", alone)
	}
	shared := NewRows()
	if got := draw(newWriter(shared)); got != alone {
		t.Fatalf("the first screen sharing rows wrote\n%q\nwant\n%q", got, alone)
	}
	second := newWriter(shared)
	draw(second)
	if got := draw(second); got != alone {
		t.Fatalf("the second screen wrote\n%q\nwant\n%q", got, alone)
	}
	if allocs := testing.AllocsPerRun(20, func() {
		second.buf.Reset()
		second.draw(frame, 40, 12, true)
	}); allocs != 0 {
		t.Fatalf("drawing rows another screen converted allocated %.1f times; want none", allocs)
	}
	if len(shared.m) != len(rows) {
		t.Fatalf("the cache holds %d rows; want %d", len(shared.m), len(rows))
	}
}

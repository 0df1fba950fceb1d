package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

// testStyles are the styles of a terminal without colour.
func testStyles() *Styles {
	st := NewStyles(true, colorprofile.Ascii)
	return &st
}

// checkFits fails if a drawing has other than h lines or a line wider than w, and returns
// the drawing's plain text.
func checkFits(t *testing.T, s string, w, h int) string {
	t.Helper()
	lines := strings.Split(s, "\n")
	if len(lines) != h {
		t.Errorf("drawn in %d lines, want %d:\n%s", len(lines), h, ansi.Strip(s))
	}
	for i, l := range lines {
		if n := cellWidth(l); n > w {
			t.Errorf("line %d is %d cells wide, the limit is %d: %q", i+1, n, w, ansi.Strip(l))
		}
	}
	return ansi.Strip(s)
}

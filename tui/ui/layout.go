package ui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Text is measured and cut so that it fits the window however the terminal counts cells. The
// renderer counts them per code point (wcwidth) until the terminal says it draws whole
// grapheme clusters (mode 2027), and the two counts differ for emoji with skin tones, joined
// emoji (a family is 2 cells one way and 8 the other) and some symbols with a variation
// selector. A row that fits one count but not the other is cut off by the renderer or spills
// onto the next row, so every row here fits both.

// CellWidth is the most cells s can take: the larger of the two counts.
func CellWidth(s string) int {
	// Most rows are plain ASCII with styling: both counts are then the printable bytes, and
	// measuring them is most of what fitting a frame costs.
	simple, styled := true, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == 0x1b:
			styled = true
		case c < 0x20 || c >= 0x7f:
			simple = false
		}
		if !simple {
			break
		}
	}
	if simple {
		if !styled {
			return len(s)
		}
		return ansi.StringWidth(s)
	}
	g := ansi.StringWidth(s)
	if wc := ansi.StringWidthWc(s); wc > g {
		return wc
	}
	return g
}

// FitBlock cuts or pads s to exactly height lines, each no wider than width, so a screen can
// never push the frame out of the window.
func FitBlock(s string, width, height int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > height {
		lines = lines[:height]
	}
	for i, l := range lines {
		lines[i] = Truncate(l, width)
	}
	for len(lines) < height {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// Truncate shortens one line of text to width cells, marking the cut.
func Truncate(s string, width int) string {
	if CellWidth(s) <= width {
		return s
	}
	// Cut by clusters, then shorten further while the other count is still too wide; each
	// turn takes off at least one cell, so this ends.
	for target := width; target > 0; {
		t := ansi.Truncate(s, target, "…")
		over := CellWidth(t) - width
		if over <= 0 {
			return t
		}
		target -= over
	}
	return ""
}

// Wrap breaks text into lines of at most width cells. Wrapping by one count and then the
// other only ever breaks lines further, so the lines fit both.
func Wrap(s string, width int) string {
	if width < 1 {
		return s
	}
	return ansi.Wrap(ansi.WrapWc(s, width, ""), width, "")
}

// Rule draws a horizontal line across width cells.
func Rule(st *Styles, width int) string {
	return st.Cache.Styled("rule|"+st.Key()+"|"+strconv.Itoa(width), func() string {
		return st.Rule.Render(strings.Repeat("─", max(width, 0)))
	})
}

package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// fitBlock cuts or pads s to exactly height lines, each no wider than width, so a screen can
// never push the frame out of the window.
func fitBlock(s string, width, height int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > height {
		lines = lines[:height]
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > width {
			lines[i] = ansi.Truncate(l, width, "…")
		}
	}
	for len(lines) < height {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// truncate shortens one line of text to width cells, marking the cut.
func truncate(s string, width int) string {
	if ansi.StringWidth(s) <= width {
		return s
	}
	return ansi.Truncate(s, width, "…")
}

// wrap breaks text into lines of at most width cells.
func wrap(s string, width int) string {
	if width < 1 {
		return s
	}
	return ansi.Wrap(s, width, "")
}

// rule draws a horizontal line across width cells.
func rule(st *Styles, width int) string {
	return st.Rule.Render(strings.Repeat("─", max(width, 0)))
}

func lipglossWidth(s string) int { return ansi.StringWidth(s) }

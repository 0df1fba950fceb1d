package uitest

import (
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"workshop/tui/ui"
)

// Styles are the styles of a terminal without colour.
func Styles() *ui.Styles {
	st := ui.NewStyles(true, colorprofile.Ascii)
	return &st
}

// CheckFits fails if a drawing has other than h lines or a line wider than w, and returns the
// drawing's plain text.
func CheckFits(t testing.TB, s string, w, h int) string {
	t.Helper()
	lines := strings.Split(s, "\n")
	if len(lines) != h {
		t.Errorf("drawn in %d lines, want %d:\n%s", len(lines), h, ansi.Strip(s))
	}
	for i, l := range lines {
		if n := ui.CellWidth(l); n > w {
			t.Errorf("line %d is %d cells wide, the limit is %d: %q", i+1, n, w, ansi.Strip(l))
		}
	}
	return ansi.Strip(s)
}

// FitsEveryCount fails unless s is h lines, none wider than w cells whether a terminal counts
// by grapheme or by code point, and returns the drawing's plain text.
func FitsEveryCount(t testing.TB, what, s string, w, h int) string {
	t.Helper()
	lines := strings.Split(s, "\n")
	if len(lines) != h {
		t.Errorf("%s: %d lines at %d×%d, want %d", what, len(lines), w, h, h)
	}
	for i, l := range lines {
		g, wc := ansi.StringWidth(l), ansi.StringWidthWc(l)
		if g > w || wc > w {
			t.Errorf("%s: line %d is %d cells (%d per code point) at %d×%d: %q", what, i+1, g, wc, w, h, ansi.Strip(l))
		}
	}
	return ansi.Strip(s)
}

// WideAnswer is text whose width differs by the way it is counted: CJK, emoji with skin tones,
// joined emoji, combining marks, soft hyphens, a symbol with a variation selector and a flag,
// then a long run of emoji.
func WideAnswer() string {
	return "山田太郎と中文 👍🏽👍🏿 👨\u200d👩\u200d👧\u200d👦👩🏽\u200d💻🧑🏽\u200d🤝\u200d🧑🏿 e\u0301a\u0308o\u0302 so\u00adft\u00adhy\u00adphen ☺\ufe0f 🇧🇷 " +
		strings.Repeat("👍🏽", 30) + " end"
}

package exercise

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// wideAnswer is text whose width differs by the way it is counted: emoji with skin tones,
// joined emoji, combining marks, soft hyphens and flags.
var wideAnswer = "山田太郎と中文 👍🏽👍🏿 👨\u200d👩\u200d👧\u200d👦👩🏽\u200d💻🧑🏽\u200d🤝\u200d🧑🏿 e\u0301a\u0308o\u0302 so\u00adft\u00adhy\u00adphen ☺\ufe0f 🇧🇷 " +
	strings.Repeat("👍🏽", 30) + " end"

// fitsEveryCount fails unless s is h lines, none wider than w cells by either count.
func fitsEveryCount(t *testing.T, what, s string, w, h int) string {
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

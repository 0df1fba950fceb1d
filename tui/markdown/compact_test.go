package markdown

import (
	"fmt"
	"strings"
	"testing"

	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"

	"workshop/content"
)

// drawn is what a terminal shows for each line of s, drawn as a screen draws a row (from an
// unstyled start, on an erased row): one cell description per cell, blanks that show nothing
// written alike whatever their foreground.
func drawn(t *testing.T, s string, width int) []string {
	t.Helper()
	var rows []string
	// Lines hold no terminal queries, so the emulator never answers on its input side (an
	// answer nobody reads would block it).
	emu := vt.NewEmulator(width+2, 1)
	for _, line := range strings.Split(s, "\n") {
		_, _ = emu.WriteString("\r\x1b[m\x1b[2K" + line)
		var b strings.Builder
		for x := range width + 2 {
			c := emu.CellAt(x, 0)
			if c == nil {
				b.WriteString("·|")
				continue
			}
			blank := c.Content == "" || c.Content == " "
			st := c.Style
			if blank && st.Bg == nil && st.Underline == uv.UnderlineNone && st.Attrs&(uv.AttrReverse|uv.AttrStrikethrough) == 0 {
				if c.Width == 0 && c.Content == "" {
					b.WriteString("~|") // the second half of a wide character
				} else {
					b.WriteString("·|")
				}
				continue
			}
			fmt.Fprintf(&b, "%q %v %v %v %d %d|", c.Content, st.Fg, st.Bg, st.UnderlineColor, st.Underline, st.Attrs)
		}
		rows = append(rows, b.String())
	}
	return rows
}

// rawRender is Render without compacting: what glamour draws, fitted to the width.
func rawRender(t *testing.T, md string, width int, style string) string {
	t.Helper()
	r, err := newRenderer(rendererKey{style: style, width: width})
	if err != nil {
		t.Fatal(err)
	}
	out, err := render(r, md)
	if err != nil {
		t.Fatal(err)
	}
	return fitWidth(out, width)
}

// TestCompactGuidanceDrawsTheSameCells draws every built-in step's guidance, and hard Markdown,
// as glamour renders it and as compacted, and compares the cells a terminal shows.
func TestCompactGuidanceDrawsTheSameCells(t *testing.T) {
	lib, ps, err := content.NewLibrary("")
	if err != nil || len(ps) > 0 {
		t.Fatalf("NewLibrary: %v %v", ps, err)
	}
	texts := []string{hardMarkdown, "**bold** and ~~struck~~ text\n\n> quoted\n\n`code`  \n"}
	for _, m := range lib.List() {
		for _, s := range m.Steps {
			texts = append(texts, s.Guidance)
		}
	}
	var before, after int
	for _, style := range []string{StyleDark, StyleLight} {
		for _, width := range []int{40, 80} {
			for i, md := range texts {
				if style == StyleLight && i >= 2 {
					break // the light style's sequences differ only in colour numbers
				}
				raw := rawRender(t, md, width, style)
				out := compact(raw)
				before, after = before+len(raw), after+len(out)
				want, got := drawn(t, raw, width), drawn(t, out, width)
				if len(want) != len(got) {
					t.Fatalf("text %d %s/%d: %d lines, compacted %d", i, style, width, len(want), len(got))
				}
				for y := range want {
					if want[y] != got[y] {
						t.Errorf("text %d %s/%d line %d draws differently:\nraw       %q\ncompacted %q", i, style, width, y+1, strings.Split(raw, "\n")[y], strings.Split(out, "\n")[y])
					}
				}
			}
		}
	}
	// The point of it: the guidance every screen is sent shrinks.
	if after*2 > before {
		t.Errorf("compacted guidance is %d bytes of %d: expected at most half", after, before)
	}
	t.Logf("guidance bytes: %d rendered, %d compacted (%.0f%%)", before, after, 100*float64(after)/float64(before))
}

func TestCompactLine(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain text   ", "plain text"},
		{"\x1b[38;5;252m \x1b[m\x1b[38;5;252m \x1b[m", ""},
		{"\x1b[38;5;252mab\x1b[m\x1b[38;5;252m cd\x1b[m\x1b[38;5;252m \x1b[m", "\x1b[38;5;252mab cd\x1b[m"},
		// A background shows on blanks: they stay.
		{"\x1b[48;5;236mab  \x1b[m", "\x1b[48;5;236mab  \x1b[m"},
		{"\x1b[7m  \x1b[m", "\x1b[7m  \x1b[m"},
		{"\x1b[4mx \x1b[m", "\x1b[4mx \x1b[m"},
		// A colour index that looks like an attribute is a colour.
		{"\x1b[38;5;7mx \x1b[m", "\x1b[38;5;7mx\x1b[m"},
		{"\x1b[38;2;1;4;7mx \x1b[m", "\x1b[38;2;1;4;7mx\x1b[m"},
		// Styles add up until a reset.
		{"\x1b[1m\x1b[38;5;39mab\x1b[m", "\x1b[1m\x1b[38;5;39mab\x1b[m"},
		// Anything but colours and attributes leaves the line alone.
		{"\x1b]8;;https://example.org\x07link\x1b]8;;\x07  ", "\x1b]8;;https://example.org\x07link\x1b]8;;\x07  "},
		{"a\tb  ", "a\tb  "},
	} {
		if got := compactLine(c.in); got != c.want {
			t.Errorf("compactLine(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// fuzzTokens are what rendered guidance is made of: text, blanks, wide characters, and the
// colours and attributes glamour and the styles write, resets included.
var fuzzTokens = []string{
	" ", "  ", "a", "word", "全", "é", "\x1b[m", "\x1b[0m", "\x1b[1m", "\x1b[3m", "\x1b[4m", "\x1b[7m",
	"\x1b[9m", "\x1b[22m", "\x1b[24m", "\x1b[38;5;252m", "\x1b[38;5;4m", "\x1b[38;2;1;4;7m", "\x1b[48;5;236m",
	"\x1b[48;2;9;9;9m", "\x1b[49m", "\x1b[39m", "\x1b[0;1m", "\x1b[1;38;5;39m", "\x1b[4:3m", "\x1b[58;5;2m",
	"\x1b[92m", "\x1b[102m", "\x1b[53m", "\x1b]8;;https://example.org\x07", "\x1b]8;;\x07",
}

// FuzzCompactDrawsTheSameCells draws lines made of fuzzTokens (one per input byte) as they are
// and compacted, and compares the cells.
func FuzzCompactDrawsTheSameCells(f *testing.F) {
	f.Add([]byte{15, 0, 6, 15, 2, 0, 6})
	f.Add([]byte{21, 2, 22, 1, 0, 6, 4})
	f.Add([]byte{18, 0, 2, 0, 6, 27, 3, 28})
	f.Fuzz(func(t *testing.T, picks []byte) {
		if len(picks) > 60 {
			return
		}
		var b strings.Builder
		for _, p := range picks {
			b.WriteString(fuzzTokens[int(p)%len(fuzzTokens)])
		}
		line := b.String()
		if ansi.StringWidth(line) > 60 {
			return // guidance is fitted to the width
		}
		want, got := drawn(t, line, 60), drawn(t, compactLine(line), 60)
		if want[0] != got[0] {
			t.Errorf("compactLine(%q) = %q draws differently:\n%s\n%s", line, compactLine(line), want[0], got[0])
		}
	})
}

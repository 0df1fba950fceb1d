package textedit

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"workshop/internal/testenv/keypress"
)

// fuzzKeys are the keys a fuzzed session presses, by op byte.
var fuzzKeys = []string{
	"left", "right", "up", "down", "home", "end", "pgup", "pgdown", "ctrl+home", "ctrl+end",
	"ctrl+a", "ctrl+e", "alt+left", "alt+right", "enter", "backspace", "delete", "ctrl+w",
	"alt+backspace", "alt+d", "ctrl+k", "ctrl+u", "space", "tab", "esc", "ctrl+s",
}

// fuzzRunes are typed by op byte: wide, combining, joining and spacing characters among plain
// ones, so that clusters form and break as text goes in and out.
var fuzzRunes = []string{"a", "b", " ", "中", "\u0301", "\u200d", "👍", "\U0001F3FD", "é", "\u3000",
	"\u200b", "x", "\t", "\x1b", "\r", "\u202e", "🇧", "🇷", "\n", "-"}

// FuzzEdit presses random keys, types random characters and pastes random text into editors of
// random sizes and limits: nothing panics, the text never exceeds the limit nor holds a control
// character, every row of the view fits the width, and the rows kept as the text changes are
// the ones wrapping it afresh gives.
func FuzzEdit(f *testing.F) {
	f.Add([]byte{30, 31, 32, 14, 33, 0, 15, 240, 3, 2}, "hello wide 中文 world", uint8(12), uint8(3), uint16(0))
	f.Add([]byte{40, 41, 42, 43, 44, 45, 46, 47, 0, 0, 15, 15, 16, 17}, "e\u0301👍🏽 👩‍💻 🇧🇷", uint8(3), uint8(2), uint16(9))
	f.Add([]byte{250, 251, 252, 253, 254, 255, 1, 2, 3, 4, 5, 6, 7, 8}, strings.Repeat("long words wrap ", 20), uint8(1), uint8(1), uint16(40))
	f.Fuzz(func(t *testing.T, ops []byte, text string, w, h uint8, limit uint16) {
		if len(ops) > 400 || len(text) > 4000 {
			return
		}
		m := New(Options{Prompt: "│ ", Placeholder: "Write here…", Limit: int(limit % 300), Styles: DefaultStyles()})
		m.SetWidth(int(w % 90))
		m.SetHeight(int(h % 12))
		m.Focus()
		for i, op := range ops {
			switch {
			case int(op) < len(fuzzKeys):
				m.Update(keypress.Named(fuzzKeys[op]))
			case int(op) < len(fuzzKeys)+len(fuzzRunes):
				r := fuzzRunes[int(op)-len(fuzzKeys)]
				m.Update(tea.KeyPressMsg{Code: []rune(r)[0], Text: r})
			case op < 240:
				from := int(op) * len(text) / 240
				m.Update(tea.PasteMsg{Content: text[from:min(from+int(op%64), len(text))]})
			case op < 246:
				m.SetWidth(int(op-238) * int(w%30))
			case op < 250:
				m.SetHeight(int(op - 245))
			case op < 252:
				m.Blur()
				m.View()
				m.Focus()
			default:
				m.SetValue(text[:len(text)*int(op-251)/4])
			}
			check(t, m, i)
		}
	})
}

// check fails unless the editor's state holds what FuzzEdit promises.
func check(t *testing.T, m *Model, step int) {
	t.Helper()
	v := m.Value()
	if n := utf8.RuneCountInString(v); n != m.Length() || m.opt.Limit > 0 && n > m.opt.Limit {
		t.Fatalf("op %d: %d characters, Length %d, limit %d", step, n, m.Length(), m.opt.Limit)
	}
	if !utf8.ValidString(v) || strings.ContainsFunc(v, func(r rune) bool { return r < 0x20 && r != '\n' || r >= 0x7f && r < 0xa0 }) {
		t.Fatalf("op %d: text holds a control character: %q", step, v)
	}
	if m.pos < 0 || m.pos > len(v) {
		t.Fatalf("op %d: cursor at %d of %d", step, m.pos, len(v))
	}
	view := m.View()
	lines := strings.Split(view, "\n")
	if len(lines) != m.Height() {
		t.Fatalf("op %d: %d rows, want %d", step, len(lines), m.Height())
	}
	for i, l := range lines {
		if w, wc := ansi.StringWidth(l), ansi.StringWidthWc(l); w > m.Width() || wc > m.Width() {
			t.Fatalf("op %d: row %d is %d cells (%d per code point), width %d: %q", step, i, w, wc, m.Width(), l)
		}
	}
	kept := slices.Clone(m.rows)
	m.laidOut = false
	m.layout()
	if !slices.Equal(kept, m.rows) {
		t.Fatalf("op %d: rows kept %v, afresh %v for %q", step, kept, m.rows, v)
	}
	if got := m.View(); got != view {
		t.Fatalf("op %d: kept view %q, drawn again %q", step, view, got)
	}
	if p := m.snap(m.pos); p != m.pos {
		t.Fatalf("op %d: cursor at %d inside a cluster (ends at %d)", step, m.pos, p)
	}
}

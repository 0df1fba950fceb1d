package textedit

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"workshop/internal/testenv/keypress"
)

// editor is a focused editor of w×h cells (prompt "│ " included) holding text, the cursor at
// its end.
func editor(w, h int, text string) *Model {
	m := New(Options{Prompt: "│ ", Placeholder: "Write here", Styles: DefaultStyles()})
	m.SetWidth(w)
	m.SetHeight(h)
	m.SetValue(text)
	m.Focus()
	return m
}

// press types keys by name ("a", "space", "enter", "ctrl+w", "alt+left").
func press(m *Model, names ...string) {
	for _, n := range names {
		m.Update(keypress.Named(n))
	}
}

// typeText types s one key at a time.
func typeText(m *Model, s string) {
	for _, k := range keypress.Typed(s) {
		m.Update(k)
	}
}

// rowTexts is the text of every wrapped row.
func rowTexts(m *Model) []string {
	m.layout()
	out := make([]string, len(m.rows))
	for i, r := range m.rows {
		out[i] = m.text[r.start:r.end]
	}
	return out
}

// cursor is the wrapped row and the column the cursor is on.
func cursor(m *Model) (int, int) {
	m.layout()
	r := m.rowOf(m.pos)
	return r, m.col(m.rows[r], m.pos)
}

// screen is the view without styles, one string per row.
func screen(m *Model) []string { return strings.Split(ansi.Strip(m.View()), "\n") }

// checkRows fails unless every row of the view fits the width, there are Height of them, and
// the rows put back together are the text.
func checkRows(t *testing.T, m *Model) {
	t.Helper()
	v := m.View()
	lines := strings.Split(v, "\n")
	if len(lines) != m.Height() {
		t.Fatalf("%d rows in the view, want %d:\n%s", len(lines), m.Height(), v)
	}
	for i, l := range lines {
		if w, wc := ansi.StringWidth(l), ansi.StringWidthWc(l); w > m.Width() || wc > m.Width() {
			t.Fatalf("row %d is %d cells wide (%d per code point), more than %d: %q", i, w, wc, m.Width(), ansi.Strip(l))
		}
	}
	m.layout()
	var b strings.Builder
	for i, r := range m.rows {
		if r.width > m.tw {
			t.Fatalf("row %d measures %d cells, more than %d", i, r.width, m.tw)
		}
		if i > 0 && m.rows[i-1].eol {
			b.WriteByte('\n')
		}
		b.WriteString(m.text[r.start:r.end])
	}
	if b.String() != m.text {
		t.Fatalf("rows make %q, text is %q", b.String(), m.text)
	}
}

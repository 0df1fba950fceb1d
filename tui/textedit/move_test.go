package textedit

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"

	"workshop/internal/testenv/keypress"
)

// The text of these tests wraps at 10 cells (width 12 with the prompt) into:
//
//	0 "the quick "
//	1 "brown fox "
//	2 "jumps"
//	3 ""
//	4 "中文 over"
const wrapped = "the quick brown fox jumps\n\n中文 over"

func TestMovesAcrossWrappedRows(t *testing.T) {
	for _, c := range []struct {
		keys     []string
		row, col int
	}{
		{keys: nil, row: 4, col: 9},
		{keys: []string{"ctrl+home"}, row: 0, col: 0},
		{keys: []string{"ctrl+home", "right", "right"}, row: 0, col: 2},
		{keys: []string{"ctrl+home", "down"}, row: 1, col: 0},
		{keys: []string{"ctrl+home", "end"}, row: 0, col: 9},                  // before the row's trailing space
		{keys: []string{"ctrl+home", "end", "right"}, row: 1, col: 0},         // past it, onto the next row
		{keys: []string{"ctrl+home", "end", "right", "left"}, row: 0, col: 9}, // and back
		{keys: []string{"ctrl+home", "end", "right", "left", "left"}, row: 0, col: 8},
		{keys: []string{"ctrl+home", "end", "down"}, row: 1, col: 9},
		{keys: []string{"ctrl+home", "end", "down", "down"}, row: 2, col: 5},         // a shorter row: its end
		{keys: []string{"ctrl+home", "end", "down", "down", "down"}, row: 3, col: 0}, // an empty line
		{keys: []string{"ctrl+home", "end", "down", "down", "down", "down"}, row: 4, col: 9},
		{keys: []string{"ctrl+home", "end", "down", "down", "up"}, row: 1, col: 9}, // the column is kept
		{keys: []string{"ctrl+home", "up"}, row: 0, col: 0},
		{keys: []string{"down"}, row: 4, col: 9},
		{keys: []string{"up"}, row: 3, col: 0},
		{keys: []string{"ctrl+home", "right", "right", "right", "down", "down", "down", "down"}, row: 4, col: 2}, // 中 is two cells
		{keys: []string{"home"}, row: 4, col: 0},
		{keys: []string{"left", "left", "left", "left", "left", "left"}, row: 4, col: 2}, // one key over 文
		{keys: []string{"up", "up", "home"}, row: 2, col: 0},                             // home: the row's start
		{keys: []string{"up", "up", "ctrl+a"}, row: 0, col: 0},                           // ctrl+a: the line's start
		{keys: []string{"ctrl+home", "ctrl+e"}, row: 2, col: 5},                          // ctrl+e: the line's end
		{keys: []string{"ctrl+home", "right", "ctrl+p"}, row: 0, col: 1},
		{keys: []string{"ctrl+home", "ctrl+n", "ctrl+f", "ctrl+b"}, row: 1, col: 0},
		{keys: []string{"alt+left"}, row: 4, col: 5},
		{keys: []string{"alt+left", "alt+left"}, row: 4, col: 0},
		{keys: []string{"alt+left", "alt+left", "alt+left"}, row: 2, col: 0}, // across the empty line
		{keys: []string{"ctrl+home", "alt+right"}, row: 0, col: 3},
		{keys: []string{"ctrl+home", "alt+right", "alt+right"}, row: 0, col: 9},
		{keys: []string{"ctrl+home", "alt+right", "alt+right", "alt+right"}, row: 1, col: 5},
		{keys: []string{"ctrl+home", "ctrl+right", "alt+f", "alt+b", "ctrl+left"}, row: 0, col: 0},
		{keys: []string{"ctrl+home", "ctrl+end"}, row: 4, col: 9},
		{keys: []string{"alt+<"}, row: 0, col: 0},
		{keys: []string{"alt+<", "alt+>"}, row: 4, col: 9},
	} {
		t.Run(strings.Join(c.keys, ","), func(t *testing.T) {
			m := editor(12, 10, wrapped)
			if got := rowTexts(m); !slices.Equal(got, []string{"the quick ", "brown fox ", "jumps", "", "中文 over"}) {
				t.Fatalf("rows %q", got)
			}
			press(m, c.keys...)
			if r, col := cursor(m); r != c.row || col != c.col {
				t.Fatalf("cursor at %d:%d, want %d:%d", r, col, c.row, c.col)
			}
			if m.Value() != wrapped {
				t.Fatalf("a move changed the text: %q", m.Value())
			}
		})
	}
}

func TestMovesOnlyMove(t *testing.T) {
	for _, k := range []string{"left", "right", "up", "down", "home", "end", "pgup", "pgdown",
		"ctrl+home", "ctrl+end", "ctrl+a", "ctrl+e", "alt+left", "alt+right", "ctrl+b", "ctrl+f"} {
		if !Moves(keypress.Named(k)) {
			t.Errorf("%s does not count as a move", k)
		}
	}
	for _, k := range []string{"a", "space", "enter", "backspace", "delete", "ctrl+w", "ctrl+k", "ctrl+u", "alt+d", "ctrl+s"} {
		if Moves(keypress.Named(k)) {
			t.Errorf("%s counts as a move", k)
		}
	}
}

// The cursor's row stays in view: typing past the bottom scrolls down, moving above the top
// scrolls up, pgup and pgdown go to the page's edge first and then a page on.
func TestScrolling(t *testing.T) {
	var lines []string
	for i := range 10 {
		lines = append(lines, fmt.Sprintf("line %d", i))
	}
	m := editor(20, 3, strings.Join(lines, "\n"))
	shows := func(want ...string) {
		t.Helper()
		got := screen(m)
		for i := range got {
			got[i] = strings.TrimSpace(strings.TrimPrefix(got[i], "│ "))
		}
		if !slices.Equal(got, want) {
			t.Fatalf("shows %q, want %q", got, want)
		}
		checkRows(t, m)
	}
	shows("line 7", "line 8", "line 9")
	press(m, "up", "up")
	shows("line 7", "line 8", "line 9")
	press(m, "up")
	shows("line 6", "line 7", "line 8")
	press(m, "down", "pgup") // the top of the page first
	if r, _ := cursor(m); r != 6 {
		t.Fatalf("pgup went to row %d, want the page's top (6)", r)
	}
	press(m, "pgup")
	shows("line 3", "line 4", "line 5")
	press(m, "pgdown")
	shows("line 3", "line 4", "line 5")
	press(m, "pgdown")
	shows("line 6", "line 7", "line 8")
	press(m, "ctrl+home")
	shows("line 0", "line 1", "line 2")
	press(m, "ctrl+end", "enter")
	typeText(m, "new")
	shows("line 8", "line 9", "new")

	// Shrinking the text never leaves the view scrolled past its end.
	m.SetValue("short")
	shows("short", "", "")
	// A taller editor shows more of the text without scrolling.
	m.SetValue(strings.Join(lines, "\n"))
	m.SetHeight(12)
	if got := screen(m); strings.TrimPrefix(got[0], "│ ") != "line 0" || strings.TrimSpace(got[11]) != "│" {
		t.Fatalf("tall view %q", got)
	}
}

// Long wrapped text scrolls by rows, not lines.
func TestScrollingWrappedRows(t *testing.T) {
	m := editor(7, 2, strings.Repeat("abcd ", 6)) // rows of "abcd " each
	if n := len(rowTexts(m)); n != 7 {
		t.Fatalf("%d rows, want 7: %q", n, rowTexts(m))
	}
	if got := screen(m); got[1] != "│  " || got[0] != "│ abcd " { // the cursor on an empty row
		t.Fatalf("end of the text shows %q", got)
	}
	press(m, "up", "up")
	if r, _ := cursor(m); r != 4 || m.top != 4 {
		t.Fatalf("cursor row %d, top %d", r, m.top)
	}
	checkRows(t, m)
}

func TestCursorDrawnInText(t *testing.T) {
	m := New(Options{Prompt: "> ", Placeholder: "Say something", Styles: DefaultStyles()})
	m.SetWidth(20)
	m.SetHeight(2)
	if got := m.View(); got != "> Say something\n> " {
		t.Fatalf("blurred placeholder %q", got)
	}
	m.Focus()
	if got := m.View(); got != "> \x1b[7mS\x1b[may something\n> " {
		t.Fatalf("focused placeholder %q", got)
	}
	typeText(m, "abc")
	if got := m.View(); got != "> abc\x1b[7m \x1b[m\n> " {
		t.Fatalf("cursor at the end %q", got)
	}
	press(m, "left")
	if got := m.View(); got != "> ab\x1b[7mc\x1b[m\n> " {
		t.Fatalf("cursor on a character %q", got)
	}
	m.SetValue("中\u0301")
	press(m, "left")
	if got := m.View(); got != "> \x1b[7m中\u0301\x1b[m\n> " {
		t.Fatalf("cursor on a wide cluster %q", got)
	}
}

// Between changes the view is kept: drawing it again costs nothing.
func TestViewKeptBetweenChanges(t *testing.T) {
	m := editor(80, 10, strings.Repeat("a fair amount of text ", 40))
	first := m.View()
	if allocs := testing.AllocsPerRun(100, func() { m.View(); m.SetWidth(80); m.SetHeight(10); m.Focus() }); allocs != 0 {
		t.Fatalf("View allocates %.0f times between changes", allocs)
	}
	press(m, "left")
	if m.View() == first {
		t.Fatal("the view did not change with the cursor")
	}
	press(m, "right")
	if m.View() != first {
		t.Fatal("the view differs after moving back")
	}
	m.Blur()
	if m.View() == first {
		t.Fatal("the view did not change with the focus")
	}
}

// Styles put around a string what rendering it with the style gives, or render it.
func TestStylesMatchRender(t *testing.T) {
	for _, st := range []lipgloss.Style{
		lipgloss.NewStyle(),
		lipgloss.NewStyle().Reverse(true),
		lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("#6CB6FF")),
		lipgloss.NewStyle().Foreground(lipgloss.Color("240")).Background(lipgloss.Color("0")),
		lipgloss.NewStyle().Underline(true),
		lipgloss.NewStyle().Padding(0, 1),
		lipgloss.NewStyle().Width(6),
	} {
		p := newPaint(st)
		for _, s := range []string{"x", " ", "中", "a b", "e\u0301"} {
			if got, want := p.on(s), st.Render(s); got != want {
				t.Errorf("%q in %v: %q, want %q", s, st, got, want)
			}
		}
	}
	if d := DefaultStyles(); d.cursor.on("x") != lipgloss.NewStyle().Reverse(true).Render("x") {
		t.Fatalf("default cursor %q", d.cursor.on("x"))
	}
}

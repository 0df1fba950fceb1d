package textedit

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestWrapRows(t *testing.T) {
	for _, c := range []struct {
		name  string
		tw    int // text cells per row (the prompt takes 2 more)
		text  string
		rows  []string
		shown []string // the rows as drawn, when they differ from the text
	}{
		{name: "words", tw: 10, text: "the quick brown fox jumps",
			rows: []string{"the quick ", "brown fox ", "jumps"}},
		{name: "word and its space fill a row", tw: 6, text: "abcde fgh",
			rows: []string{"abcde ", "fgh"}},
		{name: "no room for the cursor at the end", tw: 5, text: "ab cde",
			rows: []string{"ab ", "cde"}},
		{name: "lines", tw: 10, text: "one\n\ntwo",
			rows: []string{"one", "", "two"}},
		{name: "long word broken", tw: 10, text: "see abcdefghijklmnopqrstuvwxyz ok",
			rows: []string{"see ", "abcdefghij", "klmnopqrst", "uvwxyz ok"}},
		{name: "full last row leaves a row for the cursor", tw: 4, text: "abcd",
			rows: []string{"abcd", ""}},
		{name: "runs of spaces", tw: 4, text: "a       b",
			rows: []string{"a   ", "    ", "b"}},
		{name: "CJK by display width", tw: 5, text: "中文字符测试",
			rows: []string{"中文", "字符", "测试"}},
		{name: "CJK words", tw: 10, text: "你好 世界 再见",
			rows: []string{"你好 世界 ", "再见"}},
		// An emoji with a skin tone is 2 cells for a terminal drawing clusters, 4 for one
		// counting code points: rows fit the larger count.
		{name: "emoji with modifiers stay whole", tw: 5, text: "👍🏽👍🏽👍🏽 ok",
			rows: []string{"👍🏽", "👍🏽", "👍🏽 ", "ok"}},
		{name: "joined emoji are one cluster", tw: 10, text: "👨‍👩‍👧‍👦 ok",
			rows: []string{"👨‍👩‍👧‍👦 ", "ok"}},
		{name: "a cluster wider than the row", tw: 3, text: "👩‍👩‍👧x",
			rows: []string{"👩‍👩‍👧x"}, shown: []string{"…x"}},
		{name: "combining marks stay with their base", tw: 3, text: "e\u0301e\u0301e\u0301e\u0301",
			rows: []string{"e\u0301e\u0301e\u0301", "e\u0301"}},
		{name: "a lone mark is drawn on a space", tw: 5, text: "\u0301a",
			rows: []string{"\u0301a"}, shown: []string{" \u0301a"}},
		{name: "width 1", tw: 1, text: "ab c",
			rows: []string{"a", "b", " ", "c", ""}},
		{name: "width 1 with a wide character", tw: 1, text: "中a",
			rows: []string{"中", "a", ""}, shown: []string{"…", "a", ""}},
		{name: "width 2", tw: 2, text: "中文 a",
			rows: []string{"中", "文", " ", "a"}},
		{name: "width 2 emoji", tw: 2, text: "👍🏽!",
			rows: []string{"👍🏽!", ""}, shown: []string{"…!", ""}},
		{name: "width 2 symbol with a variation selector", tw: 2, text: "☺\ufe0f!",
			rows: []string{"☺\ufe0f", "!"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := editor(c.tw+2, 8, c.text)
			m.Blur()
			if got := rowTexts(m); !slices.Equal(got, c.rows) {
				t.Fatalf("rows %q, want %q", got, c.rows)
			}
			checkRows(t, m)
			want := c.shown
			if want == nil {
				want = c.rows
			}
			got := screen(m)[:len(want)]
			for i := range got {
				got[i] = strings.TrimPrefix(got[i], "│ ")
			}
			if !slices.Equal(got, want) {
				t.Fatalf("shown %q, want %q", got, want)
			}
		})
	}
}

// The prompt gives way when the width leaves it no room, and the text keeps one cell.
func TestPromptCutAtTinyWidths(t *testing.T) {
	for w, prompt := range map[int]string{1: "", 2: "│", 3: "│ "} {
		m := editor(w, 3, "ab")
		if got := ansi.Strip(m.prompt); got != prompt {
			t.Fatalf("width %d: prompt %q, want %q", w, got, prompt)
		}
		if m.tw != w-len([]rune(prompt)) || m.tw < 1 {
			t.Fatalf("width %d: %d cells for text", w, m.tw)
		}
		checkRows(t, m)
	}
	m := editor(0, 0, "x")
	if m.Width() != 1 || m.Height() != 1 {
		t.Fatalf("size %d×%d, want 1×1", m.Width(), m.Height())
	}
	checkRows(t, m)
}

// Resizing wraps the text again, and the cursor stays where it was in the text.
func TestResizeRewraps(t *testing.T) {
	m := editor(13, 5, "one two three four")
	press(m, "ctrl+a", "alt+right", "alt+right") // after "two"
	if got := rowTexts(m); !slices.Equal(got, []string{"one two ", "three four"}) {
		t.Fatalf("rows %q", got)
	}
	m.SetWidth(22)
	if got := rowTexts(m); !slices.Equal(got, []string{"one two three four"}) {
		t.Fatalf("rows after widening %q", got)
	}
	if r, c := cursor(m); r != 0 || c != 7 {
		t.Fatalf("cursor at %d:%d, want 0:7", r, c)
	}
	checkRows(t, m)
}

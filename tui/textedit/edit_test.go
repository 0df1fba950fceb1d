package textedit

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"workshop/internal/testenv/keypress"
)

func TestEditingKeys(t *testing.T) {
	for _, c := range []struct {
		name  string
		text  string // the cursor starts at its end
		keys  []string
		typed string // typed after the keys
		want  string
	}{
		{name: "type", text: "", typed: "hello world", want: "hello world"},
		{name: "space key", text: "a", keys: []string{"space"}, typed: "b", want: "a b"},
		{name: "enter", text: "one", keys: []string{"enter"}, typed: "two", want: "one\ntwo"},
		{name: "insert in the middle", text: "ac", keys: []string{"left"}, typed: "b", want: "abc"},
		{name: "backspace", text: "abc", keys: []string{"backspace"}, want: "ab"},
		{name: "backspace joins lines", text: "ab\ncd", keys: []string{"ctrl+a", "backspace"}, want: "abcd"},
		{name: "backspace at the start", text: "ab", keys: []string{"ctrl+home", "backspace"}, want: "ab"},
		{name: "delete", text: "abc", keys: []string{"ctrl+a", "delete"}, want: "bc"},
		{name: "delete joins lines", text: "ab\ncd", keys: []string{"up", "end", "delete"}, want: "abcd"},
		{name: "delete at the end", text: "ab", keys: []string{"delete", "ctrl+d"}, want: "ab"},
		{name: "ctrl+w deletes the word before", text: "one two  ", keys: []string{"ctrl+w"}, want: "one "},
		{name: "alt+backspace too", text: "one two", keys: []string{"alt+backspace"}, want: "one "},
		{name: "ctrl+w stays in its line", text: "one\ntwo", keys: []string{"ctrl+w", "ctrl+w"}, want: "one"},
		{name: "ctrl+w at a line start joins", text: "one\n", keys: []string{"ctrl+w"}, want: "one"},
		{name: "alt+d deletes the word after", text: "one two", keys: []string{"ctrl+a", "alt+d"}, want: " two"},
		{name: "ctrl+k deletes to the line end", text: "one two\nthree", keys: []string{"up", "ctrl+a", "alt+right", "ctrl+k"}, want: "one\nthree"},
		{name: "ctrl+k at a line end joins", text: "one\ntwo", keys: []string{"up", "end", "ctrl+k"}, want: "onetwo"},
		{name: "ctrl+u deletes to the line start", text: "one\ntwo three", keys: []string{"alt+left", "ctrl+u"}, want: "one\nthree"},
		{name: "ctrl+u at a line start joins", text: "one\ntwo", keys: []string{"ctrl+a", "ctrl+u"}, want: "onetwo"},
		{name: "backspace takes a whole cluster", text: "ae\u0301", keys: []string{"backspace"}, want: "a"},
		{name: "backspace takes a whole emoji", text: "a👍🏽", keys: []string{"backspace"}, want: "a"},
		{name: "a letter typed before a mark takes it", text: "\u0301", keys: []string{"ctrl+a"}, typed: "ex", want: "e\u0301x"},
		{name: "wide characters", text: "中文", keys: []string{"left"}, typed: "字", want: "中字文"},
		{name: "control characters are dropped", text: "", typed: "a\x07\x1b\u0085b", want: "ab"},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := editor(30, 5, c.text)
			press(m, c.keys...)
			typeText(m, c.typed)
			if got := m.Value(); got != c.want {
				t.Fatalf("text %q, want %q", got, c.want)
			}
			checkRows(t, m)
		})
	}
}

// Update says whether the text changed, so a screen stores it only then.
func TestUpdateReportsChanges(t *testing.T) {
	m := editor(20, 3, "ab")
	if m.Update(keypress.Named("left")) {
		t.Fatal("a move reported a change")
	}
	if !m.Update(keypress.Named("x")) || m.Value() != "axb" {
		t.Fatalf("typing reported no change, text %q", m.Value())
	}
	if m.Update(tea.PasteMsg{Content: "\x1b"}) {
		t.Fatal("a paste of nothing printable reported a change")
	}
	if !m.Update(tea.PasteMsg{Content: "12"}) || m.Value() != "ax12b" {
		t.Fatalf("paste: text %q", m.Value())
	}
	if m.Update(tea.WindowSizeMsg{Width: 3}) {
		t.Fatal("another message reported a change")
	}
}

func TestLimit(t *testing.T) {
	m := New(Options{Limit: 5})
	m.Focus()
	typeText(m, "abcdefg")
	if m.Value() != "abcde" || m.Length() != 5 {
		t.Fatalf("typed past the limit: %q (%d)", m.Value(), m.Length())
	}
	press(m, "enter")
	if m.Value() != "abcde" {
		t.Fatalf("a newline went in at the limit: %q", m.Value())
	}
	press(m, "backspace", "backspace", "left")
	if !m.Update(tea.PasteMsg{Content: "XYZW"}) || m.Value() != "abXYc" {
		t.Fatalf("paste not cut to the limit: %q", m.Value())
	}
	if m.InsertString("Q") {
		t.Fatal("an insert at the limit said it fitted")
	}

	// Characters, not cells or bytes, count; an emoji is never cut in half.
	m = New(Options{Limit: 4})
	m.SetValue("中文字符测试")
	if m.Value() != "中文字符" || m.Length() != 4 {
		t.Fatalf("set past the limit: %q", m.Value())
	}
	m = New(Options{Limit: 3})
	m.Focus()
	m.Update(tea.PasteMsg{Content: "a👍🏽b"}) // 👍🏽 is two runes
	if m.Value() != "a👍🏽" {
		t.Fatalf("paste cut %q", m.Value())
	}
	m.Update(tea.PasteMsg{Content: "👍🏽"})
	if m.Value() != "a👍🏽" {
		t.Fatalf("half an emoji went in: %q", m.Value())
	}
}

func TestPaste(t *testing.T) {
	m := editor(30, 5, "start end")
	press(m, "alt+left")
	m.Update(tea.PasteMsg{Content: "one\r\ntwo\rthree\tfour\x00 "})
	if want := "start one\ntwo\nthree    four end"; m.Value() != want {
		t.Fatalf("text %q, want %q", m.Value(), want)
	}
	if r, c := cursor(m); r != 2 || c != 14 {
		t.Fatalf("cursor at %d:%d, want after the paste (2:14)", r, c)
	}
	checkRows(t, m)

	// The Clean option sees the text first.
	m = New(Options{Clean: strings.ToUpper})
	m.Focus()
	m.Update(tea.PasteMsg{Content: "abc"})
	typeText(m, "d")
	if m.Value() != "ABCD" {
		t.Fatalf("Clean not applied: %q", m.Value())
	}
}

func TestBlurredIgnoresKeys(t *testing.T) {
	m := editor(20, 3, "ab")
	m.Blur()
	if m.Focused() {
		t.Fatal("focused after Blur")
	}
	typeText(m, "x")
	press(m, "backspace", "left")
	m.Update(tea.PasteMsg{Content: "y"})
	if m.Value() != "ab" || m.pos != 2 {
		t.Fatalf("a blurred editor took keys: %q at %d", m.Value(), m.pos)
	}
	if strings.Contains(m.View(), "\x1b[7m") {
		t.Fatalf("a blurred editor shows its cursor: %q", m.View())
	}
	m.Focus()
	if !strings.Contains(m.View(), "\x1b[7m \x1b[m") {
		t.Fatalf("no cursor at the end of the text: %q", m.View())
	}
}

func TestAccessors(t *testing.T) {
	m := editor(20, 4, "one\ntwo\n")
	if m.LineCount() != 3 || m.Length() != 8 || m.Width() != 20 || m.Height() != 4 {
		t.Fatalf("lines %d length %d size %d×%d", m.LineCount(), m.Length(), m.Width(), m.Height())
	}
	m.SetValue("")
	if m.LineCount() != 1 || m.Length() != 0 || m.Value() != "" {
		t.Fatalf("after clearing: lines %d length %d", m.LineCount(), m.Length())
	}
}

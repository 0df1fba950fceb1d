package textedit

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// The benchmarks set both editors up as the reflection screen does, at 80×10, empty and with
// 1,000 characters of text, and compare: making one (New, with the text set), making one and
// drawing it (NewView), drawing it again when nothing changed (View), and a key typed followed
// by a draw (TypeView).
//
//	go test -run '^$' -bench . -benchmem ./tui/textedit/

const benchW, benchH = 80, 10

// benchText is 1,000 characters of prose in a few paragraphs.
var benchText = func() string {
	words := strings.Fields("people wait at the counter for a form that could be filled in online " +
		"so the service team maps each step and asks what the citizen needs at that moment")
	var b strings.Builder
	for i := 0; b.Len() < 1000; i++ {
		if i > 0 {
			if i%37 == 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(words[i%len(words)])
	}
	return b.String()[:1000]
}()

var benchTexts = []struct{ name, text string }{{"empty", ""}, {"1000", benchText}}

func newTextarea(text string) textarea.Model {
	a := textarea.New()
	a.ShowLineNumbers = false
	a.Prompt = "│ "
	a.CharLimit = 4000
	a.MaxHeight = 0
	a.Placeholder = "Write your answer here…"
	st := textarea.DefaultStyles(true)
	st.Cursor.Blink = false
	a.SetStyles(st)
	a.SetWidth(benchW)
	a.SetHeight(benchH)
	a.Focus()
	a.SetValue(text)
	return a
}

func newTextedit(text string) *Model {
	m := New(Options{Prompt: "│ ", Placeholder: "Write your answer here…", Limit: 4000, Styles: benchStyles})
	m.SetWidth(benchW)
	m.SetHeight(benchH)
	m.Focus()
	m.SetValue(text)
	return m
}

// benchStyles are made once, as a screen makes them once for all its editors.
var benchStyles = NewStyles(lipgloss.NewStyle().Reverse(true), lipgloss.NewStyle().Foreground(lipgloss.Color("240")),
	lipgloss.NewStyle().Foreground(lipgloss.Color("7")))

var sink string

func BenchmarkNew(b *testing.B) {
	for _, tc := range benchTexts {
		b.Run("textarea/"+tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				a := newTextarea(tc.text)
				sink = a.Value()
			}
		})
		b.Run("textedit/"+tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sink = newTextedit(tc.text).Value()
			}
		})
	}
}

// BenchmarkNewView makes an editor and draws it once: what a screen moved to a reflection step
// pays.
func BenchmarkNewView(b *testing.B) {
	for _, tc := range benchTexts {
		b.Run("textarea/"+tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				a := newTextarea(tc.text)
				sink = a.View()
			}
		})
		b.Run("textedit/"+tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sink = newTextedit(tc.text).View()
			}
		})
	}
}

func BenchmarkView(b *testing.B) {
	for _, tc := range benchTexts {
		b.Run("textarea/"+tc.name, func(b *testing.B) {
			a := newTextarea(tc.text)
			b.ReportAllocs()
			for b.Loop() {
				sink = a.View()
			}
		})
		b.Run("textedit/"+tc.name, func(b *testing.B) {
			m := newTextedit(tc.text)
			b.ReportAllocs()
			for b.Loop() {
				sink = m.View()
			}
		})
	}
}

// BenchmarkTypeView types one character and draws, alternating with a backspace so that the
// text keeps its length. The last case is the worst for the editor: a key in one paragraph of
// 4,000 characters (the default limit), which is wrapped again whole.
func BenchmarkTypeView(b *testing.B) {
	keys := []tea.KeyPressMsg{{Code: 'x', Text: "x"}, {Code: tea.KeyBackspace}}
	long := strings.ReplaceAll(strings.Repeat(benchText, 4), "\n", " ")
	b.Run("textedit/4000-one-paragraph", func(b *testing.B) {
		m := newTextedit(long)
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			m.Update(keys[i%2])
			sink = m.View()
			i++
		}
	})
	for _, tc := range benchTexts {
		b.Run("textarea/"+tc.name, func(b *testing.B) {
			a := newTextarea(tc.text)
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				a, _ = a.Update(keys[i%2])
				sink = a.View()
				i++
			}
		})
		b.Run("textedit/"+tc.name, func(b *testing.B) {
			m := newTextedit(tc.text)
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				m.Update(keys[i%2])
				sink = m.View()
				i++
			}
		})
	}
}

package exercise

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"workshop/i18n"
	"workshop/session"
	"workshop/tui/ui"
)

// lineInput is the one-line text field of the editors (a list item, a cell, a note): it cleans
// what is pasted, keeps to the exercise's length limit, says so when a paste is cut, and shows
// how much room is left.
type lineInput struct {
	st    *ui.Styles
	p     *i18n.Printer
	ti    textinput.Model
	label string
	limit int
	cut   bool // the last paste was cut to fit
}

func newLineInput(st *ui.Styles, p *i18n.Printer, label, value string, limit, width int) lineInput {
	ti := textinput.New()
	ti.Prompt = ""
	ti.CharLimit = limit
	ti.Placeholder = p.T("type here, enter to save, esc to cancel")
	ui.SteadyCursor(&ti)
	ti.SetValue(value)
	ti.CursorEnd()
	in := lineInput{st: st, p: p, ti: ti, label: label, limit: limit}
	in.resize(width)
	return in
}

func (in *lineInput) focus() tea.Cmd { return in.ti.Focus() }

func (in *lineInput) resize(width int) {
	in.ti.SetWidth(max(width-3, 4))
}

// value is the text typed, as a single clean line.
func (in *lineInput) value() string { return session.CleanLine(in.ti.Value()) }

func (in *lineInput) update(msg tea.Msg) tea.Cmd {
	in.cut = false
	if p, ok := msg.(tea.PasteMsg); ok {
		text := session.CleanLine(p.Content)
		room := in.limit - utf8.RuneCountInString(in.ti.Value())
		if utf8.RuneCountInString(text) > room {
			text = string([]rune(text)[:max(room, 0)])
			in.cut = true
		}
		p.Content = text
		var cmd tea.Cmd
		in.ti, cmd = in.ti.Update(p)
		return cmd
	}
	var cmd tea.Cmd
	in.ti, cmd = in.ti.Update(msg)
	return cmd
}

// lines draws the field: its label and room left, then the text.
func (in *lineInput) lines(width int) []string {
	n := utf8.RuneCountInString(in.ti.Value())
	count := fmt.Sprintf("%d/%d", n, in.limit)
	if in.cut {
		count = in.p.T("pasted text cut to fit %d characters · %s", in.limit, count)
	}
	// The label says what is being typed: it wraps rather than being cut, with the count on
	// its last line.
	label := strings.Split(ui.Wrap(in.label, max(width-ui.CellWidth(count)-2, 8)), "\n")
	if len(label) > 2 {
		label = []string{label[0], ui.Truncate(label[1]+" …", max(width-ui.CellWidth(count)-2, 8))}
	}
	var out []string
	for i, l := range label {
		l = in.st.Accent.Render(l)
		if i == len(label)-1 {
			l = ui.Spread(l, in.st.Muted.Render(count), width)
		}
		out = append(out, l)
	}
	return append(out, "› "+in.ti.View())
}

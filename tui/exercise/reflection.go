package exercise

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"workshop/session"
	"workshop/session/work"
	"workshop/tui/textedit"
	"workshop/tui/ui"
)

// reflection is the editor for free text written to a prompt: word-wrapped, pasted text
// cleaned and cut to the length limit with a message, a draft stored whenever typing pauses.
// The text editor keeps its own view until the text, the cursor, the size or the focus change,
// so a frame that changes none of them (a countdown, someone else's change) costs it nothing.
type reflection struct {
	*exBase
	area  *textedit.Model
	limit int
	// placeholder is what the empty editor shows, in the participant's language.
	placeholder string
	// sized is what the text area was last sized from and the height it was given: a frame
	// sizes it once on a move and again to draw it, for the same status, size and styles.
	sized struct {
		height, width, foot int
		style               string
		area                int
		ok                  bool
	}
}

func newReflection(b *exBase) *reflection {
	r := &reflection{exBase: b, limit: b.ex.TextLimit(), placeholder: b.T("Write your answer here…")}
	r.area = textedit.New(textedit.Options{
		Prompt:      "│ ",
		Placeholder: r.placeholder,
		Limit:       r.limit,
		Styles:      b.st.Editor,
		Clean:       session.CleanText, // what is typed is cleaned as a paste is
	})
	if t, ok := b.value.(*work.Reflection); ok {
		r.area.SetValue(t.Text) // b.saved holds it already
	} else {
		b.value = &work.Reflection{}
		b.saved = b.encode()
	}
	return r
}

func (r *reflection) text() *work.Reflection { return r.value.(*work.Reflection) }

func (r *reflection) Focus() tea.Cmd {
	r.focused = true
	r.area.Focus()
	return nil
}

func (r *reflection) Blur() {
	r.focused = false
	r.area.Blur()
}

func (r *reflection) Typing() bool               { return r.area.Focused() }
func (r *reflection) Wants(tea.KeyPressMsg) bool { return false }
func (r *reflection) Refresh(d Data) Editor      { r.refresh(d); return r }
func (r *reflection) Leave() tea.Cmd             { return r.leave() }
func (r *reflection) Resize(w, h int) Editor {
	r.width, r.height = w, h
	r.area.SetStyles(r.st.Editor) // the styles change once the terminal's colours are known
	r.area.SetWidth(w)
	r.sizeArea()
	return r
}
func (r *reflection) sizeArea() { r.sizeAreaFor(r.statusLine(r.count())) }

// sizeAreaFor sizes the text area above status, the status line as drawn.
func (r *reflection) sizeAreaFor(status string) {
	foot := strings.Count(status, "\n") + 1
	// The prompt is the editor's own and wrapped for the width and styles: with the height
	// and the status's lines, they are all the area's height is worked out from.
	z := &r.sized
	if !z.ok || z.height != r.height || z.width != r.width || z.foot != foot || z.style != r.st.Markdown {
		z.height, z.width, z.foot, z.style, z.ok = r.height, r.width, foot, r.st.Markdown, true
		z.area = max(r.height-foot-len(r.fitPrompt(r.height-foot)), 1)
	}
	r.area.SetHeight(z.area)
}

// count is the characters written against the limit, for the status line.
func (r *reflection) count() string {
	return strconv.Itoa(r.area.Length()) + "/" + strconv.Itoa(r.limit)
}
func (r *reflection) ShortHelp() []key.Binding {
	return []key.Binding{r.k.Submit, ui.Relabel(r.k.Enter, "enter", r.T("new line"))}
}

func (r *reflection) Update(msg tea.Msg) (Editor, tea.Cmd) {
	if cmd, ok := r.common(msg); ok {
		return r, cmd
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if key.Matches(msg, r.k.Submit) {
			if strings.TrimSpace(session.CleanText(r.area.Value())) == "" {
				r.refuse(r.T("write something before submitting"))
				return r, nil
			}
			r.text().Text = r.area.Value()
			return r, r.submit()
		}
		if err := r.writable(); err != nil && !textedit.Moves(msg) {
			r.fail(err)
			return r, nil
		}
	case tea.PasteMsg:
		if err := r.writable(); err != nil {
			r.fail(err)
			return r, nil
		}
		if !r.area.Focused() {
			return r, nil
		}
		fitted := r.area.InsertString(msg.Content)
		cmd := r.changed()
		if !fitted {
			r.refuse(r.T("the pasted text was cut to fit the %d-character limit", r.limit))
		}
		return r, cmd
	}
	if r.area.Update(msg) {
		return r, r.changed()
	}
	return r, nil
}

// FullHelp is the short help and the editor's own keys beyond the arrows: by word, by line,
// and the deletions of a shell's line editor.
func (r *reflection) FullHelp() [][]key.Binding {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return [][]key.Binding{append(r.ShortHelp(),
		b([]string{"alt+left", "alt+right"}, "alt+←→", r.T("word by word")),
		b([]string{"ctrl+a", "ctrl+e"}, "ctrl+a/e", r.T("line start/end")),
		b([]string{"ctrl+w", "alt+backspace"}, "ctrl+w", r.T("delete word")),
		b([]string{"ctrl+k", "ctrl+u"}, "ctrl+k/u", r.T("delete to end/start")),
	)}
}

// changed takes the text into the work and stores it once typing pauses.
func (r *reflection) changed() tea.Cmd {
	r.message, r.isError = "", false
	r.text().Text = r.area.Value()
	return r.schedule(r.env.Typing)
}

func (r *reflection) View() string {
	status := r.statusLine(r.count())
	r.sizeAreaFor(status)
	if s, ok := r.emptyView(status); ok {
		return s
	}
	body := strings.Split(r.area.View(), "\n")
	return r.frame(body, 0, len(body)-1, status)
}

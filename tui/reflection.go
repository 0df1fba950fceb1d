package tui

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"

	"workshop/session"
	"workshop/session/work"
)

// reflection is the editor for free text written to a prompt: word-wrapped, pasted text
// cleaned and cut to the length limit with a message, a draft stored whenever typing pauses.
type reflection struct {
	*exBase
	area  textarea.Model
	limit int
	// drawn is the text area's last view, kept until something changes it: drawing a text area
	// is the costliest part of a frame, and most frames (a countdown, someone else's change)
	// leave it as it was.
	drawn struct {
		view          string
		width, height int
		stale         bool
	}
}

func newReflection(b *exBase) *reflection {
	r := &reflection{exBase: b, limit: b.ex.TextLimit()}
	r.drawn.stale = true
	r.area = textarea.New()
	r.area.ShowLineNumbers = false
	r.area.Prompt = "│ "
	r.area.CharLimit = r.limit
	r.area.MaxHeight = 0
	r.area.Placeholder = "Write your answer here…"
	styles := textarea.DefaultStyles(b.st.Dark)
	styles.Cursor.Blink = false // no redraw twice a second over thin connections
	r.area.SetStyles(styles)
	if t, ok := b.value.(*work.Reflection); ok {
		r.area.SetValue(t.Text)
	} else {
		b.value = &work.Reflection{}
	}
	b.saved = b.encode()
	return r
}

func (r *reflection) text() *work.Reflection { return r.value.(*work.Reflection) }

func (r *reflection) Focus() tea.Cmd {
	r.focused, r.drawn.stale = true, true
	return r.area.Focus()
}

func (r *reflection) Blur() {
	r.focused, r.drawn.stale = false, true
	r.area.Blur()
}

func (r *reflection) Typing() bool               { return r.area.Focused() }
func (r *reflection) Wants(tea.KeyPressMsg) bool { return false }
func (r *reflection) Refresh(d exData) exercise  { r.refresh(d); return r }
func (r *reflection) Leave() tea.Cmd             { return r.leave() }
func (r *reflection) FullHelp() [][]key.Binding  { return [][]key.Binding{r.ShortHelp()} }
func (r *reflection) Resize(w, h int) exercise {
	r.width, r.height, r.drawn.stale = w, h, true
	r.area.SetWidth(w)
	r.sizeArea()
	return r
}
func (r *reflection) sizeArea() { r.area.SetHeight(max(r.height-1-len(r.fitPrompt(r.height-1)), 1)) }
func (r *reflection) ShortHelp() []key.Binding {
	return []key.Binding{r.k.Submit, relabel(r.k.Enter, "enter", "new line")}
}

func (r *reflection) Update(msg tea.Msg) (exercise, tea.Cmd) {
	r.drawn.stale = true // any message may move the cursor, select or type
	if cmd, ok := r.common(msg); ok {
		return r, cmd
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if key.Matches(msg, r.k.Submit) {
			if strings.TrimSpace(session.CleanText(r.area.Value())) == "" {
				r.refuse("write something before submitting")
				return r, nil
			}
			r.text().Text = r.area.Value()
			return r, r.submit()
		}
		if err := r.writable(); err != nil && !isMovement(msg) {
			r.fail(err)
			return r, nil
		}
	case tea.PasteMsg:
		if err := r.writable(); err != nil {
			r.fail(err)
			return r, nil
		}
		msg.Content = session.CleanText(msg.Content)
		cut := utf8.RuneCountInString(msg.Content) > r.limit-utf8.RuneCountInString(r.area.Value())
		var cmd tea.Cmd
		r.area, cmd = r.area.Update(msg)
		cmd = tea.Batch(cmd, r.changed())
		if cut {
			r.refuse(fmt.Sprintf("the pasted text was cut to fit the %d-character limit", r.limit))
		}
		return r, cmd
	}
	before := r.area.Value()
	var cmd tea.Cmd
	r.area, cmd = r.area.Update(msg)
	if r.area.Value() != before {
		return r, tea.Batch(cmd, r.changed())
	}
	return r, cmd
}

// changed takes the text into the work and stores it once typing pauses.
func (r *reflection) changed() tea.Cmd {
	r.message, r.isError = "", false
	r.text().Text = r.area.Value()
	return r.schedule(r.env.typing)
}

// isMovement says whether a key only moves the cursor, which a locked answer still allows.
func isMovement(msg tea.KeyPressMsg) bool {
	switch msg.String() {
	case "up", "down", "left", "right", "home", "end", "pgup", "pgdown", "ctrl+home", "ctrl+end":
		return true
	}
	return false
}

func (r *reflection) View() string {
	r.sizeArea()
	count := fmt.Sprintf("%d/%d", utf8.RuneCountInString(r.area.Value()), r.limit)
	if r.drawn.stale || r.drawn.width != r.area.Width() || r.drawn.height != r.area.Height() {
		r.drawn.view, r.drawn.width, r.drawn.height, r.drawn.stale = r.area.View(), r.area.Width(), r.area.Height(), false
	}
	body := strings.Split(r.drawn.view, "\n")
	return r.frame(body, 0, len(body)-1, r.statusLine(count))
}

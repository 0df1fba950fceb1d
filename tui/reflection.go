package tui

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"

	"workshop/content"
	"workshop/session"
)

// ReflectionSchema is the version of the stored layout of a reflection answer.
const ReflectionSchema = 1

// ReflectionData is a reflection answer as stored.
type ReflectionData struct {
	Text string `json:"text"`
}

// draftDelay is how long typing must pause before a draft is saved.
const draftDelay = 1500 * time.Millisecond

// reflection is the editor for free text written to a prompt.
type reflection struct {
	st    *Styles
	keys  KeyMap
	step  content.Step
	limit int
	area  textarea.Model
	width int

	saved     string // text as last stored
	status    session.Status
	savedAt   time.Time
	edits     int // bumps on every change, so only the last pause saves a draft
	saving    bool
	message   string
	isError   bool
	submitKey key.Binding
}

type draftTickMsg struct {
	stepID string
	edits  int
}

func newReflection(st *Styles, keys KeyMap, step content.Step, stored *session.Artifact) *reflection {
	r := &reflection{st: st, keys: keys, step: step, limit: step.Exercise.TextLimit(), submitKey: keys.Submit}
	r.area = textarea.New()
	r.area.ShowLineNumbers = false
	r.area.Prompt = "│ "
	r.area.CharLimit = r.limit
	r.area.Placeholder = "Write your answer here…"
	r.area.SetStyles(textarea.DefaultStyles(st.Dark))
	if stored != nil {
		var d ReflectionData
		if err := json.Unmarshal(stored.Data, &d); err == nil {
			r.area.SetValue(d.Text)
			r.saved = d.Text
		}
		r.status, r.savedAt = stored.Status, stored.UpdatedAt
	}
	return r
}

func (r *reflection) Focus() tea.Cmd { return r.area.Focus() }
func (r *reflection) Blur()          { r.area.Blur() }
func (r *reflection) Typing() bool   { return r.area.Focused() }

func (r *reflection) Resize(w, h int) exercise {
	r.width = w
	r.area.SetWidth(w)
	// Leave room for the prompt line and the status line.
	r.area.SetHeight(max(h-3, 2))
	return r
}

func (r *reflection) data() []byte {
	b, _ := json.Marshal(ReflectionData{Text: r.area.Value()})
	return b
}

func (r *reflection) Update(msg tea.Msg) (exercise, tea.Cmd) {
	switch msg := msg.(type) {
	case workSavedMsg:
		r.saving = false
		if msg.err != nil {
			r.message, r.isError = "Not saved: "+msg.err.Error(), true
			return r, nil
		}
		var d ReflectionData
		_ = json.Unmarshal(msg.artifact.Data, &d)
		r.saved, r.status, r.savedAt = d.Text, msg.artifact.Status, msg.artifact.UpdatedAt
		r.isError = false
		if msg.submit {
			r.message = "Submitted. You can still edit and submit again."
		} else {
			r.message = ""
		}
		return r, nil
	case draftTickMsg:
		if msg.edits == r.edits && r.area.Value() != r.saved && !r.saving {
			r.saving = true
			return r, saveWork(r.step.ID, ReflectionSchema, r.data(), false)
		}
		return r, nil
	case tea.KeyPressMsg:
		if key.Matches(msg, r.submitKey) {
			if strings.TrimSpace(r.area.Value()) == "" {
				r.message, r.isError = "Write something before submitting.", true
				return r, nil
			}
			r.saving = true
			r.edits++
			return r, saveWork(r.step.ID, ReflectionSchema, r.data(), true)
		}
	case tea.PasteMsg:
		msg.Content = session.CleanText(msg.Content)
		if room := r.limit - utf8.RuneCountInString(r.area.Value()); utf8.RuneCountInString(msg.Content) > room {
			r.message, r.isError = fmt.Sprintf("The pasted text was cut to fit the %d-character limit.", r.limit), true
		}
		var cmd tea.Cmd
		r.area, cmd = r.area.Update(msg)
		return r, tea.Batch(cmd, r.changed())
	}
	before := r.area.Value()
	var cmd tea.Cmd
	r.area, cmd = r.area.Update(msg)
	if r.area.Value() != before {
		return r, tea.Batch(cmd, r.changed())
	}
	return r, cmd
}

// changed schedules a draft save once typing pauses.
func (r *reflection) changed() tea.Cmd {
	r.edits++
	edits, stepID := r.edits, r.step.ID
	return tea.Tick(draftDelay, func(time.Time) tea.Msg { return draftTickMsg{stepID: stepID, edits: edits} })
}

func (r *reflection) View() string {
	st := r.st
	prompt := r.step.Exercise.Prompt
	if prompt == "" {
		prompt = "Your answer"
	}
	var b strings.Builder
	b.WriteString(st.Subtitle.Render(truncate(prompt, r.width)) + "\n")
	b.WriteString(r.area.View() + "\n")
	b.WriteString(r.statusLine())
	return b.String()
}

func (r *reflection) statusLine() string {
	st := r.st
	count := fmt.Sprintf("%d/%d", utf8.RuneCountInString(r.area.Value()), r.limit)
	var state string
	switch {
	case r.message != "" && r.isError:
		state = st.Bad.Render(r.message)
	case r.saving:
		state = st.Muted.Render("Saving…")
	case r.area.Value() != r.saved:
		state = st.Warn.Render("Unsaved changes · ctrl+s submits")
	case r.status == session.StatusSubmitted:
		state = st.Good.Render("✓ Submitted " + r.savedAt.Local().Format("15:04"))
		if r.message != "" {
			state += st.Muted.Render(" · " + r.message)
		}
	case r.status == session.StatusDraft:
		state = st.Muted.Render("Draft saved " + r.savedAt.Local().Format("15:04") + " · ctrl+s submits")
	default:
		state = st.Muted.Render("Not started · ctrl+s submits")
	}
	return truncate(state+"  "+st.Muted.Render(count), r.width)
}

func (r *reflection) ShortHelp() []key.Binding {
	return []key.Binding{r.submitKey, key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "new line"))}
}

package tui

import (
	"sync"

	tea "charm.land/bubbletea/v2"

	"workshop/i18n"
	"workshop/session"
)

// languageKey cycles the interface through its languages, in the lobby and on the
// participant's screen. A function key, so that it works while a person types.
const languageKey = "f3"

// langMsg makes the session speak com's language from now on, on the screen shown too.
type langMsg struct{ com *Common }

// langScreen is a screen that can change language where it stands, keeping what the person
// was doing: speak returns it made with com, and what it has to do to finish the change.
type langScreen interface {
	screen
	speak(com *Common) (screen, tea.Cmd)
}

// nextLanguage is the language key: the next language at once, and the choice stored for the
// participant on screen (or, in the lobby, kept until they are known).
func (a App) nextLanguage() (tea.Model, tea.Cmd) {
	if _, ok := a.screen.(langScreen); !ok {
		return a, nil
	}
	com := a.withLang(a.Lang().Next())
	var cmd tea.Cmd
	switch s := a.screen.(type) {
	case *lobby:
		s.chosen = true
		if s.stage == stageRejoin {
			if pv, ok := s.next.(*participantView); ok {
				cmd = a.deps.langChoice.store(a.deps, pv.me.ID, com.Lang())
			}
		}
	case *participantView:
		cmd = a.deps.langChoice.store(a.deps, s.me.ID, com.Lang())
	}
	a, done := a.speak(com)
	return a, tea.Batch(cmd, done)
}

// speak makes the app and its screen speak com's language.
func (a App) speak(com *Common) (App, tea.Cmd) {
	a.Common = com
	var cmd tea.Cmd
	if s, ok := a.screen.(langScreen); ok {
		a.screen, cmd = s.speak(com)
		a.screen = a.screen.Resize(a.bodySize())
	}
	return a, cmd
}

// chosenLanguage stores a session's choices of language one at a time, the newest last: a
// person pressing the language key quickly makes several choices at once, and the one stored
// must be the one on screen. Its zero value is ready; each session's Deps has one.
type chosenLanguage struct {
	mu   sync.Mutex
	want i18n.Lang
}

// store records l as the participant's choice. A choice that could not be stored still holds
// on screen; it is only not found again next time, which the log says.
func (c *chosenLanguage) store(deps *Deps, participantID int64, l i18n.Lang) tea.Cmd {
	return c.keep(deps, l, func(l i18n.Lang) error {
		return deps.Manager.SetParticipantLanguage(deps.Ctx, participantID, l)
	})
}

// keep makes l the choice to store and returns the command that stores the newest choice
// with save, whichever command runs last.
func (c *chosenLanguage) keep(deps *Deps, l i18n.Lang, save func(i18n.Lang) error) tea.Cmd {
	c.mu.Lock()
	c.want = l
	c.mu.Unlock()
	return func() tea.Msg {
		c.mu.Lock()
		defer c.mu.Unlock()
		if err := save(c.want); err != nil {
			logFault(deps.logger(), "store language", err)
		}
		return nil
	}
}

// participantLanguage is the language a participant reads once known, by the house order:
// their stored choice, else their terminal's, else their cohort's module's, else English. A
// choice made in the lobby before they were known is theirs now, and stored.
func participantLanguage(com *Common, h *session.Hub, p session.Participant, chosen bool) *Common {
	deps := com.deps
	if chosen {
		if err := deps.Manager.SetParticipantLanguage(deps.Ctx, p.ID, com.Lang()); err != nil {
			logFault(deps.logger(), "store language", err, "participant", p.ID)
		}
		return com
	}
	own, err := deps.Manager.ParticipantLanguage(deps.Ctx, p.ID)
	if err != nil {
		logFault(deps.logger(), "read language", err, "participant", p.ID)
	}
	cohort := ""
	if m := h.Module(); m != nil {
		cohort = m.Language
	}
	if l := i18n.Choose(own, deps.Terminal, cohort); l != com.Lang() {
		return com.withLang(l)
	}
	return com
}

// reopenMsg carries what the editor on screen handed over as the language changed (a save,
// or nil); reopenEditorMsg waits in the write queue behind it, so the editor is made again in
// the new language only once its work is stored and read back.
type (
	reopenMsg       struct{ saved tea.Msg }
	reopenEditorMsg struct{ step string }
)

// reopenEditor stores what the editor on screen holds and then makes it again, for a change
// of language: an editor speaks the language it was made in.
func (v *participantView) reopenEditor() tea.Cmd {
	leave := v.ex.Leave()
	return func() tea.Msg {
		var saved tea.Msg
		if leave != nil {
			saved = leave()
		}
		return reopenMsg{saved: saved}
	}
}

// onReopen queues the editor's last save, then the new editor behind it.
func (v *participantView) onReopen(msg reopenMsg) tea.Cmd {
	var cmd tea.Cmd
	switch m := msg.saved.(type) {
	case nil:
	case tea.BatchMsg:
		// Saves that do not come one by one cannot be ordered before the new editor: they go
		// their way, and the editor keeps its language until the next step opens.
		return tea.Batch(m...)
	default:
		_, cmd = v.Update(m)
	}
	return tea.Batch(cmd, v.queueWrite(reopenEditorMsg{step: v.exStep}))
}

// reopen makes the editor of the step on screen again, when it is still the one the change
// of language was for.
func (v *participantView) reopen(m reopenEditorMsg) tea.Cmd {
	if v.ex == nil || v.loading || v.exStep != m.step {
		return nil
	}
	return v.loadWork()
}

// The screens that change language where they stand: a screen whose speak drifts from the
// interface stops compiling rather than silently keeping its old language.
var (
	_ langScreen = (*lobby)(nil)
	_ langScreen = (*participantView)(nil)
	_ langScreen = (*console)(nil)
	_ langScreen = (*cohortRoom)(nil)
	_ langScreen = (*bigScreen)(nil)
)

package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"workshop/content"
)

// unsupported stands in for an exercise kind this version cannot edit yet, and says so.
type unsupported struct {
	st    *Styles
	step  content.Step
	width int
}

func newUnsupported(st *Styles, step content.Step) *unsupported {
	return &unsupported{st: st, step: step}
}

func (u *unsupported) Update(tea.Msg) (exercise, tea.Cmd) { return u, nil }
func (u *unsupported) View() string {
	return u.st.Muted.Render(wrap("This step's "+string(u.step.Exercise.Kind)+" exercise is done together in the room: follow your facilitator.", u.width))
}
func (u *unsupported) Resize(w, _ int) exercise { u.width = w; return u }
func (u *unsupported) Focus() tea.Cmd           { return nil }
func (u *unsupported) Blur()                    {}
func (u *unsupported) Typing() bool             { return false }
func (u *unsupported) ShortHelp() []key.Binding { return nil }

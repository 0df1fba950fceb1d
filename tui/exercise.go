package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"workshop/content"
	"workshop/session"
)

// exercise is the editor of one step's exercise. It holds the participant's work and asks the
// participant view to store it by returning saveWorkMsg commands.
type exercise interface {
	Update(msg tea.Msg) (exercise, tea.Cmd)
	View() string
	Resize(width, height int) exercise
	Focus() tea.Cmd
	Blur()
	// Typing says whether printable keys go into a text field.
	Typing() bool
	ShortHelp() []key.Binding
}

// saveWorkMsg asks the participant view to store work on a step.
type saveWorkMsg struct {
	stepID string
	schema int
	data   []byte
	submit bool
}

// workSavedMsg reports the outcome of a save back to the editor of that step.
type workSavedMsg struct {
	stepID   string
	artifact session.Artifact
	submit   bool
	err      error
}

func saveWork(stepID string, schema int, data []byte, submit bool) tea.Cmd {
	return func() tea.Msg { return saveWorkMsg{stepID: stepID, schema: schema, data: data, submit: submit} }
}

// newExercise returns the editor for a step's exercise, filled with stored work if any.
func newExercise(st *Styles, keys KeyMap, step content.Step, stored *session.Artifact) exercise {
	switch step.Exercise.Kind {
	case content.KindReflection:
		return newReflection(st, keys, step, stored)
	}
	return newUnsupported(st, step)
}

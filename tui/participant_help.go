package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// ShortHelp stays within the window together with the app's "more keys" and "leave": the
// editor's few keys and the way back to the guidance, as many as fit, most useful first.
// Everything else is on ? or f1.
func (v *participantView) ShortHelp() []key.Binding {
	var keys []key.Binding
	switch {
	case v.live.handOpen:
		keys = []key.Binding{relabel(v.keys.Enter, "enter", "raise hand"), relabel(v.keys.Back, "esc", "cancel")}
	case v.focus == focusExercise && v.ex != nil:
		keys = v.ex.ShortHelp()
		if !v.ex.Wants(tea.KeyPressMsg{Code: tea.KeyTab}) {
			keys = append(keys, relabel(v.keys.Focus, "tab", "guide"))
		}
	default:
		keys = []key.Binding{relabel(v.keys.StepBack, "[ ]", "steps")}
		if v.ex != nil {
			keys = append(keys, relabel(v.keys.Focus, "tab", "answer"))
		}
		keys = append(keys, relabel(v.ek.Hand, "ctrl+r", "raise hand"))
	}
	// The app adds " • ? more keys • ctrl+c leave" (f1 instead of ? while typing).
	appHelp := 29
	if v.Typing() {
		appHelp++
	}
	return fitHelp(keys, v.width-appHelp)
}

// fitHelp keeps the leading bindings whose help fits in width cells, as the help line draws
// them ("key desc" joined by " • ").
func fitHelp(keys []key.Binding, width int) []key.Binding {
	total := 0
	for i, k := range keys {
		w := cellWidth(k.Help().Key) + 1 + cellWidth(k.Help().Desc)
		if i > 0 {
			w += 3
		}
		if total+w > width {
			return keys[:i]
		}
		total += w
	}
	return keys
}

// FullHelp is two columns, so that with the app's own column it fits 80 columns: the
// exercise's keys first, then reading, moving between steps and the live actions.
func (v *participantView) FullHelp() [][]key.Binding {
	k := v.keys
	screen := []key.Binding{
		relabel(k.Up, "↑↓ k j", "scroll guidance"), relabel(k.PageDown, "pgup pgdn", "page guidance"),
		relabel(k.StepBack, "[ ]", "earlier/later step"), relabel(k.Present, "g", "the group's step"),
		relabel(k.Focus, "tab", "guidance/answer"), relabel(k.Back, "esc", "leave the answer"),
		relabel(v.ek.Hand, "ctrl+r", "raise/lower hand"), relabel(v.ek.Bell, "b", "bell at time up"),
	}
	if v.ex == nil {
		return [][]key.Binding{screen}
	}
	var editor []key.Binding
	for _, g := range v.ex.FullHelp() {
		editor = append(editor, g...)
	}
	return [][]key.Binding{editor, screen}
}

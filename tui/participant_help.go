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
	own := v.screenKeys()
	switch {
	case v.live.handOpen:
		keys = []key.Binding{own.raise, own.cancel}
	case v.focus == focusExercise && v.ex != nil:
		keys = v.ex.ShortHelp()
		if !v.ex.Wants(tea.KeyPressMsg{Code: tea.KeyTab}) {
			keys = append(keys, own.guide)
		}
	default:
		keys = make([]key.Binding, 0, 3)
		keys = append(keys, own.steps)
		if v.ex != nil {
			keys = append(keys, own.answer)
		}
		keys = append(keys, own.hand)
	}
	// The app adds " • ? more keys • ctrl+c leave" (f1 instead of ? while typing), in the
	// participant's language.
	appHelp := v.appHelpWidth()
	if v.Typing() {
		appHelp++
	}
	return fitHelp(keys, v.width-appHelp)
}

// screenHelpKeys are the participant screen's own keys as its help line shows them.
type screenHelpKeys struct {
	com                                       *Common
	raise, cancel, guide, steps, answer, hand key.Binding
}

// screenKeys are the screen's own keys on the help line, relabelled once per Common (its keys
// and language) rather than on every frame. They are shared from one frame to the next, and
// read only.
func (v *participantView) screenKeys() *screenHelpKeys {
	if k := v.helpKeys; k != nil && k.com == v.Common {
		return k
	}
	v.helpKeys = &screenHelpKeys{
		com:    v.Common,
		raise:  relabel(v.keys.Enter, "enter", v.T("raise hand")),
		cancel: relabel(v.keys.Back, "esc", v.T("cancel")),
		guide:  relabel(v.keys.Focus, "tab", v.T("guide")),
		steps:  relabel(v.keys.StepBack, "[ ]", v.T("steps")),
		answer: relabel(v.keys.Focus, "tab", v.T("answer")),
		hand:   relabel(v.ek.Hand, "ctrl+r", v.T("raise hand")),
	}
	return v.helpKeys
}

// appHelpWidth is the width of the app's end of the help line, measured once per language:
// it is asked on every frame, and measuring its bullets takes the slow path.
func (v *participantView) appHelpWidth() int {
	if v.appHelp.p != v.Printer || v.appHelp.p == nil {
		v.appHelp.p = v.Printer
		v.appHelp.width = cellWidth(" • ? " + v.T("more keys") + " • ctrl+c " + v.T("leave"))
	}
	return v.appHelp.width
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
		relabel(k.Up, "↑↓ k j", v.T("scroll guidance")), relabel(k.PageDown, "pgup pgdn", v.T("page guidance")),
		relabel(k.StepBack, "[ ]", v.T("earlier/later step")), relabel(k.Present, "g", v.T("the group's step")),
		relabel(k.Focus, "tab", v.T("guidance/answer")), relabel(k.Back, "esc", v.T("leave the answer")),
		relabel(v.ek.Hand, "ctrl+r", v.T("raise/lower hand")), relabel(v.ek.Bell, "b", v.T("bell at time up")),
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

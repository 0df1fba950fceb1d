package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"workshop/i18n"
)

// maxTypedAhead bounds the keys kept while an editor loads; a person types a few dozen at most.
const maxTypedAhead = 256

// typeAhead keeps a key or paste that arrived while the step's editor was loading, for that
// editor. The keys of a step are never given to another step's editor: loading another step
// forgets them.
func (v *participantView) typeAhead(msg tea.Msg) {
	if len(v.typedAhead) < maxTypedAhead {
		v.typedAhead = append(v.typedAhead, msg)
	}
}

func (v *participantView) onKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := v.keys
	v.notice = i18n.Msg{} // a notice stays until the next key
	if v.live.handOpen {
		return v.onHandKey(msg), true
	}
	if len(v.msgs) > 0 && key.Matches(msg, dismissKey) {
		return v.dismissMessage(), true
	}
	if key.Matches(msg, v.ek.Hand) {
		return v.toggleHand(), true
	}
	if v.focus == focusExercise && v.ex != nil && v.fresh {
		switch {
		case key.Matches(msg, k.StepBack):
			return v.browse(v.viewing - 1), true
		case key.Matches(msg, k.StepAhead):
			return v.browse(v.viewing + 1), true
		}
		v.fresh = false // the participant is at work in the editor now
	}
	if v.focus == focusExercise && v.ex != nil && v.ex.Wants(msg) {
		return nil, false
	}
	switch {
	case key.Matches(msg, k.Focus):
		v.toggleFocus()
		return v.focusCmd(), true
	case key.Matches(msg, k.PageUp, k.PageDown) && !(v.Typing() && strings.HasPrefix(msg.String(), "ctrl+")):
		// ctrl+u and ctrl+d stay line-editing keys in a text field; pgup and pgdn page the
		// guidance from anywhere.
		v.guide.Update(msg)
		return nil, true
	}
	if !v.Typing() {
		switch {
		case key.Matches(msg, k.StepBack):
			return v.browse(v.viewing - 1), true
		case key.Matches(msg, k.StepAhead):
			return v.browse(v.viewing + 1), true
		case key.Matches(msg, v.ek.Bell):
			v.live.bell = !v.live.bell
			v.notice = i18n.M("Bell off.")
			if v.live.bell {
				v.notice = i18n.M("Bell on: your terminal beeps when time is up. Press b to turn it off.")
			}
			return nil, true
		}
	}
	if v.focus == focusExercise && v.ex != nil {
		if key.Matches(msg, k.Back) {
			v.toggleFocus()
			return nil, true
		}
		return nil, false
	}
	switch {
	case key.Matches(msg, k.Up, k.Down):
		v.guide.Update(msg)
		return nil, true
	case key.Matches(msg, k.Prev):
		return v.browse(v.viewing - 1), true
	case key.Matches(msg, k.Next):
		return v.browse(v.viewing + 1), true
	case key.Matches(msg, k.Present):
		return v.browse(v.groupStep()), true
	case key.Matches(msg, k.Enter):
		if v.ex != nil {
			v.focus, v.fresh = focusExercise, false
			v.layout()
			return v.focusCmd(), true
		}
	}
	return nil, false
}

// moveMsg asks to move a self-paced participant to a step; moveDoneMsg reports it.
type (
	moveMsg     struct{ to int }
	moveDoneMsg struct{ err error }
)

// browse shows another step. A participant may look back at earlier steps at any time, and go
// ahead only when the cohort is self-paced.
func (v *participantView) browse(to int) tea.Cmd {
	n := len(v.module().Steps)
	group := v.groupStep()
	to = v.skipToHomework(to)
	self := v.snap.MayMoveTo(to)
	switch {
	case to < 0 || to >= n:
		return nil
	case to > group && !self:
		v.notice = v.aheadNotice()
		return nil
	}
	v.notice = i18n.Msg{}
	v.viewing = to
	v.following = to == group
	load := v.loadWork()
	if self && (to != group || v.moves > 0) {
		// In self-paced mode moving is the participant's own progress.
		// Moves go through the write queue: two quick moves must reach the hub in order, and
		// going back to the stored step while a move away is on its way is a move too.
		v.following, v.moving = true, to
		v.moves++
		return tea.Batch(load, v.queueWrite(moveMsg{to: to}))
	}
	return load
}

func (v *participantView) toggleFocus() {
	v.fresh = false // the participant chose where to type
	if v.focus == focusExercise || v.ex == nil {
		v.focus = focusGuidance
		if v.ex != nil {
			v.ex.Blur()
		}
	} else {
		v.focus = focusExercise
	}
	v.layout()
}

func (v *participantView) focusCmd() tea.Cmd {
	if v.focus == focusExercise && v.ex != nil {
		return v.ex.Focus()
	}
	return nil
}

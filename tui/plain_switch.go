package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"workshop/session"
)

// plainHint tells a participant in the lobby how to reach plain mode. The word to type stays
// "plain" in every language: it is what the lobby reads.
func plainHint(c *Common) string {
	return c.T("Using a screen reader or a simple terminal? Type %s and press enter (or press F2) for plain mode: one line at a time, no redraws.", "plain")
}

// plainMsg asks to leave the full screen for plain mode, as who (nil before joining).
type plainMsg struct{ who *session.Participant }

// isPlainWord says whether what was typed for a code asks for plain mode instead.
func isPlainWord(s string) bool { return strings.EqualFold(strings.TrimSpace(s), "plain") }

// wantsPlain says whether a participant chose plain mode earlier, when the session can switch.
func wantsPlain(deps *Deps, p session.Participant) bool {
	if deps.Mode == nil {
		return false
	}
	plain, err := deps.Manager.WantsPlain(deps.Ctx, p.ID)
	if err != nil {
		deps.logger().Error("read display mode", "err", err, "participant", p.ID)
	}
	return plain
}

// plainKey is F2 on a participant's screen: plain mode, as the participant on screen.
func (a App) plainKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	if msg.String() != "f2" || a.deps.Mode == nil || a.deps.Facilitator != nil {
		return nil, false
	}
	var who *session.Participant
	switch s := a.screen.(type) {
	case *participantView:
		me := s.me
		who = &me
	case *lobby:
		if s.stage == stageBusy {
			return nil, true // a join is on its way: plain mode would not know its outcome
		}
		if s.stage == stageRejoin {
			if pv, ok := s.next.(*participantView); ok {
				me := pv.me
				who = &me
			}
		}
	default:
		return nil, false
	}
	return a.toPlain(who), true
}

// toPlain ends the program so that the front door runs plain mode on the same connection.
func (a App) toPlain(who *session.Participant) tea.Cmd {
	if a.deps.Mode == nil {
		return nil
	}
	a.deps.Mode.toPlain(who)
	return tea.Quit
}

// leaveScreen closes the subscription of the participant screen a program ended on, when the
// session goes on in plain mode: that screen shows nothing any more.
func leaveScreen(m tea.Model) {
	if a, ok := m.(App); ok {
		if v, ok := a.screen.(*participantView); ok {
			v.sub.Close()
		}
	}
}

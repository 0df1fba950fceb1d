package tui

import "workshop/session"

// rejoinCode is the personal rejoin code of the keyless participant on screen, in its display
// form, or "" when there is none (a key holder, a facilitator, someone still in the lobby).
func (a App) rejoinCode() string {
	switch s := a.screen.(type) {
	case *participantView:
		if s.me.RejoinCode != "" {
			return session.FormatRejoinCode(s.me.RejoinCode)
		}
	case *lobby:
		if s.stage == stageRejoin {
			return s.rejoinCode
		}
	}
	return ""
}

// restartLine is the one line a person reads when the server stops under them: that it is
// restarting, and exactly how to come back as themselves.
func restartLine(hint JoinHint, m any) string {
	line := "The server is restarting. Reconnect in a moment with: " + hint.Plain()
	if a, ok := m.(App); ok {
		if code := a.rejoinCode(); code != "" {
			return line + " and your rejoin code " + code
		}
		if !a.deps.Identity.Keyless() {
			return line + " (your key brings you back)"
		}
	}
	return line
}

// crashLine is what a person reads when a bug ended their session.
func crashLine(hint JoinHint) string {
	return "Sorry, something went wrong on the server and this session had to close. " +
		"Work you saw saved is safe. Reconnect with: " + hint.Plain()
}

package tui

import (
	"workshop/i18n"
	"workshop/session"
)

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

// goodbyePrinter is the language of a session's last words: the one its screen spoke, else the
// one its terminal asks for.
func goodbyePrinter(environ []string, m any) *i18n.Printer {
	if a, ok := m.(App); ok && a.Common != nil && a.Printer != nil {
		return a.Printer
	}
	return i18n.New(i18n.Choose("", i18n.FromEnv(environ), ""))
}

// restartLine is the one line a person reads when the server stops under them: that it is
// restarting, and exactly how to come back as themselves.
func restartLine(p *i18n.Printer, hint JoinHint, m any) string {
	if a, ok := m.(App); ok {
		if code := a.rejoinCode(); code != "" {
			return p.T("The server is restarting. Reconnect in a moment with: %s and your rejoin code %s", hint.Plain(), code)
		}
		if !a.deps.Identity.Keyless() {
			return p.T("The server is restarting. Reconnect in a moment with: %s (your key brings you back)", hint.Plain())
		}
	}
	return p.T("The server is restarting. Reconnect in a moment with: %s", hint.Plain())
}

// crashLine is what a person reads when a bug ended their session.
func crashLine(p *i18n.Printer, hint JoinHint) string {
	return p.T("Sorry, something went wrong on the server and this session had to close. Work you saw saved is safe. Reconnect with: %s", hint.Plain())
}

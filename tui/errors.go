package tui

import (
	"log/slog"

	"workshop/i18n"
	"workshop/session"
)

// logger returns the session's logger, or one that discards when none was given (tests).
func (d *Deps) logger() *slog.Logger {
	if d == nil || d.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return d.Log
}

// refusal is the one way an error reaches a screen: the refusal as session words it, in any
// language (session.ErrorMsg), or the plain fault message; the full text goes to the log at
// once, with what was being done.
func (d *Deps) refusal(doing string, err error) i18n.Msg {
	logFault(d.logger(), doing, err)
	return session.ErrorMsg(err)
}

package tui

import (
	"context"
	"log/slog"

	"workshop/session"
	"workshop/session/metrics"
)

// Deps is what every screen of one session may use.
type Deps struct {
	// Ctx ends when the session ends; commands that wait use it so nothing outlives the session.
	Ctx context.Context
	// Render is the server's cache of what renders alike for every session (nil: none).
	Render      *RenderCache
	Manager     *session.Manager
	Identity    session.Identity
	Facilitator *session.Facilitator // nil for participants
	User        string               // the SSH user name, which may carry a join code
	Hint        JoinHint
	Conn        *Conn
	Log         *slog.Logger
	Metrics     *metrics.Metrics // nil counts nothing

	// Actor is who facilitator actions are done by; the hub checks it on every action.
	Actor session.Actor
	// Codes bounds wrong codes typed from Source, this session's connection and address.
	Codes  *session.CodeGuard
	Source session.CodeSource

	// BigScreen says the session came for a cohort's big screen (`ssh view@HOST`), which asks
	// for its view code; ScreenCode is the join code of the cohort a facilitator opened the
	// big screen of (`ssh -t HOST screen CODE`).
	BigScreen  bool
	ScreenCode string

	// Mode is where a screen asks for plain mode (nil: it cannot); Resume is a participant
	// plain mode already identified, for the lobby to go straight to.
	Mode   *modeSwitch
	Resume *session.Participant

	// langChoice stores the languages the person picks with the language key, in order.
	langChoice chosenLanguage

	// Terminal is the locales the client's terminal sent (LANG, LC_*), most preferred first:
	// a person who chose no language reads the interface in the first one it speaks.
	Terminal []string
}

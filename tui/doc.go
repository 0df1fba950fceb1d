// Package tui owns the terminal side: the SSH front door and the Bubble Tea models of every
// screen. It must not import session/sqlite, database/sql or cmd/workshop: it reaches stored state
// only through session.
//
// It holds the terminal side of workshop: the SSH front door that turns an SSH session
// into a Bubble Tea program for an identity, and the models of every screen (lobby, participant
// view, exercise editors, facilitator console). It reaches stored state only through the
// session package.
package tui

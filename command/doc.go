// Package command owns the facilitator's and trainer's actions as commands: each parses its
// arguments, acts through the session's manager and hubs under an explicit session.Actor (whose
// rights every action checks), and formats what is true afterwards, so that the server's shell
// (cmd/workshop) and SSH (tui) mount the same builders and print the same bytes.
//
// It must not import Bubble Tea, wish or SQL: it sees the store only through session, and knows
// nothing of terminals or connections beyond the writers cobra gives it.
package command

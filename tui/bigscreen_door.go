package tui

import (
	"fmt"
	"strings"

	"charm.land/ssh"
	"github.com/spf13/cobra"

	"workshop/i18n"
	"workshop/session"
)

// The big screen is reached two ways: `ssh view@HOST`, which asks for a cohort's view code, or
// a facilitator's `ssh -t HOST screen CODE`, which opens it by join code. Both are
// interactive programs, not commands, so the front door tells them apart here.

// viewUser is the SSH user name that asks for a view code.
const viewUser = "view"

// screenCommand is the SSH command a facilitator opens a cohort's big screen with.
const screenCommand = "screen"

// bigScreenOf says whether a session came for a big screen: ask for the `view` user, who types
// a view code; code for a facilitator's `screen CODE`.
func bigScreenOf(s ssh.Session) (ask bool, code string) {
	if args := s.Command(); len(args) == 2 && args[0] == screenCommand {
		return false, args[1]
	}
	return len(s.Command()) == 0 && strings.EqualFold(s.User(), viewUser), ""
}

// screenCommand hands a facilitator's `screen CODE` to the interactive program when it has a
// terminal, and answers with how to run it otherwise, through p (the facilitator's language).
// The facilitator's rights are checked again when the screen opens the cohort.
func (f *FrontDoor) screenCommand(s ssh.Session, next ssh.Handler, p *i18n.Printer) {
	args := s.Command()
	_, _, pty := s.Pty()
	switch {
	case len(args) != 2:
		_, _ = fmt.Fprintln(s.Stderr(), p.T("usage: %s — opens the big screen of the cohort with join code CODE", f.screenLine("CODE")))
		_ = s.Exit(1)
	case !pty:
		_, _ = fmt.Fprintln(s.Stderr(), p.T("the big screen needs a terminal: run %s", f.screenLine(args[1])))
		_ = s.Exit(1)
	default:
		next(s)
	}
}

// screenHelp is `screen CODE` as the SSH command tree lists it. The front door runs the real
// one as a program before the tree is reached; this one answers only when it is reached
// anyway, which means there was no terminal.
func (f *FrontDoor) screenHelp() *cobra.Command {
	return &cobra.Command{
		Use:   "screen CODE",
		Short: "Open the cohort's big screen: the room, read-only, for a projector (needs ssh -t)",
		Long: `Open the big screen of the cohort with join code CODE in this terminal: how to join, the step,
the meeting, the timer, and what you show everyone (a spotlight, a revealed vote, the matrix).
It follows the room live and takes no keys but q. Run it with ssh -t so it has a terminal. Whoever
has the cohort's view code (cohort show CODE) can open the same screen with ` + f.hint.Line(viewUser) + `.`,
		Example: "  " + f.screenLine("K7MQ2P"),
		Args:    cobra.ExactArgs(1),
		RunE: func(*cobra.Command, []string) error {
			return session.Errorf(session.EInvalid, "the big screen needs a terminal: run it as %s", f.screenLine("CODE"))
		},
	}
}

// screenLine is the ssh line that opens the big screen of the cohort with code.
func (f *FrontDoor) screenLine(code string) string {
	return strings.Replace(f.hint.Plain(), "ssh ", "ssh -t ", 1) + " " + screenCommand + " " + code
}

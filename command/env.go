package command

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"workshop/content"
	"workshop/i18n"
	"workshop/session"
)

// Front is where a command runs, for the few things that must differ between the two: words
// in help, and writing files, which over SSH would land on the server.
type Front int

const (
	// SSH is `ssh HOST COMMAND`: output streams to the caller.
	SSH Front = iota
	// Shell is `workshop COMMAND` at the server's own shell.
	Shell
)

// Prog is the placeholder in usage texts and examples for how a command is run ("workshop" at
// the shell, "ssh -p 2222 HOST" over SSH); SayWhere replaces it.
const Prog = "{prog}"

// Env is everything a command needs, passed explicitly: each front makes one per run.
type Env struct {
	// Open gives the manager the command acts through and a function that releases it. Over
	// SSH it is the server's own manager; at the shell it opens the data directory.
	Open func(ctx context.Context) (*session.Manager, func(), error)
	// Actor is who acts: the SSH caller's key, or the shell user.
	Actor session.Actor
	// JoinLine is the ssh line participants type to join a cohort with code.
	JoinLine func(code string) string
	// Version names the program in exports.
	Version string
	// Now is the clock times on screen are measured from; nil is time.Now.
	Now func() time.Time
	// Front says where the command runs.
	Front Front
	// P prints what the person running the command reads, in their language; nil is English.
	P *i18n.Printer
}

// Printer is the printer of env's reader: English when none was given.
func (e *Env) Printer() *i18n.Printer {
	if e.P == nil {
		return i18n.New(i18n.English)
	}
	return e.P
}

// Fixed opens m itself, for a front that holds one manager for all its commands (the server).
func Fixed(m *session.Manager) func(context.Context) (*session.Manager, func(), error) {
	return func(context.Context) (*session.Manager, func(), error) { return m, func() {}, nil }
}

func (e *Env) now() time.Time {
	if e.Now == nil {
		return time.Now()
	}
	return e.Now()
}

// withManager runs fn with the manager Open gives, releasing it afterwards.
func (e *Env) withManager(ctx context.Context, fn func(m *session.Manager) error) error {
	m, release, err := e.Open(ctx)
	if err != nil {
		return err
	}
	defer release()
	return fn(m)
}

// onHub is a command's run on the hub of the cohort whose join code is its first argument.
func (e *Env) onHub(run func(cmd *cobra.Command, args []string, h *session.Hub) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		return e.withManager(cmd.Context(), func(m *session.Manager) error {
			h, err := hubOf(cmd.Context(), m, args[0])
			if err != nil {
				return err
			}
			return run(cmd, args, h)
		})
	}
}

// hubOf is the hub of the cohort with the join code, or a refusal naming the code.
func hubOf(ctx context.Context, m *session.Manager, code string) (*session.Hub, error) {
	h, err := m.HubByCode(ctx, code)
	if errors.Is(err, session.ErrUnknownCode) {
		return nil, unknownCode(code)
	}
	if err != nil {
		return nil, fmt.Errorf("cohort %q: %w", code, err)
	}
	return h, nil
}

// unknownCode is the refusal of a join code no cohort has, in the words of every command.
func unknownCode(code string) error {
	return session.Errorf(session.ENotFound, "no cohort has the join code %s (see `cohort list`)", strconv.Quote(code))
}

// UsageError is a command line that does not fit its command (wrong arguments): a refusal a
// front may word its own way, naming its own help.
type UsageError struct{ Err error }

func (u *UsageError) Error() string { return u.Err.Error() }
func (u *UsageError) Unwrap() error { return u.Err }

// stepArg finds the step named by args[i:], or the cohort's current step when absent.
func stepArg(h *session.Hub, args []string, i int) (content.Step, int, error) {
	s := h.Snapshot()
	idx := s.Cohort.Step
	if len(args) > i {
		var err error
		if idx, err = session.StepByRef(s.Module, strings.Join(args[i:], " ")); err != nil {
			return content.Step{}, 0, err
		}
	}
	return s.Module.Steps[idx], idx, nil
}

// SayWhere writes into every description and example of the tree how its commands are run
// here, in place of Prog.
func SayWhere(c *cobra.Command, prog string) {
	c.Long = strings.ReplaceAll(c.Long, Prog, prog)
	c.Example = strings.ReplaceAll(c.Example, Prog, prog)
	for _, sub := range c.Commands() {
		SayWhere(sub, prog)
	}
}

// noArgs refuses positional arguments, naming the command's help as the shell shows it (over
// SSH the tree's usage answers replace these words with the SSH form).
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return &UsageError{Err: session.Errorf(session.EInvalid, "%s takes no arguments, got %s (see `%s --help`)", cmd.CommandPath(), strconv.Quote(args[0]), cmd.CommandPath())}
	}
	return nil
}

// paceWord is a pace as a table column shows it, in one word.
func paceWord(p *i18n.Printer, pace session.Pace) string {
	switch pace {
	case session.PaceLed:
		return p.T("pace|led")
	case session.PaceSelf:
		return p.T("pace|self")
	}
	return string(pace)
}

// paceText is a pace as a sentence says it: "facilitator-led", "self-paced".
func paceText(p *i18n.Printer, pace session.Pace) string {
	if pace == session.PaceSelf {
		return p.T("self-paced")
	}
	return p.T("facilitator-led")
}

// since says how long ago t was at now in a few cells ("now", "4m", "1h05"), as the hands and
// roster lists show a raised hand.
func since(p *i18n.Printer, now, t time.Time) string { return session.SinceText(p, now, t) }

// attendanceWord is an attendance status as the attendance list shows it.
func attendanceWord(p *i18n.Printer, status string) string {
	switch session.AttendanceStatus(status) {
	case session.Present:
		return p.T("attendance|present")
	case session.Late:
		return p.T("attendance|late")
	case session.LeftEarly:
		return p.T("attendance|left early")
	case session.Absent:
		return p.T("attendance|absent")
	}
	return status
}

// workWord is the state of a participant's work on a step as the roster shows it.
func workWord(p *i18n.Printer, s session.Status) string {
	switch s {
	case session.StatusDraft:
		return p.T("work|draft")
	case session.StatusSubmitted:
		return p.T("work|submitted")
	case "":
		return "-"
	}
	return string(s)
}

package plain

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"

	"workshop/i18n"
	"workshop/session"
)

// Deps is what a plain session uses, given by the front door.
type Deps struct {
	// Ctx ends when the session ends.
	Ctx      context.Context
	Manager  *session.Manager
	Identity session.Identity
	// User is the SSH user name, which may carry a join or rejoin code.
	User string
	// Codes bounds wrong codes typed from Source, this session's connection and address.
	Codes  *session.CodeGuard
	Source session.CodeSource
	// Track registers a subscription to close when the session ends.
	Track func(*session.Subscription)
	// Resume is a participant the full screen already identified, to go straight to.
	Resume *session.Participant
	// Terminal are the locales the client's session sent (i18n.FromEnv), most wanted first.
	Terminal []string
	// Printer makes the printer of a language; nil for i18n.New (tests give i18n.Strict).
	Printer func(i18n.Lang) *i18n.Printer
	Log     *slog.Logger
}

// Result says how a plain session ended.
type Result struct {
	// Full is set when the participant asked for the full screen; Participant is who they
	// are by then (nil if they had not joined yet).
	Full        bool
	Participant *session.Participant
}

// Run runs a plain session on the session's input and output until the participant leaves,
// asks for the full screen, or the session ends. in should already be paced by the front door.
func Run(d Deps, in io.Reader, out io.Writer) Result {
	if d.Log == nil {
		d.Log = slog.New(slog.DiscardHandler)
	}
	if d.Track == nil {
		d.Track = func(*session.Subscription) {}
	}
	ctx, cancel := context.WithCancel(d.Ctx)
	defer cancel()
	t := newTerm(out)
	lines := make(chan line)
	go readLines(ctx, in, t, lines)
	s := &plainSession{d: d, ctx: ctx, t: t, lines: lines}
	s.speak(i18n.Choose("", d.Terminal, ""))
	return s.run()
}

// plainSession is one participant's plain session: first the lobby, then their cohort.
type plainSession struct {
	d     Deps
	ctx   context.Context
	t     *term
	lines <-chan line
	// p prints in the language the session speaks now; chosen says the person chose it
	// with the language command.
	p      *i18n.Printer
	chosen bool
}

// errLeave ends the session: the participant left or the input ended.
var errLeave = errors.New("left")

// next waits for the next typed line. Empty lines and cut lines come back as they are.
func (s *plainSession) next() (line, error) {
	s.t.ask()
	select {
	case <-s.ctx.Done():
		return line{}, errLeave
	case l, ok := <-s.lines:
		if !ok || l.eof || l.cancel {
			return l, errLeave
		}
		if l.cut {
			s.t.say(msgLineCut(s.p, MaxLine))
		}
		return l, nil
	}
}

func (s *plainSession) run() Result {
	s.t.say(msgWelcome(s.p))
	p, full, err := s.lobby()
	if err != nil || s.t.failed() {
		return Result{}
	}
	if full {
		return Result{Full: true}
	}
	if err := s.d.Manager.SetPlain(s.ctx, p.ID, true); err != nil {
		s.d.Log.Error("store display mode", "err", err, "participant", p.ID)
	}
	s.settle(p)
	r, err := s.enter(p)
	if err != nil {
		s.t.say(s.p.T("Could not open the workshop: %s", reason(s.p, err)))
		return Result{}
	}
	full = r.loop()
	r.leave()
	if full {
		if err := s.d.Manager.SetPlain(context.WithoutCancel(s.ctx), p.ID, false); err != nil {
			s.d.Log.Error("store display mode", "err", err, "participant", p.ID)
		}
		me := r.me
		return Result{Full: true, Participant: &me}
	}
	s.t.say(msgGoodbye(s.p, p.RejoinCode))
	return Result{}
}

// msgLineCut says that a typed line was cut at limit characters.
func msgLineCut(p *i18n.Printer, limit int) string {
	return p.T("That line was longer than %d characters; the rest was left out.", limit)
}

// word splits a typed line into its first word, lower case, and the rest.
func word(s string) (string, string) {
	s = strings.TrimSpace(s)
	w, rest, _ := strings.Cut(s, " ")
	return strings.ToLower(w), strings.TrimSpace(rest)
}

package tui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"sync"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"charm.land/wish/v2/bubbletea"

	"workshop/session"
	"workshop/session/metrics"
)

// JoinHint is how people reach this server, used to print the exact ssh line to read out.
type JoinHint struct {
	Host string
	Port int
}

// Plain returns the ssh command that connects to the server, e.g. "ssh -p 2222 localhost".
func (j JoinHint) Plain() string { return j.command(j.host()) }

// Line returns the ssh command that joins the cohort with the given code.
func (j JoinHint) Line(code string) string { return j.command(code + "@" + j.host()) }

func (j JoinHint) host() string {
	if j.Host == "" {
		return "localhost"
	}
	return j.Host
}

func (j JoinHint) command(target string) string {
	if j.Port == 0 || j.Port == 22 {
		return "ssh " + target
	}
	return "ssh -p " + strconv.Itoa(j.Port) + " " + target
}

// FrontDoor turns SSH sessions into workshop sessions: an interactive program for a terminal,
// or a facilitator command for `ssh HOST COMMAND`.
type FrontDoor struct {
	manager *session.Manager
	log     *slog.Logger
	hint    JoinHint
	metrics *metrics.Metrics // nil counts nothing
	// active counts session handlers still running, so shutdown can wait for them to store
	// what they hold (time on step, presence) before the store closes.
	active sync.WaitGroup
}

// FrontDoorOption changes how a FrontDoor is made.
type FrontDoorOption func(*FrontDoor)

// WithMetrics makes the front door and every screen it opens count sessions and renders
// into x.
func WithMetrics(x *metrics.Metrics) FrontDoorOption { return func(f *FrontDoor) { f.metrics = x } }

// NewFrontDoor returns the front door over a session manager.
func NewFrontDoor(m *session.Manager, logger *slog.Logger, hint JoinHint, opts ...FrontDoorOption) *FrontDoor {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	f := &FrontDoor{manager: m, log: logger, hint: hint}
	for _, o := range opts {
		o(f)
	}
	return f
}

// Middleware returns the server's middlewares in wish order (the last listed runs first):
// commands are handled before anything asks for a terminal.
func (f *FrontDoor) Middleware() []wish.Middleware {
	return []wish.Middleware{f.programMiddleware, f.commandMiddleware, f.logMiddleware}
}

func (f *FrontDoor) logMiddleware(next ssh.Handler) ssh.Handler {
	return func(s ssh.Session) {
		f.active.Add(1)
		defer f.active.Done()
		id := session.IdentityFromKey(s.PublicKey())
		f.log.Info("connect", "remote", s.RemoteAddr().String(), "keyless", id.Keyless(), "command", len(s.Command()) > 0)
		next(s)
		f.log.Info("disconnect", "remote", s.RemoteAddr().String())
	}
}

// programMiddleware runs one Bubble Tea program per interactive session. It replaces wish's
// bubbletea middleware so that the program ends when the session's channel closes even though
// the connection stays open (shared connections), instead of spinning on a closed channel.
func (f *FrontDoor) programMiddleware(next ssh.Handler) ssh.Handler {
	return func(s ssh.Session) {
		_, windows, ok := s.Pty()
		if !ok {
			wish.Println(s, "workshop needs an interactive terminal. Run `ssh -t ...`, or leave out the command to join a workshop.")
			_ = s.Exit(1)
			return
		}
		defer f.metrics.SessionOpened()()
		ctx, cancel := context.WithCancel(s.Context())
		defer cancel()
		conn := &Conn{}
		defer conn.Close()

		app := f.newApp(ctx, s, conn)
		opts := append(bubbletea.MakeOptions(s), tea.WithContext(ctx), tea.WithoutSignalHandler())
		p := tea.NewProgram(app, opts...)
		go func() {
			for {
				select {
				case <-ctx.Done():
					return
				case w, ok := <-windows:
					if !ok {
						// The channel is closed: nobody can see this program any more.
						cancel()
						return
					}
					if w.Width > 0 && w.Height > 0 {
						p.Send(tea.WindowSizeMsg{Width: w.Width, Height: w.Height})
					}
				}
			}
		}()
		final, err := p.Run()
		if err != nil && !errors.Is(err, tea.ErrProgramKilled) {
			f.log.Error("session program ended with an error", "err", err, "remote", s.RemoteAddr().String())
		}
		if app, ok := final.(App); ok {
			// The screen is gone by now, so what could not be stored is said on the plain
			// terminal, where it stays readable after the connection closes.
			// The client's terminal is still raw, so each line ends in CR LF.
			for _, line := range app.Flush() {
				_, _ = io.WriteString(s, strings.ReplaceAll(line, "\n", "\r\n")+"\r\n")
			}
		}
		next(s)
	}
}

// Wait blocks until every session handler has returned, or ctx ends.
func (f *FrontDoor) Wait(ctx context.Context) error {
	done := make(chan struct{})
	go func() {
		f.active.Wait()
		close(done)
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("sessions still ending: %w", ctx.Err())
	}
}

func (f *FrontDoor) newApp(ctx context.Context, s ssh.Session, conn *Conn) App {
	id := session.IdentityFromKey(s.PublicKey())
	deps := &Deps{Ctx: ctx, Manager: f.manager, Identity: id, User: s.User(), Hint: f.hint, Conn: conn, Log: f.log, Metrics: f.metrics}
	if fac, ok, err := f.manager.Facilitators().Lookup(ctx, id); err != nil {
		f.log.Error("facilitator lookup", "err", err)
	} else if ok {
		deps.Facilitator = &fac
	}
	return NewApp(deps)
}

// Conn holds what a session must release when it ends, whichever screen it was on.
type Conn struct {
	mu   sync.Mutex
	subs []*session.Subscription
}

// Track registers a subscription to close when the session ends.
func (c *Conn) Track(s *session.Subscription) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.subs = append(c.subs, s)
}

// Close closes every tracked subscription.
func (c *Conn) Close() {
	c.mu.Lock()
	subs := c.subs
	c.subs = nil
	c.mu.Unlock()
	for _, s := range subs {
		s.Close()
	}
}

// Deps is what every screen of one session may use.
type Deps struct {
	// Ctx ends when the session ends; commands that wait use it so nothing outlives the session.
	Ctx         context.Context
	Manager     *session.Manager
	Identity    session.Identity
	Facilitator *session.Facilitator // nil for participants
	User        string               // the SSH user name, which may carry a join code
	Hint        JoinHint
	Conn        *Conn
	Log         *slog.Logger
	Metrics     *metrics.Metrics // nil counts nothing
}

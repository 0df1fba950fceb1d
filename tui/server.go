package tui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"golang.org/x/time/rate"

	"workshop/i18n"
	"workshop/session"
	"workshop/session/metrics"
	"workshop/tui/frame"
)

// JoinHint is how people reach this server, used to print the exact ssh line to read out.
type JoinHint struct {
	Host string
	Port int
	// Fingerprint is the server's host key fingerprint ("SHA256:…"), which ssh asks people to
	// compare the first time they connect; "" where it is not known.
	Fingerprint string
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
	render  *RenderCache     // shared by every session of this server
	rows    *frame.Rows      // rows converted to a colour profile, shared by every session
	input   InputLimits
	// version names the program in exports.
	version string
	// codes bounds wrong join and rejoin codes across every session of the server.
	codes *session.CodeGuard
	// active counts session handlers still running, so shutdown can wait for them to store
	// what they hold (time on step, presence) before the store closes.
	active sync.WaitGroup

	mu       sync.Mutex
	live     map[*tea.Program]struct{} // interactive sessions' programs, to tell them on stop
	conns    map[ssh.Session]*Conn     // what each open session holds, by session
	stopping bool
	// plainStops end the plain sessions running, to tell them on stop.
	plainStops map[*context.CancelFunc]struct{}

	// wrap, when set, wraps each session's root model: tests put a failing screen in with it.
	wrap func(tea.Model) tea.Model
}

// FrontDoorOption changes how a FrontDoor is made.
type FrontDoorOption func(*FrontDoor)

// WithMetrics makes the front door and every screen it opens count sessions and renders
// into x.
func WithMetrics(x *metrics.Metrics) FrontDoorOption { return func(f *FrontDoor) { f.metrics = x } }

// WithVersion names the program's version in what the front door writes, such as exports.
func WithVersion(v string) FrontDoorOption { return func(f *FrontDoor) { f.version = v } }

// WithCodeGuard makes every session the front door opens count wrong join and rejoin codes in
// g, the one guard of the server. Without it the front door keeps a guard of its own.
func WithCodeGuard(g *session.CodeGuard) FrontDoorOption { return func(f *FrontDoor) { f.codes = g } }

// NewFrontDoor returns the front door over a session manager.
func NewFrontDoor(m *session.Manager, logger *slog.Logger, hint JoinHint, opts ...FrontDoorOption) *FrontDoor {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	f := &FrontDoor{manager: m, log: logger, hint: hint, input: DefaultInputLimits, live: map[*tea.Program]struct{}{}, conns: map[ssh.Session]*Conn{}, render: NewRenderCache(), rows: frame.NewRows()}
	for _, o := range opts {
		o(f)
	}
	if f.codes == nil {
		f.codes = session.NewCodeGuard(logger, nil)
	}
	return f
}

// SetInputLimits changes what one session's input may cost; call it before serving.
func (f *FrontDoor) SetInputLimits(l InputLimits) { f.input = l }

// Middleware returns the server's middlewares in wish order (the last listed runs first):
// commands are handled before anything asks for a terminal, and a panic anywhere in a
// session's handler ends that session only.
func (f *FrontDoor) Middleware() []wish.Middleware {
	return []wish.Middleware{f.programMiddleware, f.commandMiddleware, f.recoverMiddleware, f.logMiddleware}
}

// logMiddleware writes one line when a session ends: who (the key's fingerprint, or keyless),
// from where, in which cohort (once a screen opened one), what command if any, and for how
// long. The start is logged at debug level only, so an ordinary server logs each session once.
func (f *FrontDoor) logMiddleware(next ssh.Handler) ssh.Handler {
	return func(s ssh.Session) {
		f.active.Add(1)
		defer f.active.Done()
		start := time.Now()
		id := session.IdentityFromKey(s.PublicKey())
		identity := id.Fingerprint
		if id.Keyless() {
			identity = "keyless"
		}
		remote := s.RemoteAddr().String()
		f.log.Debug("session started", "remote", remote, "identity", identity, "command", len(s.Command()) > 0)
		conn := f.openConn(s)
		defer func() {
			f.closeConn(s)
			attrs := []any{"remote", remote, "identity", identity}
			if codes := conn.Cohorts(); len(codes) > 0 {
				attrs = append(attrs, "cohort", strings.Join(codes, ","))
			}
			if args := s.Command(); len(args) > 0 {
				attrs = append(attrs, "command", args[0])
			}
			f.log.Info("session ended", append(attrs, "duration", time.Since(start).Round(time.Millisecond).String())...)
		}()
		next(s)
	}
}

// openConn makes the record of what a session holds, for the handlers inside the log
// middleware to fill in.
func (f *FrontDoor) openConn(s ssh.Session) *Conn {
	c := &Conn{}
	f.mu.Lock()
	f.conns[s] = c
	f.mu.Unlock()
	return c
}

func (f *FrontDoor) closeConn(s ssh.Session) {
	f.mu.Lock()
	delete(f.conns, s)
	f.mu.Unlock()
}

// connOf is the record openConn made for s (a fresh one if the log middleware is not in front,
// as in some tests).
func (f *FrontDoor) connOf(s ssh.Session) *Conn {
	f.mu.Lock()
	defer f.mu.Unlock()
	if c, ok := f.conns[s]; ok {
		return c
	}
	return &Conn{}
}

// recoverMiddleware ends a session whose handler panics (a command, or building a screen)
// with a short message to the person and the full story in the log, instead of ending the
// process. Panics inside a running program are caught closer, by its guard.
func (f *FrontDoor) recoverMiddleware(next ssh.Handler) ssh.Handler {
	return func(s ssh.Session) {
		defer func() {
			if r := recover(); r != nil {
				f.log.Error("session ended by a bug", "remote", s.RemoteAddr().String(), "command", strings.Join(s.Command(), " "),
					"panic", fmt.Sprint(r), "stack", string(debug.Stack()))
				// The session is ending either way; a client that cannot take the line has left.
				_, _ = fmt.Fprintln(s.Stderr(), goodbyePrinter(s.Environ(), nil).T("error: something went wrong on the server and this session had to close; the problem was logged. Try again in a moment."))
				_ = s.Exit(1)
			}
		}()
		next(s)
	}
}

// programMiddleware runs one Bubble Tea program per interactive session. It replaces wish's
// bubbletea middleware so that the program ends when the session's channel closes even though
// the connection stays open (shared connections), instead of spinning on a closed channel;
// so that sizes and input are bounded before anything allocates for them; and so that every
// goroutine of the session ends with it.
func (f *FrontDoor) programMiddleware(next ssh.Handler) ssh.Handler {
	return func(s ssh.Session) {
		pty, windows, ok := s.Pty()
		if !ok {
			wish.Println(s, goodbyePrinter(s.Environ(), nil).T("workshop needs an interactive terminal. Run %s, or leave out the command to join a workshop.", "`ssh -t ...`"))
			_ = s.Exit(1)
			return
		}
		defer f.metrics.SessionOpened()()
		ctx, cancel := context.WithCancel(s.Context())
		defer cancel()
		conn := f.connOf(s)
		defer conn.Close()

		// A dumb terminal gets plain mode at once; either mode can hand over to the other.
		in := newSessionInput(ctx, s)
		out := newSessionOutput(s)
		// The big screen has no plain form: it is for a projector, not for reading aloud.
		ask, code := bigScreenOf(s)
		toPlain := session.PlainTerminal(pty.Term) && !ask && code == ""
		var who *session.Participant
		for ctx.Err() == nil {
			if toPlain {
				full, p := f.runPlain(ctx, cancel, s, in, out, windows, conn, who)
				if !full {
					break
				}
				toPlain, who = false, p
				continue
			}
			if toPlain, who = f.runProgram(ctx, cancel, s, pty, windows, conn, in, out, who); !toPlain {
				break
			}
		}
		next(s)
	}
}

// runProgram runs the full-screen program of a session until it ends; toPlain says the
// participant asked for plain mode, as who (nil if they had not joined).
func (f *FrontDoor) runProgram(sessionCtx context.Context, cancel context.CancelFunc, s ssh.Session, pty ssh.Pty, windows <-chan ssh.Window, conn *Conn, in *sessionInput, out io.Writer, resume *session.Participant) (toPlain bool, who *session.Participant) {
	ctx, stop := context.WithCancel(sessionCtx)
	defer stop()
	app := f.newApp(ctx, s, conn)
	sw := &modeSwitch{}
	app.deps.Mode, app.deps.Resume = sw, resume
	var model tea.Model = app
	if f.wrap != nil {
		model = f.wrap(model)
	}
	end := &sessionEnd{log: f.log, remote: s.RemoteAddr().String()}
	p, fw := newProgram(ctx, s, out, pty, newGuard(model, end), f.rows)
	end.quit = func() { go p.Quit() }
	if !f.register(p) {
		fw.Close(restartLine(goodbyePrinter(s.Environ(), model), f.hint, model), closeWait)
		return false, nil
	}
	defer f.unregister(p)

	// One budget for everything this session's client makes the program do.
	events := rate.NewLimiter(rate.Limit(f.input.EventsPerSecond), max(f.input.EventBurst, 1))
	startInput(ctx, cancel, p, in.reader(ctx), events, f.input, f.log)
	go forwardWindows(ctx, cancel, p, windows, events, f.log)

	_, err := p.Run()
	stop() // the input goroutines end at once, leaving what is typed next to the next mode
	if plain, who := sw.take(); plain && err == nil {
		// What the screen had not stored yet is stored before plain mode reads the work.
		last, _, _ := end.state()
		fw.Close(strings.Join(f.flush(last, end), "\n"), closeWait)
		leaveScreen(last)
		return true, who
	}
	cancel()
	if errors.Is(err, tea.ErrProgramPanic) {
		end.fail("a command failed (caught by Bubble Tea, stack on stderr)")
	} else if err != nil && !errors.Is(err, tea.ErrProgramKilled) {
		f.log.Error("session program ended with an error", "err", err, "remote", s.RemoteAddr().String())
	}
	last, panicked, restarting := end.state()
	// What could not be stored is said on the main screen, after the terminal is
	// restored, where it stays readable after the connection closes.
	lines := f.flush(last, end)
	switch {
	case panicked:
		lines = append(lines, crashLine(goodbyePrinter(s.Environ(), last), f.hint))
	case restarting:
		lines = append(lines, restartLine(goodbyePrinter(s.Environ(), last), f.hint, last))
	}
	fw.Close(strings.Join(lines, "\n"), closeWait)
	return false, nil
}

// closeWait bounds how long a session's end waits for its client to take the last bytes: a
// client that stopped reading is cut off by the session's end anyway.
const closeWait = 2 * time.Second

// flush stores what the session's last screen still holds, and returns lines for the person
// about anything that could not be stored. A bug there is logged, not fatal.
func (f *FrontDoor) flush(m tea.Model, end *sessionEnd) (lines []string) {
	defer func() {
		if r := recover(); r != nil {
			f.log.Error("storing a session's last work failed by a bug", "remote", end.remote, "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
			lines = []string{goodbyePrinter(nil, m).T("Some of your last typing may not have been stored: the server hit a problem while saving it.")}
		}
	}()
	if fl, ok := m.(interface{ Flush() []string }); ok {
		return fl.Flush()
	}
	return nil
}

// forwardWindows passes the client's window changes to the program, clamped, and ends the
// session when the channel closes. The loop itself never waits on the program: it is what
// empties the session's requests, and while they are not taken the connection reads nothing
// else either — not even the answers to its keepalives. Changes queue (a few dozen) for a
// sender that delivers them within the session's event budget, since each one redraws the
// whole screen; when the queue is full because the program is busy (or held up writing to a
// client that stopped reading), the newest change replaces the last one queued, so a person
// dragging a window corner still ends at the right size.
func forwardWindows(ctx context.Context, end context.CancelFunc, p *tea.Program, windows <-chan ssh.Window, events *rate.Limiter, log *slog.Logger) {
	defer recoverLog(log, "window changes", end)
	q := &sizeQueue{ctx: ctx, end: end, p: p, events: events, log: log}
	for {
		select {
		case <-ctx.Done():
			return
		case w, ok := <-windows:
			if !ok {
				// The channel is closed: nobody can see this program any more.
				end()
				return
			}
			var m tea.WindowSizeMsg
			m.Width, m.Height = clampSize(w.Width, w.Height)
			q.add(m)
		}
	}
}

// maxQueuedSizes bounds the window changes waiting for the program.
const maxQueuedSizes = 32

// sizeQueue holds window changes for the program. Its sender runs only while changes wait, so
// a session whose window stays put has no goroutine for it.
type sizeQueue struct {
	ctx    context.Context
	end    context.CancelFunc
	p      *tea.Program
	events *rate.Limiter
	log    *slog.Logger

	mu      sync.Mutex
	waiting []tea.WindowSizeMsg
	sending bool // a sender runs
}

func (q *sizeQueue) add(m tea.WindowSizeMsg) {
	q.mu.Lock()
	if len(q.waiting) < maxQueuedSizes {
		q.waiting = append(q.waiting, m)
	} else {
		q.waiting[len(q.waiting)-1] = m
	}
	start := !q.sending
	q.sending = true
	q.mu.Unlock()
	if start {
		go q.send()
	}
}

// send delivers the waiting changes in order, each within the event budget, and ends when
// none is left or the session is over.
func (q *sizeQueue) send() {
	defer recoverLog(q.log, "window sizes", q.end)
	for {
		q.mu.Lock()
		if len(q.waiting) == 0 || q.ctx.Err() != nil {
			q.waiting, q.sending = q.waiting[:0], false
			q.mu.Unlock()
			return
		}
		m := q.waiting[0]
		q.waiting = append(q.waiting[:0], q.waiting[1:]...)
		q.mu.Unlock()
		if q.events.Wait(q.ctx) == nil {
			q.p.Send(m) // returns once the program has ended
		}
	}
}

// register records a session's program so a stop can reach it; it refuses when the server is
// already stopping.
func (f *FrontDoor) register(p *tea.Program) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.stopping {
		return false
	}
	f.live[p] = struct{}{}
	return true
}

func (f *FrontDoor) unregister(p *tea.Program) {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.live, p)
}

// Shutdown tells every interactive session that the server is restarting: each program quits
// the normal way (leaving the alternate screen, showing the cursor), stores what it holds and
// prints one line on how to come back. Sessions that start from now on get that line at once.
// It then waits, until ctx ends, for every session handler (commands too) to return.
func (f *FrontDoor) Shutdown(ctx context.Context) error {
	f.mu.Lock()
	f.stopping = true
	live := make([]*tea.Program, 0, len(f.live))
	for p := range f.live {
		live = append(live, p)
	}
	f.mu.Unlock()
	f.stopPlain()
	for _, p := range live {
		// Send waits for the program's loop, which a stalled client can hold up; it returns
		// once the program ends, so these goroutines end with their sessions.
		go p.Send(restartMsg{})
	}
	return f.Wait(ctx)
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
	deps := &Deps{Ctx: ctx, Terminal: i18n.FromEnv(s.Environ()), Render: f.render, Manager: f.manager, Identity: id, Actor: session.KeyActor(id), User: s.User(), Hint: f.hint, Conn: conn, Log: f.log, Metrics: f.metrics,
		Codes: f.codes, Source: session.CodeSource{Conn: s.Context().SessionID(), Addr: s.RemoteAddr().String()}}
	if fac, ok, err := f.manager.Facilitators().Lookup(ctx, id); err != nil {
		f.log.Error("facilitator lookup", "err", err)
	} else if ok {
		deps.Facilitator = &fac
	}
	deps.BigScreen, deps.ScreenCode = bigScreenOf(s)
	return NewApp(deps)
}

// Conn holds what a session must release when it ends, whichever screen it was on, and the
// cohorts it opened, for the log line at its end.
type Conn struct {
	mu      sync.Mutex
	subs    []*session.Subscription
	cohorts []string
}

// Track registers a subscription to close when the session ends.
func (c *Conn) Track(s *session.Subscription) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.subs = append(c.subs, s)
	if code := s.CohortCode(); !slices.Contains(c.cohorts, code) {
		c.cohorts = append(c.cohorts, code)
	}
}

// Cohorts are the join codes of the cohorts the session opened, in order.
func (c *Conn) Cohorts() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.cohorts)
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

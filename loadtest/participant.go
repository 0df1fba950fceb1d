package loadtest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/charmbracelet/x/vt"
	gossh "golang.org/x/crypto/ssh"
)

// Terminal size every participant asks for.
const (
	termCols = 80
	termRows = 24
)

// maxPending bounds the output kept undrawn; past it the output is drawn at once.
const maxPending = 256 << 10

type eventKind int

const (
	evConnected eventKind = iota // the shell is open
	evReady                      // the step screen shows
	evHit                        // an awaited text appeared
	evFailed                     // the participant failed in the current phase
)

// event is what a participant's goroutine reports to the run.
type event struct {
	idx   int
	phase int
	kind  eventKind
	at    time.Time
	err   error
}

// await is a text a participant's screen is expected to show in a phase; fail is a text that
// means the expected thing went wrong.
type await struct {
	phase      int
	want, fail string
}

// participant is one keyless SSH session with a PTY whose output is drawn by a terminal
// emulator. A single goroutine dials, walks the lobby, and then reads the session's output.
// Past the lobby, output is kept aside with its arrival time and drawn later (drain): while
// nothing is awaited, when it is next awaited; while a screen is awaited, once the run's
// traffic is quiet. Drawing is what costs the tool most, and the server under test shares
// this machine's cores: drawing while the server is still sending would slow the very
// fan-out being timed. A hit still counts from the arrival of the output that completed it.
type participant struct {
	idx    int
	co     int // index of its cohort in the run
	name   string
	code   string
	events chan<- event
	// arrivals counts the output read by every participant of the run, so the run can tell
	// when its traffic is quiet.
	arrivals *atomic.Int64

	conn  *gossh.Client
	stdin io.Writer // a serialWriter: typing and the emulator's answers share it

	mu      sync.Mutex
	emu     *vt.Emulator
	broken  any // a panic from the emulator: the session counts as failed from then on
	pending []byte
	// marks are where each read awaited output ends in pending, and when it arrived.
	marks  []mark
	screen []byte // reused buffer for the screen text
	wait   *await
	// joining is true until the step screen shows; stage is how far through the lobby.
	joining bool
	stage   int
	started time.Time
	// step, steps and title are what the step screen showed when the participant got there.
	step, steps int
	title       string
	closed      bool
	// outbox holds events made under the lock; they are sent once it is released, so a full
	// event channel never blocks someone waiting for the lock.
	outbox []event
}

// mark is the end of one read in pending and its arrival time.
type mark struct {
	end int
	at  time.Time
}

func (p *participant) emitLocked(e event) { p.outbox = append(p.outbox, e) }

// unlock releases the lock and sends what was made under it.
func (p *participant) unlock() {
	out := p.outbox
	p.outbox = nil
	p.mu.Unlock()
	for _, e := range out {
		p.events <- e
	}
}

// join dials addr as a keyless participant of the cohort, opens an 80×24 shell and answers
// the lobby until the step screen shows, then keeps reading the session's output until it
// ends. It reports evConnected, then evReady or evFailed, on p.events (phase 0).
func (p *participant) join(addr string, timeout time.Duration) {
	p.mu.Lock()
	p.started = time.Now()
	p.joining = true
	p.mu.Unlock()
	stdout, err := p.dial(addr, timeout)
	if err != nil {
		p.failJoin(err)
		return
	}
	p.events <- event{idx: p.idx, kind: evConnected, at: time.Now()}
	buf := make([]byte, 16<<10)
	for {
		n, err := stdout.Read(buf)
		if n > 0 {
			p.output(buf[:n], time.Now())
		}
		if err != nil {
			p.ended(err)
			return
		}
	}
}

func (p *participant) dial(addr string, timeout time.Duration) (io.Reader, error) {
	nc, err := net.DialTimeout("tcp", addr, timeout)
	if err != nil {
		return nil, fmt.Errorf("connect: %w", err)
	}
	// The handshake and session set-up share one deadline, cleared once the shell runs.
	_ = nc.SetDeadline(time.Now().Add(timeout))
	cfg := &gossh.ClientConfig{
		User: p.code, // CODE@host: the lobby skips the code prompt
		Auth: []gossh.AuthMethod{gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) {
			return nil, nil // keyless participants are let in without questions
		})},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), // only servers on this machine
	}
	c, chans, reqs, err := gossh.NewClientConn(nc, addr, cfg)
	if err != nil {
		_ = nc.Close() // the handshake failed: nothing to keep
		return nil, fmt.Errorf("ssh handshake: %w", err)
	}
	conn := gossh.NewClient(c, chans, reqs)
	sess, err := conn.NewSession()
	if err != nil {
		_ = conn.Close() // giving up on this session
		return nil, fmt.Errorf("open session: %w", err)
	}
	if err := sess.RequestPty("xterm-256color", termRows, termCols, gossh.TerminalModes{gossh.ECHO: 0}); err != nil {
		_ = conn.Close() // giving up on this session
		return nil, fmt.Errorf("request pty: %w", err)
	}
	stdin, err := sess.StdinPipe()
	if err != nil {
		_ = conn.Close() // giving up on this session
		return nil, err
	}
	stdout, err := sess.StdoutPipe()
	if err != nil {
		_ = conn.Close() // giving up on this session
		return nil, err
	}
	// Taking the stderr pipe (never written with a PTY) spares the copying goroutine the
	// library would start otherwise.
	if _, err := sess.StderrPipe(); err != nil {
		_ = conn.Close() // giving up on this session
		return nil, err
	}
	if err := sess.Shell(); err != nil {
		_ = conn.Close() // giving up on this session
		return nil, fmt.Errorf("start shell: %w", err)
	}
	_ = nc.SetDeadline(time.Time{})
	emu := vt.NewEmulator(termCols, termRows)
	in := &serialWriter{w: stdin}
	p.mu.Lock()
	p.conn, p.stdin, p.emu = conn, in, emu
	p.mu.Unlock()
	// The emulator answers the program's terminal queries (colours, modes) through a pipe
	// that must be read, or its writes would block this participant.
	go func() { _, _ = io.Copy(in, emu) }()
	return stdout, nil
}

// output takes bytes the server sent at arrival time at.
func (p *participant) output(b []byte, at time.Time) {
	p.mu.Lock()
	defer p.unlock()
	if p.broken != nil {
		return
	}
	if p.arrivals != nil {
		p.arrivals.Add(1)
	}
	if p.joining {
		// The lobby answers as it goes: it is not timed against other screens.
		p.drainLocked()
		p.feedLocked(b)
		if p.broken != nil {
			p.reportBrokenLocked()
			return
		}
		p.screen = screenText(p.emu, p.screen)
		p.lobbyLocked(at)
		return
	}
	p.pending = append(p.pending, b...)
	if p.wait != nil {
		p.marks = append(p.marks, mark{end: len(p.pending), at: at})
	}
	if len(p.pending) > maxPending {
		p.drainLocked()
	}
}

// drain draws the output kept aside and returns the events that made; the caller is the one
// who reads the events.
func (p *participant) drain() []event {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.drainLocked()
	out := p.outbox
	p.outbox = nil
	return out
}

// drainLocked draws the output kept aside, read by read where a screen is awaited, checking
// the screen after each read as of its arrival time.
func (p *participant) drainLocked() {
	from := 0
	for _, m := range p.marks {
		if p.wait == nil || p.broken != nil {
			break
		}
		p.feedLocked(p.pending[from:m.end])
		from = m.end
		if p.broken != nil {
			p.reportBrokenLocked()
			break
		}
		p.checkLocked(m.at)
	}
	p.feedLocked(p.pending[from:])
	p.pending = p.pending[:0]
	p.marks = p.marks[:0]
}

// feedLocked draws b, turning an emulator panic into a failed participant.
func (p *participant) feedLocked(b []byte) {
	if len(b) == 0 || p.broken != nil {
		return
	}
	defer func() {
		if r := recover(); r != nil {
			p.broken = r
		}
	}()
	_, _ = p.emu.Write(b)
}

func (p *participant) reportBrokenLocked() {
	err := fmt.Errorf("terminal emulator failed: %v", p.broken)
	switch {
	case p.joining:
		p.joining = false
		p.emitLocked(event{idx: p.idx, kind: evFailed, at: time.Now(), err: err})
	case p.wait != nil:
		p.emitLocked(event{idx: p.idx, phase: p.wait.phase, kind: evFailed, at: time.Now(), err: err})
		p.wait = nil
	}
}

// lobbyLocked answers the lobby's questions as a person would, once each.
func (p *participant) lobbyLocked(at time.Time) {
	s := p.screen
	if bytes.Contains(s, []byte(textBadCode)) {
		p.joining = false
		p.emitLocked(event{idx: p.idx, kind: evFailed, at: at, err: fmt.Errorf("the server does not know cohort %s", p.code)})
		return
	}
	if p.stage >= 1 {
		if n, m, title, ok := stepOnScreen(s); ok {
			p.joining = false
			p.step, p.steps, p.title = n, m, title
			p.emitLocked(event{idx: p.idx, kind: evReady, at: at})
			return
		}
	}
	// The code is in the user name (CODE@host), so the lobby asks only for a name; it may
	// show its code prompt for a moment while it looks the code up, which is not answered.
	switch {
	case p.stage < 2 && bytes.Contains(s, []byte(textKeepCode)):
		_ = p.typeLocked("\r") // a failed write ends the session, which reports itself
		p.stage = 2
	case p.stage < 1 && bytes.Contains(s, []byte(textNamePrompt)):
		_ = p.typeLocked(p.name + "\r") // as above
		p.stage = 1
	}
}

// checkLocked reports the awaited text, or the text that means failure, as the screen shows
// them now.
func (p *participant) checkLocked(at time.Time) {
	w := p.wait
	if w == nil {
		return
	}
	if w.fail == "" {
		// Only one text to find: the rows are read until it shows.
		var hit bool
		if hit, p.screen = screenHas(p.emu, w.want, p.screen); hit {
			p.wait = nil
			p.emitLocked(event{idx: p.idx, phase: w.phase, kind: evHit, at: at})
		}
		return
	}
	p.screen = screenText(p.emu, p.screen)
	if i := bytes.Index(p.screen, []byte(w.fail)); i >= 0 {
		line := p.screen[i:]
		if nl := bytes.IndexByte(line, '\n'); nl >= 0 {
			line = line[:nl]
		}
		p.wait = nil
		p.emitLocked(event{idx: p.idx, phase: w.phase, kind: evFailed, at: at, err: errors.New(string(line))})
		return
	}
	if bytes.Contains(p.screen, []byte(w.want)) {
		p.wait = nil
		p.emitLocked(event{idx: p.idx, phase: w.phase, kind: evHit, at: at})
	}
}

// expect makes the participant report when its screen shows want (or fail) in phase. What
// the screen already shows counts at once: that event is returned rather than sent, since the
// caller is the one who reads the events.
func (p *participant) expect(phase int, want, fail string) (now []event) {
	p.mu.Lock()
	defer func() {
		now = p.outbox
		p.outbox = nil
		p.mu.Unlock()
	}()
	p.wait = &await{phase: phase, want: want, fail: fail}
	if p.closed || p.emu == nil {
		p.wait = nil
		p.emitLocked(event{idx: p.idx, phase: phase, kind: evFailed, at: time.Now(), err: errors.New("session ended")})
		return nil
	}
	p.drainLocked()
	if p.broken != nil {
		p.reportBrokenLocked()
		return nil
	}
	p.checkLocked(time.Now())
	return nil
}

// stopWaiting drops what the participant awaited (a phase that timed out).
func (p *participant) stopWaiting() {
	p.mu.Lock()
	p.wait = nil
	p.marks = p.marks[:0]
	p.mu.Unlock()
}

// typeText sends keys to the session.
func (p *participant) typeText(s string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stdin == nil || p.closed {
		return errors.New("session ended")
	}
	return p.typeLocked(s)
}

func (p *participant) typeLocked(s string) error {
	_, err := io.WriteString(p.stdin, s)
	return err
}

// ended notes that the session's output stopped.
func (p *participant) ended(err error) {
	p.mu.Lock()
	defer p.unlock()
	wasClosed := p.closed
	p.closed = true
	if wasClosed {
		return
	}
	p.drainLocked() // what arrived before the end may be what was awaited
	why := fmt.Errorf("session ended: %w", err)
	if errors.Is(err, io.EOF) {
		why = errors.New("the server closed the session")
	}
	switch {
	case p.joining:
		p.joining = false
		p.emitLocked(event{idx: p.idx, kind: evFailed, at: time.Now(), err: why})
	case p.wait != nil:
		p.emitLocked(event{idx: p.idx, phase: p.wait.phase, kind: evFailed, at: time.Now(), err: why})
		p.wait = nil
	}
}

func (p *participant) failJoin(err error) {
	p.mu.Lock()
	p.joining = false
	p.closed = true
	p.mu.Unlock()
	p.events <- event{idx: p.idx, kind: evFailed, at: time.Now(), err: err}
}

// close ends the session; it reports nothing more.
func (p *participant) close() {
	p.mu.Lock()
	p.closed = true
	p.joining = false
	p.wait = nil
	conn, emu := p.conn, p.emu
	p.mu.Unlock()
	if conn != nil {
		_ = conn.Close()
	}
	if emu != nil {
		// Ends the goroutine that forwards the emulator's answers.
		if c, ok := emu.InputPipe().(io.Closer); ok {
			_ = c.Close()
		}
	}
}

// joiningNow says whether the participant is still in the lobby.
func (p *participant) joiningNow() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.joining
}

// glimpse is the screen's non-blank lines squeezed onto one line, for a failure message.
func (p *participant) glimpse() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.emu == nil {
		return "(not connected)"
	}
	p.drainLocked()
	p.screen = screenText(p.emu, p.screen)
	var parts []string
	for _, l := range strings.Split(string(p.screen), "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			parts = append(parts, l)
		}
	}
	g := strings.Join(parts, " | ")
	if r := []rune(g); len(r) > 300 {
		g = string(r[:300]) + "…"
	}
	return fmt.Sprintf("%q (lobby stage %d)", g, p.stage)
}

// showsStepTitle says whether the screen shows step n of m with a title that starts with
// prefix.
func (p *participant) showsStepTitle(n, m int, prefix string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.emu == nil || p.broken != nil {
		return false
	}
	p.drainLocked()
	if prefix != "" {
		// The step line and the start of its title: the rows are read only down to it.
		var has bool
		has, p.screen = screenHas(p.emu, stepText(n, m)+prefix, p.screen)
		return has
	}
	p.screen = screenText(p.emu, p.screen)
	gn, gm, title, ok := stepOnScreen(p.screen)
	return ok && gn == n && gm == m && title != ""
}

// serialWriter lets one writer at a time through to w. An SSH channel's writes must not
// overlap: x/crypto/ssh builds each data packet in one buffer per channel, so two writes at
// once (typing, and the emulator answering the server's first terminal queries, which come
// with the name prompt) can send a packet mixing both, and the server closes the connection
// on it.
type serialWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *serialWriter) Write(b []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(b)
}

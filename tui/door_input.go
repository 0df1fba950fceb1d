package tui

import (
	"context"
	"io"
	"log/slog"
	"runtime/debug"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	uv "github.com/charmbracelet/ultraviolet"
	"golang.org/x/time/rate"
)

// InputLimits bound what one session's keyboard may cost the server. A person typing, holding
// a key down or pasting stays far below them; a client that floods is slowed down instead of
// slowing everyone else.
type InputLimits struct {
	// EventsPerSecond and EventBurst bound the keys, resizes and other input events a session
	// may deliver to its screen. Each event costs a screen update and a redraw, which is what a
	// keystroke flood burns CPU on; a paste is one event whatever its length.
	EventsPerSecond float64
	EventBurst      int
	// BytesPerSecond and ByteBurst bound the bytes read from the client, pastes included
	// (decrypting and scanning them is the cost here). The burst lets a paste up to MaxPaste
	// through at once.
	BytesPerSecond float64
	ByteBurst      int
	// MaxPaste is the most characters of one paste that reach the screen.
	MaxPaste int
}

// DefaultInputLimits are generous for people: fast typing is about 15 keys a second and key
// repeat about 40, and a paste of MaxPaste characters passes at once.
var DefaultInputLimits = InputLimits{
	EventsPerSecond: 100,
	EventBurst:      200,
	BytesPerSecond:  64 << 10,
	ByteBurst:       64 << 10,
	MaxPaste:        MaxPaste,
}

// readChunk is the most read from the client at a time. It must not exceed ByteBurst: the
// limiter cannot grant more than its burst in one go.
const readChunk = 4 << 10

// inputGate is the session's input as the decoder reads it: paced to a byte rate, with
// pastes bounded. Pacing works by reading later, so SSH flow control makes a flooding client
// wait instead of the server buffering or burning CPU for it.
type inputGate struct {
	ctx   context.Context
	r     io.Reader
	bytes *rate.Limiter
	paste pasteBound
	buf   []byte
	out   []byte // passed bytes not yet returned
	err   error  // the client's read error, returned once out is empty
}

func newInputGate(ctx context.Context, r io.Reader, lim InputLimits) *inputGate {
	chunk := min(readChunk, max(lim.ByteBurst, 1))
	return &inputGate{
		ctx:   ctx,
		r:     r,
		bytes: rate.NewLimiter(rate.Limit(lim.BytesPerSecond), max(lim.ByteBurst, 1)),
		paste: pasteBound{max: lim.MaxPaste},
		buf:   make([]byte, chunk),
	}
}

// Read returns input that passed the gate. Once the session is over it returns io.EOF, so
// the decoder reading it ends too. An error from the client comes after the input read with it.
func (g *inputGate) Read(p []byte) (int, error) {
	for len(g.out) == 0 {
		if g.err != nil {
			return 0, g.err
		}
		if g.ctx.Err() != nil {
			return 0, io.EOF
		}
		n, err := g.r.Read(g.buf)
		g.err = err
		if n > 0 {
			if werr := g.bytes.WaitN(g.ctx, n); werr != nil {
				return 0, io.EOF // the session ended while waiting
			}
			g.out = g.paste.filter(g.out[:0], g.buf[:n])
		}
	}
	n := copy(p, g.out)
	g.out = g.out[n:]
	return n, nil
}

// escWait is how long an ESC, or ESC and one more byte, waits for the rest of a sequence
// before it is taken as the escape key (or alt and that key): Ultraviolet's default.
const escWait = uv.DefaultEscTimeout

// startInput decodes the session's input and delivers it to the program, paced to an event
// rate. The decoding is ours (keyDecoder) rather than Bubble Tea's because Bubble Tea's
// delivers into the program without watching whether the program still runs: when a session
// ends while input is arriving, its decoder stays blocked for good. Ours delivers with
// Program.Send, which returns at once after the program ended, so the one goroutine reading
// here ends with the session: when the gate returns io.EOF (ctx done) or the client's channel
// ends. It also means every input event passes here, where in-band resize reports are
// clamped like any other size. A sequence left unfinished is completed by a timer, not by a
// goroutine waiting for one.
func startInput(ctx context.Context, end context.CancelFunc, p *tea.Program, in io.Reader, events *rate.Limiter, lim InputLimits, log *slog.Logger) {
	gate := newInputGate(ctx, in, lim)
	st := &inputStream{ctx: ctx, p: p, events: events}
	go func() {
		defer recoverLog(log, "input decoder", end)
		defer st.stop()
		buf := make([]byte, readChunk)
		for {
			n, err := gate.Read(buf)
			if n > 0 {
				st.feed(buf[:n], end, log)
			}
			if err != nil {
				if ctx.Err() == nil && err != io.EOF {
					log.Debug("session input ended", "err", err)
				}
				st.flush()
				return
			}
		}
	}()
}

// inputStream is one session's decoding state, shared by the reading goroutine and the timer
// that completes a sequence the client left unfinished.
type inputStream struct {
	ctx    context.Context
	p      *tea.Program
	events *rate.Limiter

	mu    sync.Mutex
	dec   keyDecoder
	out   []uv.Event  // scratch, reused
	timer *time.Timer // armed while the decoder waits for the rest of a sequence
	fed   uint64      // counts feeds, so a timer knows whether bytes came after it was armed
}

// feed decodes b and delivers the events it completes; if a sequence is left unfinished, a
// timer takes it as it is unless more bytes come first.
func (s *inputStream) feed(b []byte, end context.CancelFunc, log *slog.Logger) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fed++
	s.out = s.dec.feed(s.out[:0], b)
	s.deliverLocked()
	if !s.dec.waiting() {
		return
	}
	at := s.fed
	if s.timer != nil {
		s.timer.Stop()
	}
	s.timer = time.AfterFunc(escWait, func() {
		defer recoverLog(log, "input timer", end)
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.fed != at || s.ctx.Err() != nil {
			return // more bytes came, and a newer timer waits for them
		}
		s.out = s.dec.expire(s.out[:0])
		s.deliverLocked()
	})
}

// flush delivers what the client left unfinished when its input ended.
func (s *inputStream) flush() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fed++
	if s.dec.waiting() {
		s.out = s.dec.expire(s.out[:0])
		s.deliverLocked()
	}
}

func (s *inputStream) stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.timer != nil {
		s.timer.Stop()
	}
}

// deliverLocked sends the decoded events to the program, each within the event rate. Wait
// fails at once when the session is over; Send is then a no-op.
func (s *inputStream) deliverLocked() {
	for i, ev := range s.out {
		if ws, ok := ev.(uv.WindowSizeEvent); ok {
			ws.Width, ws.Height = clampSize(ws.Width, ws.Height)
			ev = ws
		}
		if s.events.Wait(s.ctx) == nil {
			s.p.Send(ev)
		}
		s.out[i] = nil // the scratch slice holds no event past its delivery
	}
}

// recoverLog turns a panic on one of a session's own goroutines into a log line and the end of
// that session (end), instead of the end of the process.
func recoverLog(log *slog.Logger, where string, end context.CancelFunc) {
	if r := recover(); r != nil {
		log.Error("panic in session "+where, "panic", r, "stack", string(debug.Stack()))
		end()
	}
}

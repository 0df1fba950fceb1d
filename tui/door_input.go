package tui

import (
	"context"
	"io"
	"log/slog"
	"runtime/debug"

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

// startInput decodes the session's input and delivers it to the program, paced to an event
// rate. The decoder is ours rather than Bubble Tea's because Bubble Tea's delivers into the
// program without watching whether the program still runs: when a session ends while input
// is arriving, its decoder stays blocked for good. Ours delivers with Program.Send, which
// returns at once after the program ended, so every goroutine here ends with the session:
// the forwarder keeps draining until the decoder stops, and the decoder stops when the gate
// returns io.EOF (ctx done) or the client's channel ends. It also means every input event
// passes here, where in-band resize reports are clamped like any other size.
func startInput(ctx context.Context, end context.CancelFunc, p *tea.Program, in io.Reader, term string, events *rate.Limiter, lim InputLimits, log *slog.Logger) {
	gate := newInputGate(ctx, in, lim)
	decoder := uv.NewTerminalReader(gate, term)
	evc := make(chan uv.Event)
	decoded := make(chan struct{})
	go func() {
		defer close(decoded)
		defer recoverLog(log, "input decoder", end)
		if err := decoder.StreamEvents(ctx, evc); err != nil && ctx.Err() == nil {
			log.Debug("session input ended", "err", err)
		}
	}()
	go func() {
		defer recoverLog(log, "input forwarder", end)
		for {
			select {
			case <-decoded:
				return
			case ev := <-evc:
				if ws, ok := ev.(uv.WindowSizeEvent); ok {
					ws.Width, ws.Height = clampSize(ws.Width, ws.Height)
					ev = ws
				}
				// Wait fails at once when ctx is done; Send is then a no-op, and the loop only
				// drains what the decoder still emits.
				if events.Wait(ctx) == nil {
					p.Send(ev)
				}
			}
		}
	}()
}

// recoverLog turns a panic on one of a session's own goroutines into a log line and the end of
// that session (end), instead of the end of the process.
func recoverLog(log *slog.Logger, where string, end context.CancelFunc) {
	if r := recover(); r != nil {
		log.Error("panic in session "+where, "panic", r, "stack", string(debug.Stack()))
		end()
	}
}

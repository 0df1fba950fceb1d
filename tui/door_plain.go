package tui

import (
	"context"
	"fmt"
	"io"
	"runtime/debug"
	"sync"

	"charm.land/ssh"

	"workshop/i18n"
	"workshop/session"
	"workshop/tui/plain"
)

// A session switches between the full screen (a Bubble Tea program) and plain mode (package
// plain) as the participant asks, on one SSH channel: the input is read by one pump that
// either mode takes from in turn, so no key typed at a switch is lost to the mode that ended.

// sessionInput is a session's input, read once from the channel and handed to whichever mode
// runs now.
type sessionInput struct {
	ch   chan []byte
	done chan struct{} // closed when the channel's input ended
	err  error         // why it ended; set before done closes

	mu   sync.Mutex
	left []byte // the part of a chunk the last reader did not take
}

func newSessionInput(ctx context.Context, r io.Reader) *sessionInput {
	in := &sessionInput{ch: make(chan []byte), done: make(chan struct{})}
	go func() {
		defer close(in.done)
		for {
			buf := make([]byte, readChunk)
			n, err := r.Read(buf)
			if n > 0 {
				select {
				case in.ch <- buf[:n]:
				case <-ctx.Done():
					in.err = io.EOF
					return
				}
			}
			if err != nil {
				in.err = err
				return
			}
		}
	}()
	return in
}

// reader returns the input for one mode: it ends (io.EOF) when ctx does, without taking
// input the next mode should read.
func (in *sessionInput) reader(ctx context.Context) io.Reader { return modeInput{in, ctx} }

type modeInput struct {
	in  *sessionInput
	ctx context.Context
}

func (m modeInput) Read(p []byte) (int, error) {
	in := m.in
	in.mu.Lock()
	if len(in.left) > 0 {
		n := copy(p, in.left)
		in.left = in.left[n:]
		in.mu.Unlock()
		return n, nil
	}
	in.mu.Unlock()
	select {
	case <-m.ctx.Done():
		return 0, io.EOF
	case b := <-in.ch:
		n := copy(p, b)
		in.mu.Lock()
		in.left = append(in.left, b[n:]...)
		in.mu.Unlock()
		return n, nil
	case <-in.done:
		return 0, in.err
	}
}

// modeSwitch is how the full screen asks for plain mode: the participant it knows by then,
// if any, goes with it.
type modeSwitch struct {
	mu    sync.Mutex
	plain bool
	who   *session.Participant
}

func (m *modeSwitch) toPlain(p *session.Participant) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.plain, m.who = true, p
}

func (m *modeSwitch) take() (bool, *session.Participant) {
	m.mu.Lock()
	defer m.mu.Unlock()
	plain, who := m.plain, m.who
	m.plain, m.who = false, nil
	return plain, who
}

// runPlain runs a plain session until it ends; full says the participant asked for the full
// screen, as who (nil if they had not joined).
func (f *FrontDoor) runPlain(ctx context.Context, end context.CancelFunc, s ssh.Session, in *sessionInput, out io.Writer, windows <-chan ssh.Window, conn *Conn, resume *session.Participant) (full bool, who *session.Participant) {
	modeCtx, stop := context.WithCancel(ctx)
	defer stop()
	// Window changes mean nothing to a stream of lines, but the requests must still be taken,
	// and a closed channel still ends the session.
	go func() {
		defer recoverLog(f.log, "plain window changes", end)
		for {
			select {
			case <-modeCtx.Done():
				return
			case _, ok := <-windows:
				if !ok {
					end()
					return
				}
			}
		}
	}()
	unregister, ok := f.registerPlain(stop)
	if !ok {
		f.plainGoodbye(out, restartLine(goodbyePrinter(s.Environ(), nil), f.hint, nil))
		return false, nil
	}
	defer unregister()
	id := session.IdentityFromKey(s.PublicKey())
	d := plain.Deps{Ctx: modeCtx, Manager: f.manager, Identity: id, User: s.User(), Codes: f.codes,
		Source: session.CodeSource{Conn: s.Context().SessionID(), Addr: s.RemoteAddr().String()},
		Track:  conn.Track, Resume: resume, Terminal: i18n.FromEnv(s.Environ()), Log: f.log}
	var res plain.Result
	func() {
		defer func() {
			if r := recover(); r != nil {
				f.log.Error("plain session ended by a bug", "remote", s.RemoteAddr().String(), "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
				f.plainGoodbye(out, crashLine(goodbyePrinter(s.Environ(), nil), f.hint))
				res = plain.Result{}
			}
		}()
		res = plain.Run(d, newInputGate(modeCtx, in.reader(modeCtx), f.input), out)
	}()
	if f.isStopping() && !res.Full {
		f.plainGoodbye(out, restartLine(goodbyePrinter(s.Environ(), nil), f.hint, nil))
	}
	return res.Full, res.Participant
}

// plainGoodbye writes a last line on a plain session.
func (f *FrontDoor) plainGoodbye(out io.Writer, line string) {
	_, _ = io.WriteString(out, line+"\r\n")
}

// registerPlain records a plain session so a stop reaches it; it refuses when the server is
// already stopping.
func (f *FrontDoor) registerPlain(stop context.CancelFunc) (func(), bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.stopping {
		return nil, false
	}
	if f.plainStops == nil {
		f.plainStops = map[*context.CancelFunc]struct{}{}
	}
	key := &stop
	f.plainStops[key] = struct{}{}
	return func() {
		f.mu.Lock()
		defer f.mu.Unlock()
		delete(f.plainStops, key)
	}, true
}

// stopPlain ends every plain session, for a server that is stopping; each stores its work
// and says how to come back.
func (f *FrontDoor) stopPlain() {
	f.mu.Lock()
	stops := make([]context.CancelFunc, 0, len(f.plainStops))
	for k := range f.plainStops {
		stops = append(stops, *k)
	}
	f.mu.Unlock()
	for _, stop := range stops {
		stop()
	}
}

func (f *FrontDoor) isStopping() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.stopping
}

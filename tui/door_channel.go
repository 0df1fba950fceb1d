package tui

import (
	"bytes"
	"io"
	"reflect"
	"sync"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// A session's frames are written to its SSH channel directly rather than through
// ssh.Session.Write. With an emulated pty (the server never allocates a real one), Session.Write
// passes every write through the library's pty writer, which turns "\n" into "\r\n" with two
// bytes.ReplaceAll calls: two copies of every frame, whether or not it holds a newline. On a
// move of 2,000 screens those copies were a sixth of all the bytes the server allocated, and
// they and the garbage collection they caused about 4% of its CPU. Frames position every row
// themselves and hold no newline, so they need no translation; crlfWriter still translates
// one that does, as the pty writer would.

// sessionOutput is a session's one way to its terminal, shared by every mode the session
// runs in turn (full screen, plain lines) and their goodbyes. Its writes never overlap: an
// x/crypto/ssh channel builds each data packet in one buffer per channel, so two writes at
// once can send a packet mixing both, which the client takes for a broken connection. That
// can happen when a mode hands over while its client is not reading: the old screen's
// writer gives up waiting after closeWait, still blocked in its write, and the next mode
// starts writing.
type sessionOutput struct {
	mu sync.Mutex
	w  io.Writer
}

func newSessionOutput(s ssh.Session) *sessionOutput { return &sessionOutput{w: directOutput(s)} }

func (o *sessionOutput) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.w.Write(p)
}

// directOutput is where a session's screen output goes: its channel through crlfWriter when
// the session emulates a pty and its channel can be reached; otherwise the session itself.
func directOutput(s ssh.Session) io.Writer {
	if !s.EmulatedPty() {
		return s
	}
	if ch, ok := sessionChannel(s); ok {
		return crlfWriter{ch}
	}
	return s
}

// sessionChannel is the SSH channel under s. The library does not expose it, but its session
// embeds it as the exported field Channel; TestScreenOutputGoesToTheChannel notices if that
// changes, and the screen then goes through the session as before.
func sessionChannel(s ssh.Session) (gossh.Channel, bool) {
	v := reflect.ValueOf(s)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return nil, false
	}
	f := v.Elem().FieldByName("Channel")
	if !f.IsValid() || !f.CanInterface() {
		return nil, false
	}
	ch, ok := f.Interface().(gossh.Channel)
	return ch, ok && ch != nil
}

// crlfWriter writes to w with every "\n" not preceded by "\r" written as "\r\n", as the emulated
// pty does; output without such a newline is written as it is, without a copy.
type crlfWriter struct{ w io.Writer }

func (c crlfWriter) Write(p []byte) (int, error) {
	if !loneNewline(p) {
		return c.w.Write(p)
	}
	out := make([]byte, 0, len(p)+bytes.Count(p, []byte{'\n'}))
	for i, b := range p {
		if b == '\n' && (i == 0 || p[i-1] != '\r') {
			out = append(out, '\r')
		}
		out = append(out, b)
	}
	if _, err := c.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// loneNewline reports whether p holds a "\n" not preceded by "\r".
func loneNewline(p []byte) bool {
	for i := bytes.IndexByte(p, '\n'); i >= 0; {
		if i == 0 || p[i-1] != '\r' {
			return true
		}
		j := bytes.IndexByte(p[i+1:], '\n')
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}

package testenv

import (
	"cmp"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/vt"
	gossh "golang.org/x/crypto/ssh"
)

// ClientConfig authenticates as user with the key, or keyless (keyboard-interactive with no
// questions) when key is nil.
func ClientConfig(user string, key gossh.Signer) *gossh.ClientConfig {
	var auth []gossh.AuthMethod
	if key != nil {
		auth = append(auth, gossh.PublicKeys(key))
	} else {
		auth = append(auth, gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) {
			return nil, nil
		}))
	}
	return &gossh.ClientConfig{
		User:            user,
		Auth:            auth,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), // a throwaway server on loopback
		Timeout:         10 * time.Second,
	}
}

// Term is a real SSH client with a PTY whose output feeds a terminal emulator, so tests read
// the screen a person would see.
type Term struct {
	T     testing.TB
	Name  string // who this is, in failure messages
	Conn  *gossh.Client
	Sess  *gossh.Session
	Stdin io.WriteCloser
	// Poll is how often WaitFor looks at the screen (20ms unless set; benchmarks look more
	// often).
	Poll time.Duration

	env []string // KEY=value pairs sent before the shell

	mu     sync.Mutex
	emu    *vt.Emulator
	broken any // a panic from the emulator, reported instead of crashing the test binary
	stop   chan struct{}
	done   chan struct{}
}

// DialTerm connects to addr as user (with key, or keyless when nil) and opens an interactive
// shell of cols×rows.
func DialTerm(t testing.TB, addr, user string, key gossh.Signer, cols, rows int) *Term {
	t.Helper()
	conn, err := gossh.Dial("tcp", addr, ClientConfig(user, key))
	if err != nil {
		t.Fatalf("dial %s: %v", addr, err)
	}
	return NewTerm(t, conn, user, cols, rows)
}

// DialTermEnv is DialTerm with environment variables sent before the shell is asked for, as
// a client's SendEnv does ("LANG=pt_BR.UTF-8").
func DialTermEnv(t testing.TB, addr, user string, key gossh.Signer, cols, rows int, env ...string) *Term {
	t.Helper()
	conn, err := gossh.Dial("tcp", addr, ClientConfig(user, key))
	if err != nil {
		t.Fatalf("dial %s: %v", addr, err)
	}
	c := &Term{T: t, Name: user, Conn: conn, emu: vt.NewEmulator(cols, rows), stop: make(chan struct{}), done: make(chan struct{}), env: env}
	c.open(cols, rows, "")
	t.Cleanup(c.Close)
	return c
}

// NewTerm opens an interactive shell of cols×rows on an SSH connection; the connection is
// closed when the test ends.
func NewTerm(t testing.TB, conn *gossh.Client, user string, cols, rows int) *Term {
	t.Helper()
	return newTerm(t, conn, user, cols, rows, "")
}

// DialTermCommand is DialTerm running command in the terminal, as `ssh -t HOST command` does.
func DialTermCommand(t testing.TB, addr, user string, key gossh.Signer, cols, rows int, command string) *Term {
	t.Helper()
	conn, err := gossh.Dial("tcp", addr, ClientConfig(user, key))
	if err != nil {
		t.Fatalf("dial %s: %v", addr, err)
	}
	return newTerm(t, conn, user, cols, rows, command)
}

func newTerm(t testing.TB, conn *gossh.Client, user string, cols, rows int, command string, env ...string) *Term {
	t.Helper()
	c := &Term{T: t, Name: user, Conn: conn, env: env, emu: vt.NewEmulator(cols, rows), stop: make(chan struct{}), done: make(chan struct{})}
	c.open(cols, rows, command)
	t.Cleanup(c.Close)
	return c
}

func (c *Term) open(cols, rows int, command string) {
	c.T.Helper()
	sess, err := c.Conn.NewSession()
	if err != nil {
		c.T.Fatalf("new session: %v", err)
	}
	for _, kv := range c.env {
		k, v, _ := strings.Cut(kv, "=")
		if err := sess.Setenv(k, v); err != nil {
			c.T.Fatalf("setenv %s: %v", k, err)
		}
	}
	modes := gossh.TerminalModes{gossh.ECHO: 0}
	if err := sess.RequestPty("xterm-256color", rows, cols, modes); err != nil {
		c.T.Fatalf("pty: %v", err)
	}
	stdin, err := sess.StdinPipe()
	if err != nil {
		c.T.Fatal(err)
	}
	stdout, err := sess.StdoutPipe()
	if err != nil {
		c.T.Fatal(err)
	}
	if command != "" {
		if err := sess.Start(command); err != nil {
			c.T.Fatalf("start %q: %v", command, err)
		}
	} else if err := sess.Shell(); err != nil {
		c.T.Fatalf("shell: %v", err)
	}
	c.Sess, c.Stdin = sess, stdin
	go c.pump(stdout)
	// The emulator answers the program's terminal queries (colours, modes) like a real terminal;
	// its replies must be read or its writes block.
	go func() { _, _ = io.Copy(stdin, c.emu) }()
}

func (c *Term) pump(r io.Reader) {
	defer close(c.done)
	buf := make([]byte, 32<<10)
	for {
		select {
		case <-c.stop:
			return // a client that stops reading: unread output piles up at the server
		default:
		}
		n, err := r.Read(buf)
		if n > 0 {
			c.feed(buf[:n])
		}
		if err != nil {
			return
		}
	}
}

func (c *Term) feed(p []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	defer func() {
		if r := recover(); r != nil && c.broken == nil {
			c.broken = r
		}
	}()
	if c.broken == nil {
		_, _ = c.emu.Write(p)
	}
}

// Done is closed once the session's output has ended (the server closed it) or the client
// stopped reading.
func (c *Term) Done() <-chan struct{} { return c.done }

// Screen returns the text on the emulated screen.
func (c *Term) Screen() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.broken != nil {
		c.T.Fatalf("%s: terminal emulator failed: %v", c.Name, c.broken)
	}
	return c.emu.String()
}

// TerminalState says whether the emulated terminal is on the alternate screen and whether
// its cursor is hidden.
func (c *Term) TerminalState() (alt, cursorHidden bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.emu.IsAltScreen(), c.emu.CursorHidden()
}

// WaitFor waits until the screen shows every one of texts, failing after a bounded time.
func (c *Term) WaitFor(texts ...string) string {
	c.T.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		s := c.Screen()
		missing := ""
		for _, want := range texts {
			if !strings.Contains(s, want) {
				missing = want
				break
			}
		}
		if missing == "" {
			return s
		}
		if time.Now().After(deadline) {
			c.T.Fatalf("%s: screen never showed %q; it shows:\n%s", c.Name, missing, s)
		}
		time.Sleep(cmp.Or(c.Poll, 20*time.Millisecond)) // polling interval, not a wait for a screen
	}
}

// WaitGone waits until the screen no longer shows text.
func (c *Term) WaitGone(text string) {
	c.T.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for strings.Contains(c.Screen(), text) {
		if time.Now().After(deadline) {
			c.T.Fatalf("%s: screen still shows %q:\n%s", c.Name, text, c.Screen())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Type sends text as typed keys.
func (c *Term) Type(s string) {
	c.T.Helper()
	if _, err := io.WriteString(c.Stdin, s); err != nil {
		c.T.Fatalf("%s: type: %v", c.Name, err)
	}
}

// Press sends each key sequence in turn.
func (c *Term) Press(keys ...string) {
	c.T.Helper()
	for _, k := range keys {
		c.Type(k)
	}
}

// StopReading makes the client stop reading its session's output, like a stalled terminal.
func (c *Term) StopReading() { close(c.stop) }

// Resize tells the server the window changed.
func (c *Term) Resize(cols, rows int) {
	c.mu.Lock()
	c.emu.Resize(cols, rows)
	c.mu.Unlock()
	if err := c.Sess.WindowChange(rows, cols); err != nil {
		c.T.Fatalf("window change: %v", err)
	}
}

// Close ends the session and the connection.
func (c *Term) Close() {
	if c.Sess != nil {
		_ = c.Sess.Close()
	}
	_ = c.Conn.Close()
	// Ends the goroutine that copies the emulator's answers to the session (the pipe is safe
	// to close while it reads; the emulator's own Close is not).
	if p, ok := c.emu.InputPipe().(io.Closer); ok {
		_ = p.Close()
	}
}

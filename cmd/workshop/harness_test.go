package main

import (
	"bytes"
	"cmp"
	"crypto/ed25519"
	"crypto/rand"
	"io"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/vt"
	gossh "golang.org/x/crypto/ssh"

	"workshop/tui"
)

// testServer is the real server, started on 127.0.0.1:0 with its data in a temp directory.
type testServer struct {
	t   testing.TB
	cfg serveConfig
	srv *server
	log *syncBuffer
	// conns are the server's ends of the connections it accepted, to stall one at will.
	conns *stallListener
}

func startTestServer(t testing.TB, dataDir string) *testServer {
	t.Helper()
	return startTestServerChanged(t, dataDir, nil)
}

// startTestServerChanged is startTestServer with the configuration changed first (limits, for
// instance).
func startTestServerChanged(t testing.TB, dataDir string, change func(*serveConfig)) *testServer {
	t.Helper()
	ts := &testServer{t: t, log: &syncBuffer{}, conns: &stallListener{byRemote: map[string]*stallConn{}}}
	ts.cfg = serveConfig{
		wrap:       ts.conns.wrap,
		listen:     "127.0.0.1:0",
		dataDir:    dataDir,
		contentDir: filepath.Join("testdata", "modules"),
		host:       "localhost",
		logFormat:  "text",
		logOut:     ts.log,
		limits:     tui.DefaultConnLimits,
	}
	if change != nil {
		change(&ts.cfg)
	}
	ts.start()
	t.Cleanup(func() { ts.conns.releaseAll(); ts.stop() })
	return ts
}

func (ts *testServer) start() {
	ts.t.Helper()
	s, err := startServer(ts.cfg)
	if err != nil {
		ts.t.Fatalf("start server: %v", err)
	}
	ts.srv = s
}

// restart stops the server and starts it again on the same data, on a new port.
func (ts *testServer) restart() {
	ts.t.Helper()
	ts.stop()
	ts.start()
}

func (ts *testServer) stop() {
	if ts.srv != nil {
		_ = ts.srv.stop()
		ts.srv = nil
	}
}

func (ts *testServer) addr() string { return ts.srv.addr() }

// syncBuffer is a bytes.Buffer safe for the server's log writes during a test.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// newKey makes a fresh ed25519 key pair for a test identity.
func newKey(t testing.TB) (gossh.Signer, string) {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return signer, strings.TrimSpace(string(gossh.MarshalAuthorizedKey(signer.PublicKey())))
}

// sshConfig authenticates with the key, or keyless (keyboard-interactive, no questions).
func sshConfig(user string, key gossh.Signer) *gossh.ClientConfig {
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

// termClient is a real SSH client with a PTY whose output feeds a terminal emulator, so tests
// read the screen a person would see.
type termClient struct {
	t     testing.TB
	name  string
	conn  *gossh.Client
	sess  *gossh.Session
	stdin io.WriteCloser

	mu     sync.Mutex
	emu    *vt.Emulator
	broken any // a panic from the emulator, reported instead of crashing the test binary
	stop   chan struct{}
	done   chan struct{}
	// poll is how often waitFor looks at the screen; benchmarks look more often.
	poll time.Duration
}

// dialTerm connects and opens an interactive shell of the given size.
func dialTerm(t testing.TB, addr, user string, key gossh.Signer, cols, rows int) *termClient {
	t.Helper()
	conn, err := gossh.Dial("tcp", addr, sshConfig(user, key))
	if err != nil {
		t.Fatalf("dial %s: %v", addr, err)
	}
	return newTermClient(t, conn, user, cols, rows)
}

// dialTermFrom is dialTerm from a given local address (any 127.x.y.z is this machine), for
// tests that tell clients apart by address.
func dialTermFrom(t testing.TB, local, addr, user string, key gossh.Signer, cols, rows int) *termClient {
	t.Helper()
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(local)}, Timeout: 10 * time.Second}
	raw, err := d.Dial("tcp", addr)
	if err != nil {
		t.Fatalf("dial %s from %s: %v", addr, local, err)
	}
	sc, chans, reqs, err := gossh.NewClientConn(raw, addr, sshConfig(user, key))
	if err != nil {
		t.Fatalf("ssh handshake with %s from %s: %v", addr, local, err)
	}
	return newTermClient(t, gossh.NewClient(sc, chans, reqs), user, cols, rows)
}

func newTermClient(t testing.TB, conn *gossh.Client, user string, cols, rows int) *termClient {
	t.Helper()
	c := &termClient{t: t, name: user, conn: conn, emu: vt.NewEmulator(cols, rows), stop: make(chan struct{}), done: make(chan struct{})}
	c.open(cols, rows)
	t.Cleanup(c.close)
	return c
}

func (c *termClient) open(cols, rows int) {
	c.t.Helper()
	sess, err := c.conn.NewSession()
	if err != nil {
		c.t.Fatalf("new session: %v", err)
	}
	modes := gossh.TerminalModes{gossh.ECHO: 0}
	if err := sess.RequestPty("xterm-256color", rows, cols, modes); err != nil {
		c.t.Fatalf("pty: %v", err)
	}
	stdin, err := sess.StdinPipe()
	if err != nil {
		c.t.Fatal(err)
	}
	stdout, err := sess.StdoutPipe()
	if err != nil {
		c.t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		c.t.Fatalf("shell: %v", err)
	}
	c.sess, c.stdin = sess, stdin
	go c.pump(stdout)
	// The emulator answers the program's terminal queries (colours, modes) like a real terminal;
	// its replies must be read or its writes block.
	go func() { _, _ = io.Copy(stdin, c.emu) }()
}

func (c *termClient) pump(r io.Reader) {
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

func (c *termClient) feed(p []byte) {
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

// screen returns the text on the emulated screen.
func (c *termClient) screen() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.broken != nil {
		c.t.Fatalf("%s: terminal emulator failed: %v", c.name, c.broken)
	}
	return c.emu.String()
}

// terminalState says whether the emulated terminal is on the alternate screen and whether
// its cursor is hidden.
func (c *termClient) terminalState() (alt, cursorHidden bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.emu.IsAltScreen(), c.emu.CursorHidden()
}

// waitFor waits until the screen shows every one of texts, failing after a bounded time.
func (c *termClient) waitFor(texts ...string) string {
	c.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		s := c.screen()
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
			c.t.Fatalf("%s: screen never showed %q; it shows:\n%s", c.name, missing, s)
		}
		time.Sleep(cmp.Or(c.poll, 20*time.Millisecond)) // polling interval, not a wait for a screen
	}
}

// waitGone waits until the screen no longer shows text.
func (c *termClient) waitGone(text string) {
	c.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for strings.Contains(c.screen(), text) {
		if time.Now().After(deadline) {
			c.t.Fatalf("%s: screen still shows %q:\n%s", c.name, text, c.screen())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// typeText sends text as typed keys.
func (c *termClient) typeText(s string) {
	c.t.Helper()
	if _, err := io.WriteString(c.stdin, s); err != nil {
		c.t.Fatalf("%s: type: %v", c.name, err)
	}
}

// Key sequences as a terminal sends them.
const (
	keyEnter = "\r"
	keyTab   = "\t"
	keyEsc   = "\x1b"
	keyCtrlS = "\x13"
	keyCtrlC = "\x03"
)

func (c *termClient) press(keys ...string) {
	c.t.Helper()
	for _, k := range keys {
		c.typeText(k)
	}
}

// stopReading makes the client stop reading its session's output, like a stalled terminal.
func (c *termClient) stopReading() { close(c.stop) }

// resize tells the server the window changed.
func (c *termClient) resize(cols, rows int) {
	c.mu.Lock()
	c.emu.Resize(cols, rows)
	c.mu.Unlock()
	if err := c.sess.WindowChange(rows, cols); err != nil {
		c.t.Fatalf("window change: %v", err)
	}
}

func (c *termClient) close() {
	if c.sess != nil {
		_ = c.sess.Close()
	}
	_ = c.conn.Close()
	// Ends the goroutine that copies the emulator's answers to the session (the pipe is safe
	// to close while it reads; the emulator's own Close is not).
	if p, ok := c.emu.InputPipe().(io.Closer); ok {
		_ = p.Close()
	}
}

// runCommand runs `ssh HOST args...` and returns stdout, stderr and the exit code.
func runCommand(t testing.TB, addr string, key gossh.Signer, args string) (string, string, int) {
	t.Helper()
	conn, err := gossh.Dial("tcp", addr, sshConfig("cli", key))
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	defer conn.Close()
	sess, err := conn.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	var out, errOut bytes.Buffer
	sess.Stdout, sess.Stderr = &out, &errOut
	err = sess.Run(args)
	code := 0
	if err != nil {
		var exit *gossh.ExitError
		if ok := asExit(err, &exit); ok {
			code = exit.ExitStatus()
		} else {
			t.Fatalf("run %q: %v", args, err)
		}
	}
	return out.String(), errOut.String(), code
}

func asExit(err error, target **gossh.ExitError) bool {
	e, ok := err.(*gossh.ExitError)
	if ok {
		*target = e
	}
	return ok
}

// lastLine returns the last non-empty line of s.
func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

// dialTermB is dialTerm for a keyless participant, for benchmarks.
func dialTermB(b *testing.B, addr, user string, cols, rows int) *termClient {
	return dialTerm(b, addr, user, nil, cols, rows)
}

func sleepBriefly() { time.Sleep(10 * time.Millisecond) }

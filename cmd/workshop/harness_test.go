package main

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"net"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"workshop/internal/testenv"
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

// syncBuffer is a buffer safe for the server's log writes during a test.
type syncBuffer = testenv.SyncBuffer

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
	return testenv.ClientConfig(user, key)
}

// termClient is a real SSH client with a PTY whose output feeds a terminal emulator, so tests
// read the screen a person would see (testenv.Term, under the names these tests use).
type termClient struct{ *testenv.Term }

// dialTerm connects and opens an interactive shell of the given size.
func dialTerm(t testing.TB, addr, user string, key gossh.Signer, cols, rows int) *termClient {
	t.Helper()
	return &termClient{testenv.DialTerm(t, addr, user, key, cols, rows)}
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
	return &termClient{testenv.NewTerm(t, gossh.NewClient(sc, chans, reqs), user, cols, rows)}
}

func (c *termClient) screen() string                    { return c.Screen() }
func (c *termClient) terminalState() (alt, hidden bool) { return c.TerminalState() }
func (c *termClient) stopReading()                      { c.StopReading() }
func (c *termClient) resize(cols, rows int)             { c.Resize(cols, rows) }
func (c *termClient) close()                            { c.Close() }

func (c *termClient) waitFor(texts ...string) string {
	c.T.Helper()
	return c.WaitFor(texts...)
}

func (c *termClient) waitGone(text string) {
	c.T.Helper()
	c.WaitGone(text)
}

func (c *termClient) typeText(s string) {
	c.T.Helper()
	c.Type(s)
}

func (c *termClient) press(keys ...string) {
	c.T.Helper()
	c.Press(keys...)
}

// Key sequences as a terminal sends them.
const (
	keyEnter = "\r"
	keyTab   = "\t"
	keyEsc   = "\x1b"
	keyCtrlS = "\x13"
	keyCtrlC = "\x03"
)

// runCommand runs `ssh HOST args...` and returns stdout, stderr and the exit code.
func runCommand(t testing.TB, addr string, key gossh.Signer, args string) (string, string, int) {
	t.Helper()
	return runCommandEnv(t, addr, key, nil, args)
}

// runCommandEnv is runCommand from a client that sends the environment variables env
// ("LANG=it_IT.UTF-8"), as OpenSSH's SendEnv and SetEnv do.
func runCommandEnv(t testing.TB, addr string, key gossh.Signer, env []string, args string) (string, string, int) {
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
	for _, kv := range env {
		name, value, _ := strings.Cut(kv, "=")
		if err := sess.Setenv(name, value); err != nil {
			t.Fatalf("setenv %s: %v", name, err)
		}
	}
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

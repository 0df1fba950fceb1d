package tui

import (
	"bytes"
	"fmt"
	"io"
	"log/slog"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"charm.land/ssh"
	"charm.land/wish/v2"
	gossh "golang.org/x/crypto/ssh"
)

// A session writes its screen to the channel directly, not through the
// session's pty writer, and what it writes arrives as the pty writer would have sent it.
func TestScreenOutputGoesToTheChannel(t *testing.T) {
	direct := make(chan bool, 1)
	got := readSession(t, func(s ssh.Session) {
		out := directOutput(s)
		_, isDirect := out.(crlfWriter)
		direct <- isDirect
		_, _ = out.Write([]byte("one\ntwo\r\nthree\n"))
	})
	if !<-direct {
		t.Error("the screen's output goes through the session's pty writer, not the channel")
	}
	if want := "one\r\ntwo\r\nthree\r\n"; got != want {
		t.Errorf("the client got %q, want %q", got, want)
	}
}

// Two writers of one session at once (a screen handing over to plain mode while its last
// frame is still being written) reach the client whole: every line arrives once, in each
// writer's order, and the connection stays sound.
func TestSessionOutputWritesDoNotOverlap(t *testing.T) {
	const lines = 300
	got := readSession(t, func(s ssh.Session) {
		out := newSessionOutput(s)
		var wg sync.WaitGroup
		for _, who := range []string{"screen", "plain"} {
			wg.Go(func() {
				for i := range lines {
					_, _ = fmt.Fprintf(out, "%s %03d %s\r\n", who, i, strings.Repeat(who, 20))
				}
			})
		}
		wg.Wait()
	})
	next := map[string]int{}
	for l := range strings.Lines(got) {
		var who string
		var i int
		if _, err := fmt.Sscanf(l, "%s %d", &who, &i); err != nil || l != fmt.Sprintf("%s %03d %s\r\n", who, i, strings.Repeat(who, 20)) || i != next[who] {
			t.Fatalf("line %q: not a whole line in its writer's order (next %v)", l[:min(len(l), 40)], next)
		}
		next[who]++
	}
	if next["screen"] != lines || next["plain"] != lines {
		t.Fatalf("got %v lines, want %d of each writer", next, lines)
	}
}

// readSession serves one session with handle over real SSH with an emulated pty and returns
// everything the client read.
func readSession(t *testing.T, handle func(ssh.Session)) string {
	t.Helper()
	door := &FrontDoor{log: slog.New(slog.DiscardHandler)}
	srv, err := wish.NewServer(append([]ssh.Option{
		wish.WithHostKeyPath(filepath.Join(t.TempDir(), "host_ed25519")),
		wish.WithKeyboardInteractiveAuth(func(ssh.Context, gossh.KeyboardInteractiveChallenge) bool { return true }),
		wish.WithMiddleware(func(ssh.Handler) ssh.Handler { return handle }),
	}, door.ServerOptions(DefaultConnLimits)...)...)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })

	c, err := gossh.Dial("tcp", ln.Addr().String(), &gossh.ClientConfig{
		User:            "someone",
		Auth:            []gossh.AuthMethod{gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return nil, nil })},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
	})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	out, err := sess.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(out)
	if err != nil {
		t.Fatalf("reading the session: %v", err)
	}
	if err := sess.Wait(); err != nil {
		t.Fatalf("the session ended with %v", err)
	}
	return string(got)
}

func TestCRLFWriter(t *testing.T) {
	for in, want := range map[string]string{
		"":                "",
		"\x1b[2;1Hrow":    "\x1b[2;1Hrow",
		"a\nb":            "a\r\nb",
		"\n":              "\r\n",
		"a\r\nb\r\n":      "a\r\nb\r\n",
		"a\r\nb\nc\r\n\n": "a\r\nb\r\nc\r\n\r\n",
	} {
		var b bytes.Buffer
		n, err := crlfWriter{&b}.Write([]byte(in))
		if err != nil || n != len(in) || b.String() != want {
			t.Errorf("%q: wrote %q (%d, %v), want %q (%d)", in, b.String(), n, err, want, len(in))
		}
	}
}

// A frame without a lone newline is written without a copy.
func TestCRLFWriterDoesNotCopyFrames(t *testing.T) {
	frame := bytes.Repeat([]byte("\x1b[3;1H\x1b[m\x1b[Ksome text of a row\r\n"), 20)
	w := crlfWriter{io.Discard}
	if allocs := testing.AllocsPerRun(100, func() { _, _ = w.Write(frame) }); allocs != 0 {
		t.Errorf("%v allocations a frame, want 0", allocs)
	}
}

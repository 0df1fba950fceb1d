package tui

import (
	"log/slog"
	"net"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	gossh "golang.org/x/crypto/ssh"

	"workshop/internal/testenv"
	"workshop/session"
)

// doorServer is the front door on a real SSH server on 127.0.0.1, for tests that need the
// door's internals (cmd/workshop's end-to-end suite drives the whole binary).
type doorServer struct {
	door *FrontDoor
	addr string
	log  *testenv.SyncBuffer
}

func startDoor(t *testing.T, wrap func(tea.Model) tea.Model) *doorServer {
	t.Helper()
	lib := testenv.Library(t, "")
	st, _ := testenv.TempStore(t)
	logs := &testenv.SyncBuffer{}
	log := slog.New(slog.NewTextHandler(logs, nil))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	door := NewFrontDoor(session.NewManager(st, lib, log), log, JoinHint{Host: "localhost", Port: ln.Addr().(*net.TCPAddr).Port})
	door.wrap = wrap
	opts := []ssh.Option{
		wish.WithHostKeyPath(filepath.Join(t.TempDir(), "host_ed25519")),
		wish.WithKeyboardInteractiveAuth(func(ssh.Context, gossh.KeyboardInteractiveChallenge) bool { return true }),
		wish.WithMiddleware(door.Middleware()...),
	}
	srv, err := wish.NewServer(append(opts, door.ServerOptions(DefaultConnLimits)...)...)
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() {
		_ = srv.Close()
		_ = door.Wait(t.Context())
		st.Close()
	})
	return &doorServer{door: door, addr: ln.Addr().String(), log: logs}
}

// dialDoor connects a keyless client with a 100×24 terminal.
func dialDoor(t *testing.T, addr string) *testenv.Term {
	t.Helper()
	return testenv.DialTerm(t, addr, "someone", nil, 100, 24)
}

// buggy is a screen with bugs on purpose: F10 panics in Update, F11 in a command, F12 in a
// command inside a tea.Sequence (which only Bubble Tea's own recovery sees).
type buggy struct{ tea.Model }

func (b buggy) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "f10":
			panic("bug in a screen")
		case "f11":
			return b, tea.Batch(nil, func() tea.Msg { panic("bug in a command") })
		case "f12":
			return b, tea.Sequence(func() tea.Msg { return nil }, func() tea.Msg { panic("bug in a sequence") })
		}
	}
	m, cmd := b.Model.Update(msg)
	return buggy{m}, cmd
}

// A bug in one session's screen ends that session with a plain message and a log line; the
// server and every other session carry on.
func TestPanicEndsOnlyThatSession(t *testing.T) {
	ds := startDoor(t, func(m tea.Model) tea.Model { return buggy{m} })
	bystander := dialDoor(t, ds.addr)
	bystander.WaitFor("Join a workshop")
	for _, key := range []struct{ name, seq, log string }{
		{"update", "\x1b[21~", "bug in a screen"},        // F10
		{"command", "\x1b[23~", "bug in a command"},      // F11
		{"sequence", "\x1b[24~", "caught by Bubble Tea"}, // F12
	} {
		t.Run(key.name, func(t *testing.T) {
			c := dialDoor(t, ds.addr)
			c.WaitFor("Join a workshop")
			c.Type(key.seq)
			c.WaitFor("something went wrong on the server")
			select {
			case <-c.Done():
			case <-time.After(10 * time.Second):
				t.Fatal("the failed session did not end")
			}
			if !strings.Contains(ds.log.String(), key.log) || !strings.Contains(ds.log.String(), "session ended by a bug") {
				t.Fatalf("no log line for the panic:\n%s", ds.log.String())
			}
		})
	}
	bystander.Type("ABC")
	bystander.WaitFor("ABC")
}

func TestParseStartups(t *testing.T) {
	for in, want := range map[string]Startups{"10:30:100": {10, 30, 100}, "5": {5, 100, 5}, " 1:0:2 ": {1, 0, 2}} {
		if got, err := ParseStartups(in); err != nil || got != want {
			t.Errorf("%q: %v %v, want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "a:b:c", "10:30", "20:30:10", "1:101:5", "-1:30:100", "0:0:0"} {
		if _, err := ParseStartups(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// Past Start connections starting, new ones are refused with a chance rising from Rate to
// certainty at Full; per address, at the cap.
func TestStartupRefusal(t *testing.T) {
	g := &connGuard{lim: ConnLimits{Startups: Startups{Start: 10, Rate: 30, Full: 20}, StartupsPerAddress: 3}, perAddr: map[string]int{}}
	for _, tc := range []struct {
		starting int
		chance   float64
		refused  bool
	}{
		{9, 0, false},     // below start: always admitted
		{10, 0.29, true},  // at start: 30%
		{10, 0.31, false}, //
		{15, 0.64, true},  // half way: 30% + 70%×½ = 65%
		{15, 0.66, false}, //
		{19, 0.9, true},   // 30% + 70%×0.9 = 93%
		{20, 0.999, true}, // full: always refused
	} {
		g.starting = tc.starting
		g.chance = func() float64 { return tc.chance }
		if got := g.refusal("192.0.2.1") != ""; got != tc.refused {
			t.Errorf("%d starting, chance %.2f: refused %v, want %v", tc.starting, tc.chance, got, tc.refused)
		}
	}
	g.starting = 0
	g.perAddr["192.0.2.1"] = 3
	if g.refusal("192.0.2.1") == "" || g.refusal("192.0.2.2") != "" {
		t.Error("per-address cap not applied to that address alone")
	}
	for a, want := range map[string]string{"192.0.2.7:22": "192.0.2.7", "[2001:db8:1:2:3::4]:22": "2001:db8:1:2::/64", "[::ffff:192.0.2.7]:22": "192.0.2.7"} {
		ap, _ := net.ResolveTCPAddr("tcp", a)
		if got := addressKey(ap); got != want {
			t.Errorf("addressKey(%s) = %s, want %s", a, got, want)
		}
	}
}

// An idle session has no timer of its own: Bubble Tea's frame ticker, which would wake every
// session once a second, is stopped once the program runs.
func TestIdleSessionHasNoFrameTicker(t *testing.T) {
	d := startDoor(t, nil)
	c := dialDoor(t, d.addr)
	c.WaitFor("Join a workshop")
	deadline := time.Now().Add(10 * time.Second)
	for {
		buf := make([]byte, 1<<20)
		stacks := string(buf[:runtime.Stack(buf, true)])
		if !strings.Contains(stacks, "startRenderer") {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("a session still runs Bubble Tea's frame ticker:\n%s", stacks)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

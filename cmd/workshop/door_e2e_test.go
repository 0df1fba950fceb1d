package main

import (
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"workshop/tui"
)

// startTestServerWith starts the real server with changed limits.
func startTestServerWith(t *testing.T, change func(*serveConfig)) (*testServer, gossh.Signer) {
	t.Helper()
	dir := t.TempDir()
	facKey, facPub := newKey(t)
	if out, err := cli(t, "facilitator", "add", "fran", facPub, "--data", dir); err != nil {
		t.Fatalf("facilitator add: %v\n%s", err, out)
	}
	ts := startTestServerChanged(t, dir, change)
	return ts, facKey
}

// joinStep2 joins a keyless participant to a fresh cohort moved to step 2 (a reflection).
func joinStep2(t *testing.T, ts *testServer, facKey gossh.Signer, name string) (*termClient, string) {
	t.Helper()
	code := createCohort(t, ts, facKey)
	runCommand(t, ts.addr(), facKey, "step "+code+" 2")
	c := dialTerm(t, ts.addr(), code, nil, 100, 30)
	c.waitFor("What name")
	c.typeText(name + keyEnter)
	c.waitFor("Keep this code")
	c.press(keyEnter)
	c.waitFor("Step 2 of 3")
	return c, code
}

// Sizes a client claims are clamped before anything is drawn for them: at pty-req, on every
// window change and in an in-band resize report typed as input. The program's own idea of its
// size shows on the "Please enlarge" screen, which a too-short window gets.
func TestHugeWindowSizesAreClamped(t *testing.T) {
	ts, _, _ := setup(t)
	const huge = 1 << 31

	c := dialTerm(t, ts.addr(), "big", nil, 80, 24)
	c.waitFor("Join a workshop")
	c.resize(80, 5) // the emulator stays small; the server is told the sizes below
	if err := c.Sess.WindowChange(5, huge); err != nil {
		t.Fatal(err)
	}
	c.waitFor("It is 500×5")
	if err := c.Sess.WindowChange(huge, 30); err != nil {
		t.Fatal(err)
	}
	c.waitFor("It is 30×200")
	// An in-band resize report (CSI 48 ; rows ; cols ; … t) is input like any other.
	c.typeText("\x1b[48;5;4000;0;0t")
	c.waitFor("It is 500×5")

	// A pty-req of 2³¹×2³¹ at connect does not take the server down.
	conn, err := gossh.Dial("tcp", ts.addr(), sshConfig("huge", nil))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	sess, err := conn.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm-256color", huge, huge, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	out, _ := sess.StdoutPipe()
	drew := make(chan struct{})
	go func() {
		var seen strings.Builder
		buf := make([]byte, 32<<10)
		for {
			n, err := out.Read(buf)
			seen.Write(buf[:n])
			if strings.Contains(seen.String(), "Join a workshop") {
				close(drew)
				_, _ = io.Copy(io.Discard, out)
				return
			}
			if err != nil {
				return
			}
		}
	}()
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-drew: // the server is alive and drew the lobby for the clamped size
	case <-time.After(15 * time.Second):
		t.Fatal("the 2³¹×2³¹ session never drew the lobby")
	}
	if err := sess.WindowChange(huge, huge); err != nil {
		t.Fatal(err)
	}
	// Everyone else is still served.
	other := dialTerm(t, ts.addr(), "other", nil, 80, 24)
	other.waitFor("Join a workshop")
	_ = sess.Close()
	conn.Close()

	// 0×0 and 1×1 are just small windows; the session carries on when the window grows.
	for _, size := range [][2]int{{0, 0}, {1, 1}} {
		if err := c.Sess.WindowChange(size[1], size[0]); err != nil {
			t.Fatal(err)
		}
	}
	c.resize(80, 24)
	c.waitFor("Join a workshop")
}

// A paste far over the limit is cut before the server holds it, and the screen says so.
func TestHugePasteIsCut(t *testing.T) {
	ts, facKey, _ := setup(t)
	c, _ := joinStep2(t, ts, facKey, "Paster")
	c.typeText("\x1b[200~" + strings.Repeat("lorem ipsum ", 100<<10/12) + "\x1b[201~")
	c.waitFor("cut to fit the 4,000-character limit", "4000/4000")
	c.press(keyCtrlS)
	c.waitFor("Submitted")
}

// A paste whose end never comes is closed by the server at the bound, so it neither grows
// without end nor swallows the session: the text arrives cut, and once the terminal's end
// marker comes the session takes keys again.
func TestUnterminatedPasteIsBounded(t *testing.T) {
	ts, facKey, _ := setup(t)
	c, _ := joinStep2(t, ts, facKey, "Open")
	c.typeText("\x1b[200~" + strings.Repeat("y", 20000))
	c.waitFor("cut to fit the 4,000-character limit", "4000/4000")
	c.typeText("\x1b[201~")
	c.press(keyCtrlS)
	c.waitFor("Submitted")
}

// Sessions that flood input and then disconnect leave no goroutine behind.
func TestFloodThenDisconnectLeavesNoGoroutines(t *testing.T) {
	ts, _ := startTestServerWith(t, func(cfg *serveConfig) {
		// Let the flood through quickly, so the server is busy with input when the client goes.
		cfg.input = &tui.InputLimits{EventsPerSecond: 1e6, EventBurst: 1 << 20, BytesPerSecond: 1 << 30, ByteBurst: 1 << 20, MaxPaste: tui.MaxPaste}
	})
	cycle := func() {
		c := dialTerm(t, ts.addr(), "flood", nil, 80, 24)
		c.waitFor("Join a workshop")
		done := make(chan struct{})
		go func() {
			defer close(done)
			chunk := strings.Repeat("a", 32<<10)
			for range 8 {
				if _, err := io.WriteString(c.Stdin, chunk); err != nil {
					return
				}
			}
		}()
		c.waitFor("aaaaaaaaaaaaaaaa") // the server is taking the flood in
		c.close()
		<-done
	}
	cycle() // anything started once per process is started now
	settle := func(limit int) int {
		deadline := time.Now().Add(20 * time.Second)
		for {
			n := runtime.NumGoroutine()
			if n <= limit || time.Now().After(deadline) {
				return n
			}
			time.Sleep(20 * time.Millisecond) // polling, not a wait for a screen
		}
	}
	waitGoroutinesSettle()
	base := runtime.NumGoroutine()
	for range 10 {
		cycle()
	}
	if n := settle(base + 2); n > base+2 {
		buf := make([]byte, 1<<20)
		t.Fatalf("%d goroutines after 10 flood cycles, %d before:\n%s", n, base, buf[:runtime.Stack(buf, true)])
	}
}

// A connection that never logs in is closed after the grace time, whether it never speaks
// SSH at all or authenticates and then never asks for a session.
func TestSilentConnectionClosedAfterGrace(t *testing.T) {
	t.Parallel() // most of it is waiting (a lock's busy timeout, a grace time): it waits beside the others
	ts, _ := startTestServerWith(t, func(cfg *serveConfig) { cfg.limits.LoginGrace = 300 * time.Millisecond })

	raw, err := net.Dial("tcp", ts.addr())
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	_ = raw.SetReadDeadline(time.Now().Add(10 * time.Second))
	_, err = io.Copy(io.Discard, raw) // the server's banner, then the close
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		t.Fatal("a silent TCP connection was still open after 10 s")
	}

	conn, err := gossh.Dial("tcp", ts.addr(), sshConfig("idle", nil))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	closed := make(chan error, 1)
	go func() { closed <- conn.Wait() }()
	select {
	case <-closed:
	case <-time.After(10 * time.Second):
		t.Fatal("an authenticated connection without a session was still open after 10 s")
	}

	// A real participant has all the time they need once they have a session. On a server
	// whose grace time a loaded machine's handshake fits in: a silent connection opened after
	// the participant's session closing shows the grace time has passed for that session too.
	ts2, _ := startTestServerWith(t, func(cfg *serveConfig) { cfg.limits.LoginGrace = 5 * time.Second })
	c := dialTerm(t, ts2.addr(), "slow", nil, 80, 24)
	c.waitFor("Join a workshop")
	later, err := net.Dial("tcp", ts2.addr())
	if err != nil {
		t.Fatal(err)
	}
	defer later.Close()
	_ = later.SetReadDeadline(time.Now().Add(60 * time.Second))
	if _, err := io.Copy(io.Discard, later); errors.As(err, &ne) && ne.Timeout() {
		t.Fatal("a silent TCP connection was still open after 60 s")
	}
	c.typeText("ZZZZZZ" + keyEnter)
	c.waitFor("No workshop or participant")
}

// Stalled handshakes from one address fill only that address's share of the starting slots
// and its queue: the rest from there are refused at once, and a participant from elsewhere
// gets in.
func TestStalledHandshakesDoNotLockOutParticipant(t *testing.T) {
	const perAddress, queue = 3, 2
	ts, _ := startTestServerWith(t, func(cfg *serveConfig) {
		cfg.limits.StartupsPerAddress = perAddress
		cfg.limits.QueuePerAddress = queue
		cfg.limits.Startups = tui.Startups{Start: 5, Rate: 30, Full: 10}
	})
	var stalled []net.Conn
	defer func() {
		for _, c := range stalled {
			c.Close()
		}
	}()
	refused := 0
	for i := range 20 {
		c, err := net.Dial("tcp", ts.addr())
		if err != nil {
			t.Fatal(err)
		}
		stalled = append(stalled, c)
		if i >= perAddress && i < perAddress+queue {
			waitLog(t, ts, fmt.Sprintf("queued=%d", i-perAddress+1)) // waits for a slot: no banner yet
			continue
		}
		// An admitted connection gets the server's SSH banner; a refused one is closed at once.
		_ = c.SetReadDeadline(time.Now().Add(5 * time.Second))
		buf := make([]byte, 4)
		if _, err := io.ReadFull(c, buf); err != nil {
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				t.Fatal("no banner and no close within 5 s")
			}
			refused++
		}
	}
	if refused != 20-perAddress-queue {
		t.Errorf("%d of 20 stalled connections from one address refused, want %d", refused, 20-perAddress-queue)
	}
	c := dialTermFrom(t, "127.0.0.2", ts.addr(), "late", nil, 80, 24)
	c.waitFor("Join a workshop")
	waitLog(t, ts, "too many logins in progress from one address")

	// When a slot of the address frees, the first queued connection starts.
	_ = stalled[0].Close()
	_ = stalled[perAddress].SetReadDeadline(time.Now().Add(15 * time.Second))
	if _, err := io.ReadFull(stalled[perAddress], make([]byte, 4)); err != nil {
		t.Fatalf("a queued connection got no banner after a slot freed: %v", err)
	}
}

// A connection holds at most MaxSessions sessions at once; a further one is refused, and a
// slot frees when a session closes.
func TestFifthSessionOnOneConnectionRefused(t *testing.T) {
	ts, facKey, _ := setup(t)
	conn, err := gossh.Dial("tcp", ts.addr(), sshConfig("many", facKey))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var open []*gossh.Session
	for i := range tui.DefaultConnLimits.MaxSessions {
		s, err := conn.NewSession()
		if err != nil {
			t.Fatalf("session %d: %v", i+1, err)
		}
		open = append(open, s)
	}
	if s, err := conn.NewSession(); err == nil {
		s.Close()
		t.Fatalf("a session beyond %d was opened on one connection", len(open))
	} else if !strings.Contains(err.Error(), "at most 4 sessions") {
		t.Errorf("refusal says %q", err)
	}
	_ = open[0].Close()
	deadline := time.Now().Add(10 * time.Second)
	for {
		s, err := conn.NewSession()
		if err == nil {
			if out, err := s.CombinedOutput("cohorts"); err != nil {
				t.Errorf("command on the freed slot: %v\n%s", err, out)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no session slot freed after closing one: %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// A peer that stops answering (a closed laptop: packets stop, nothing closes) is disconnected
// by keepalives, and the facilitator sees it go offline.
func TestDeadPeerGoesOffline(t *testing.T) {
	ts, facKey := startTestServerWith(t, func(cfg *serveConfig) {
		cfg.limits.AliveInterval = 100 * time.Millisecond
		cfg.limits.AliveCountMax = 2
	})
	code := createCohort(t, ts, facKey)
	proxy := startFreezeProxy(t, ts.addr())
	c := dialTerm(t, proxy.addr(), code, nil, 80, 24)
	c.waitFor("What name")
	c.typeText("Laptop" + keyEnter)
	c.waitFor("Keep this code")
	c.press(keyEnter)
	c.waitFor("Step 1 of 3")

	h, err := ts.srv.manager.HubByCode(t.Context(), code)
	if err != nil {
		t.Fatal(err)
	}
	online := func() bool {
		snap := h.Snapshot()
		m, _ := snap.Member(snap.Roster[0].ID)
		return m.Online
	}
	if !online() {
		t.Fatal("participant not online before the freeze")
	}
	proxy.freeze()
	deadline := time.Now().Add(15 * time.Second)
	for online() {
		if time.Now().After(deadline) {
			t.Fatal("a peer that stopped answering still shows online after 15 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
	waitLog(t, ts, "peer stopped answering")
}

// On stop every connected person is told the server is restarting and how to come back, and
// their terminal is back on the normal screen with the cursor showing.
func TestStopRestoresTerminalsAndSaysHowToReconnect(t *testing.T) {
	ts, facKey, _ := setup(t)
	code := createCohort(t, ts, facKey)
	port := ts.srv.ln.Addr().(*net.TCPAddr).Port
	sshLine := fmt.Sprintf("ssh -p %d localhost", port)

	// Wide enough that the restart line does not wrap.
	joined := dialTerm(t, ts.addr(), "ada", nil, 140, 30)
	rejoin := joinKeyless(t, joined, code, "Ada")
	runCommand(t, ts.addr(), facKey, "step "+code+" 2")
	joined.waitFor("Step 2 of 3")
	joined.typeText("typed but not saved")
	joined.waitFor("typed but not saved")
	lobby := dialTerm(t, ts.addr(), "nobody", nil, 140, 30)
	lobby.waitFor("Join a workshop")
	fac := dialTerm(t, ts.addr(), "fran", facKey, 140, 30)
	fac.waitFor("facilitator console")
	for _, c := range []*termClient{joined, lobby, fac} {
		if alt, hidden := c.terminalState(); !alt || !hidden {
			t.Fatalf("%s: before stop alt screen %v, cursor hidden %v", c.Name, alt, hidden)
		}
	}

	ts.stop()

	joined.waitFor("server is restarting", sshLine, "your rejoin code "+rejoin)
	lobby.waitFor("server is restarting", sshLine)
	fac.waitFor("server is restarting", sshLine, "your key brings you back")
	for _, c := range []*termClient{joined, lobby, fac} {
		<-c.Done() // the server ended the session; nothing more will be drawn
		if alt, hidden := c.terminalState(); alt || hidden {
			t.Errorf("%s: after stop alt screen %v, cursor hidden %v:\n%s", c.Name, alt, hidden, c.screen())
		}
	}
	// What was typed but not yet saved was stored before the server exited.
	ts.start()
	again := dialTerm(t, ts.addr(), strings.ReplaceAll(rejoin, "-", ""), nil, 100, 30)
	again.waitFor("typed but not saved")
}

// The same with a real OpenSSH client in a real terminal (tmux): after stop, the terminal is
// off the alternate screen.
func TestStopRestoresRealTerminal(t *testing.T) {
	for _, tool := range []string{"tmux", "ssh"} {
		if _, err := lookPath(tool); err != nil {
			t.Skipf("%s is not installed: the real-terminal check needs tmux and the OpenSSH client", tool)
		}
	}
	ts, _, _ := setup(t)
	port := ts.srv.ln.Addr().(*net.TCPAddr).Port
	name := fmt.Sprintf("door-stop-%d", os.Getpid())
	tm := func(args ...string) string {
		t.Helper()
		out, err := runTool("tmux", args...)
		if err != nil {
			t.Fatalf("tmux %v: %v\n%s", args, err, out)
		}
		return out
	}
	tm("new-session", "-d", "-s", name, "-x", "100", "-y", "30", "sh")
	t.Cleanup(func() { _, _ = runTool("tmux", "kill-session", "-t", name) })
	tm("send-keys", "-t", name, fmt.Sprintf("ssh -p %d -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o PubkeyAuthentication=no -o LogLevel=ERROR tmuxuser@127.0.0.1", port), "Enter")
	waitPane := func(want string) string {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for {
			out := tm("capture-pane", "-p", "-t", name)
			if strings.Contains(out, want) {
				return out
			}
			if time.Now().After(deadline) {
				t.Fatalf("tmux pane never showed %q:\n%s", want, out)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	waitPane("Join a workshop")
	if alt := strings.TrimSpace(tm("display-message", "-p", "-t", name, "#{alternate_on}")); alt != "1" {
		t.Fatalf("alternate_on %q while connected", alt)
	}
	ts.stop()
	waitPane("server is restarting")
	deadline := time.Now().Add(10 * time.Second)
	for {
		alt := strings.TrimSpace(tm("display-message", "-p", "-t", name, "#{alternate_on}"))
		if alt == "0" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("alternate_on %q after stop:\n%s", alt, tm("capture-pane", "-p", "-t", name))
		}
		time.Sleep(50 * time.Millisecond)
	}
	if cur := strings.TrimSpace(tm("display-message", "-p", "-t", name, "#{cursor_flag}")); cur != "1" {
		t.Errorf("cursor_flag %q after stop: the cursor is still hidden", cur)
	}
}

// waitLog waits until the server's log holds text.
func waitLog(t *testing.T, ts *testServer, text string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !strings.Contains(ts.log.String(), text) {
		if time.Now().After(deadline) {
			t.Fatalf("the log never said %q:\n%s", text, ts.log.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// freezeProxy forwards TCP connections to a target until frozen; then it stops moving bytes
// either way but keeps every socket open, like a peer whose network vanished.
type freezeProxy struct {
	ln     net.Listener
	frozen chan struct{}
	once   sync.Once
}

func startFreezeProxy(t *testing.T, target string) *freezeProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &freezeProxy{ln: ln, frozen: make(chan struct{})}
	var conns []net.Conn
	var mu sync.Mutex
	t.Cleanup(func() {
		ln.Close()
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			c.Close()
		}
	})
	go func() {
		for {
			in, err := ln.Accept()
			if err != nil {
				return
			}
			out, err := net.Dial("tcp", target)
			if err != nil {
				in.Close()
				continue
			}
			mu.Lock()
			conns = append(conns, in, out)
			mu.Unlock()
			go p.pipe(in, out)
			go p.pipe(out, in)
		}
	}()
	return p
}

func (p *freezeProxy) addr() string { return p.ln.Addr().String() }
func (p *freezeProxy) freeze()      { p.once.Do(func() { close(p.frozen) }) }

func (p *freezeProxy) pipe(from, to net.Conn) {
	buf := make([]byte, 32<<10)
	for {
		n, err := from.Read(buf)
		select {
		case <-p.frozen:
			return // drop this and everything after; the sockets stay open until cleanup
		default:
		}
		if n > 0 {
			if _, werr := to.Write(buf[:n]); werr != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

func lookPath(name string) (string, error) { return exec.LookPath(name) }

// runTool runs a program from the machine and returns what it printed.
func runTool(name string, args ...string) (string, error) {
	out, err := exec.Command(name, args...).CombinedOutput()
	return string(out), err
}

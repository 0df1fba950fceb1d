package main

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"workshop/i18n"
	"workshop/internal/testenv"
	"workshop/session"
)

// cli runs the workshop command line in-process, as a person would from the server's shell.
func cli(t testing.TB, args ...string) (string, error) {
	t.Helper()
	return cliIn(t, nil, args...)
}

// cliIn is cli for a person whose shell's locale is p's language (nil: English).
func cliIn(t testing.TB, p *i18n.Printer, args ...string) (string, error) {
	t.Helper()
	root := newRoot(p)
	var out bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&out)
	root.SetArgs(args)
	err := root.ExecuteContext(context.Background())
	return out.String(), err
}

// setup starts a server and registers a facilitator, returning the facilitator's key. Its
// data directory starts with a migrated database (see testenv.SeedDatabase); the tests of a
// first start begin from an empty one.
func setup(t testing.TB) (*testServer, gossh.Signer, string) {
	t.Helper()
	dir := t.TempDir()
	testenv.SeedDatabase(t, filepath.Join(dir, "workshop.db"))
	facKey, facPub := newKey(t)
	if out, err := cli(t, "facilitator", "add", "fran", facPub, "--data", dir); err != nil {
		t.Fatalf("facilitator add: %v\n%s", err, out)
	}
	ts := startTestServer(t, dir)
	return ts, facKey, dir
}

// createCohort creates a cohort over SSH as the facilitator and returns its join code.
func createCohort(t testing.TB, ts *testServer, facKey gossh.Signer) string {
	t.Helper()
	out, errOut, code := runCommand(t, ts.addr(), facKey, `cohort create --module e2e-basics --name "Tuesday group"`)
	if code != 0 {
		t.Fatalf("cohort create exit %d: %s %s", code, out, errOut)
	}
	jc := lastLine(out)
	if !session.LooksLikeJoinCode(jc) {
		t.Fatalf("last line %q is not a join code:\n%s", jc, out)
	}
	return jc
}

var rejoinRe = regexp.MustCompile(`[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}`)

// joinKeyless walks a keyless participant through the lobby and returns their rejoin code.
func joinKeyless(t *testing.T, c *termClient, code, name string) string {
	t.Helper()
	c.waitFor("Join a workshop")
	c.typeText(strings.ToLower(code))
	c.press(keyEnter)
	c.waitFor("What name")
	c.typeText(name)
	c.press(keyEnter)
	s := c.waitFor("Keep this code")
	rc := rejoinRe.FindString(s)
	if rc == "" {
		t.Fatalf("no rejoin code on screen:\n%s", s)
	}
	c.press(keyEnter)
	c.waitFor("Step 1 of 3")
	return rc
}

func TestKeylessParticipantAnswersAndRejoins(t *testing.T) {
	ts, facKey, _ := setup(t)
	code := createCohort(t, ts, facKey)

	ana := dialTerm(t, ts.addr(), "ana", nil, 80, 24)
	// A wrong code says so and lets the participant try again.
	ana.waitFor("Join a workshop")
	ana.typeText("ZZZZZZ" + keyEnter)
	ana.waitFor("No workshop or participant")
	rejoin := joinKeyless(t, ana, code, "Ana Souza")
	ana.waitFor("End-to-end basics", "Welcome to the session", "Nothing to do yet")

	if out, errOut, rc := runCommand(t, ts.addr(), facKey, "step "+code+" next"); rc != 0 {
		t.Fatalf("step next: %d %s %s", rc, out, errOut)
	}
	ana.waitFor("Step 2 of 3 — First thoughts", "What made the service easy or hard?")
	ana.typeText("The queue was long\rbut staff were kind")
	ana.press(keyCtrlS)
	ana.waitFor("Submitted")
	ana.close()

	// Back from "another machine": a new keyless connection with the rejoin code.
	again := dialTerm(t, ts.addr(), "someone", nil, 80, 24)
	again.waitFor("Join a workshop")
	again.typeText(rejoin + keyEnter)
	again.waitFor("Step 2 of 3", "The queue was long", "but staff were kind", "Submitted")

	// The answer is editable later.
	again.typeText(" and helpful")
	again.press(keyCtrlS)
	again.waitFor("staff were kind and helpful", "Submitted")
	again.close()

	// ... and survives a restart of the server.
	ts.restart()
	after := dialTerm(t, ts.addr(), strings.ReplaceAll(rejoin, "-", ""), nil, 80, 24)
	after.waitFor("Step 2 of 3", "staff were kind and helpful", "Submitted")
}

func TestKeyParticipantComesBackByKey(t *testing.T) {
	ts, facKey, _ := setup(t)
	code := createCohort(t, ts, facKey)
	key, _ := newKey(t)

	// CODE@host skips the code prompt.
	bo := dialTerm(t, ts.addr(), code, key, 80, 24)
	bo.waitFor("What name")
	bo.typeText("Bo Key" + keyEnter)
	s := bo.waitFor("Step 1 of 3")
	if strings.Contains(s, "Keep this code") || rejoinRe.MatchString(s) {
		t.Fatalf("a key holder was shown a rejoin code:\n%s", s)
	}
	runCommand(t, ts.addr(), facKey, "step "+code+" 2")
	bo.waitFor("Step 2 of 3")
	bo.typeText("draft by key")
	bo.press(keyCtrlS)
	bo.waitFor("Submitted")
	bo.close()

	back := dialTerm(t, ts.addr(), "bo", key, 80, 24)
	back.waitFor("Step 2 of 3", "draft by key")
	if strings.Contains(back.screen(), "What name") {
		t.Fatal("returning key holder was asked for a name")
	}
}

func TestFacilitatorConsoleMovesEveryone(t *testing.T) {
	ts, facKey, _ := setup(t)
	code := createCohort(t, ts, facKey)
	var people []*termClient
	for _, name := range []string{"Ana", "Bea", "Cai"} {
		c := dialTerm(t, ts.addr(), code, nil, 80, 24)
		c.waitFor("What name")
		c.typeText(name + keyEnter)
		c.waitFor("Keep this code")
		c.press(keyEnter)
		c.waitFor("Step 1 of 3")
		people = append(people, c)
	}

	fac := dialTerm(t, ts.addr(), "fran", facKey, 100, 30)
	fac.waitFor("facilitator console", code, "Tuesday group")
	fac.press(keyEnter)
	fac.waitFor("Step 1 of 3", "Ana", "Bea", "Cai", "3 online")
	fac.press("n")
	fac.waitFor("Step 2 of 3 — First thoughts", "0 of 3 submitted")
	for _, p := range people {
		p.waitFor("Step 2 of 3 — First thoughts")
	}
	people[1].typeText("Bea's answer")
	people[1].press(keyCtrlS)
	fac.waitFor("1 of 3 submitted")

	people[2].close()
	fac.waitFor("2 online")

	fac.press("p")
	for _, p := range people[:2] {
		p.waitFor("Step 1 of 3 — Welcome")
	}
}

func TestCommandsRefuseNonFacilitators(t *testing.T) {
	ts, facKey, _ := setup(t)
	code := createCohort(t, ts, facKey)
	stranger, _ := newKey(t)
	for _, who := range []struct {
		name string
		key  gossh.Signer
	}{{"keyless", nil}, {"unregistered key", stranger}} {
		for _, args := range []string{"cohorts", "cohort create --module e2e-basics --name X", "step " + code + " next"} {
			out, errOut, rc := runCommand(t, ts.addr(), who.key, args)
			if rc != 1 || !strings.Contains(errOut, "not allowed") || out != "" {
				t.Errorf("%s %q: exit %d, stdout %q, stderr %q", who.name, args, rc, out, errOut)
			}
		}
	}
	// Nothing moved.
	out, _, rc := runCommand(t, ts.addr(), facKey, "cohorts")
	if rc != 0 || strings.Count(out, "\n") != 2 || !strings.Contains(out, code) {
		t.Errorf("cohorts after refused commands (exit %d):\n%s", rc, out)
	}
	if !strings.Contains(out, "e2e-basics") || !strings.Contains(out, " 1/3 ") {
		t.Errorf("cohort moved or listing wrong:\n%s", out)
	}
}

func TestCommandErrors(t *testing.T) {
	ts, facKey, _ := setup(t)
	code := createCohort(t, ts, facKey)
	for args, want := range map[string]string{
		"step " + code + " 9":                  "step 9 does not exist",
		"step " + code + " sideways":           "not a step",
		"step QQQQQQ next":                     "no cohort",
		"cohort create --module nope --name X": "no module",
		"frobnicate":                           "unknown command",
	} {
		_, errOut, rc := runCommand(t, ts.addr(), facKey, args)
		if rc != 1 || !strings.Contains(errOut, want) {
			t.Errorf("%q: exit %d, stderr %q, want it to mention %q", args, rc, errOut, want)
		}
	}
}

// A client that stops reading must not hold up anyone else: its connection is stalled, so
// every write the server makes to it blocks, and everyone else still follows every move.
func TestStalledClientDoesNotDelayOthers(t *testing.T) {
	ts, facKey, _ := setup(t)
	code := createCohort(t, ts, facKey)

	live := dialTerm(t, ts.addr(), code, nil, 80, 24)
	live.waitFor("What name")
	live.typeText("Live" + keyEnter)
	live.waitFor("Keep this code")
	live.press(keyEnter)
	live.waitFor("Step 1 of 3")

	stalled := dialTerm(t, ts.addr(), code, nil, 200, 60)
	stalled.waitFor("What name")
	stalled.typeText("Stalled" + keyEnter)
	stalled.waitFor("Keep this code")
	stalled.press(keyEnter)
	stalled.waitFor("Step 1 of 3")

	// From now on the server's writes to the stalled client block at once, as they do when
	// its SSH window and socket buffers are full; no amount of output or time is needed.
	server := ts.conns.conn(stalled.Conn.LocalAddr())
	if server == nil {
		t.Fatal("the server's end of the stalled client's connection is not known")
	}
	server.stall()
	stalled.stopReading()
	if _, errOut, rc := runCommand(t, ts.addr(), facKey, "step "+code+" 2"); rc != 0 {
		t.Fatalf("step: %s", errOut)
	}
	live.waitFor("Step 2 of 3")
	waitUntil(t, "a server write to the stalled client blocks", func() bool { return server.blocked.Load() > 0 })

	// Everyone else still follows every move at once, while that write stays blocked.
	for i, want := range []int{3, 1, 2, 3, 1} {
		if _, errOut, rc := runCommand(t, ts.addr(), facKey, fmt.Sprintf("step %s %d", code, want)); rc != 0 {
			t.Fatalf("move %d: %s", i, errOut)
		}
		live.waitFor(fmt.Sprintf("Step %d of 3", want))
	}
	if server.blocked.Load() == 0 {
		t.Fatal("the stalled client's write went through; the moves above were not tested against a stall")
	}
	// A screen that stalls costs the hub nothing: it still counts the stalled participant.
	h, err := ts.srv.manager.HubByCode(context.Background(), code)
	if err != nil {
		t.Fatal(err)
	}
	if online, _, total := h.Snapshot().Counts(); online != 2 || total != 2 {
		t.Fatalf("%d of %d online, want 2 of 2", online, total)
	}
}

// waitUntil waits for a condition to hold, failing after a bounded time.
func waitUntil(t *testing.T, what string, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(15 * time.Second); !ok(); {
		if time.Now().After(deadline) {
			t.Fatalf("never happened: %s", what)
		}
		time.Sleep(10 * time.Millisecond) // polling interval, not a wait for the event
	}
}

// When a session's channel closes but the connection stays (shared connections), the program
// ends and the participant shows offline.
func TestClosedChannelEndsSession(t *testing.T) {
	ts, facKey, _ := setup(t)
	code := createCohort(t, ts, facKey)
	c := dialTerm(t, ts.addr(), code, nil, 80, 24)
	c.waitFor("What name")
	c.typeText("Shared" + keyEnter)
	c.waitFor("Keep this code")
	c.press(keyEnter)
	c.waitFor("Step 1 of 3")

	ctx := context.Background()
	h, err := ts.srv.manager.HubByCode(ctx, code)
	if err != nil {
		t.Fatal(err)
	}
	if n := h.Subscribers(); n != 1 {
		t.Fatalf("%d subscribers before close", n)
	}
	_ = c.Sess.Close() // the channel, not the connection
	deadline := time.Now().Add(10 * time.Second)
	for h.Subscribers() != 0 {
		if time.Now().After(deadline) {
			t.Fatal("session still subscribed after its channel closed")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if _, _, err := c.Conn.SendRequest("keepalive@openssh.com", true, nil); err != nil {
		t.Fatalf("connection should still be open: %v", err)
	}
	if m, _ := h.Snapshot().Member(h.Snapshot().Roster[0].ID); m.Online {
		t.Error("participant still online")
	}
}

// A small terminal is asked to grow instead of being drawn broken.
func TestTinyTerminal(t *testing.T) {
	ts, facKey, _ := setup(t)
	createCohort(t, ts, facKey)
	c := dialTerm(t, ts.addr(), "tiny", nil, 30, 8)
	c.waitFor("Please enlarge")
	c.resize(80, 24)
	c.waitFor("Join a workshop")
}

func setupB(b *testing.B) (*testServer, gossh.Signer, string) { return setup(b) }
func createCohortB(b *testing.B, ts *testServer, k gossh.Signer) string {
	return createCohort(b, ts, k)
}

// Stopping the server while participants are connected keeps the time they spent on their
// step: sessions finish storing it before the store closes.
func TestTimeOnStepSurvivesShutdown(t *testing.T) {
	ts, facKey, dir := setup(t)
	code := createCohort(t, ts, facKey)
	var names []string
	for _, name := range []string{"Uma", "Vic"} {
		c := dialTerm(t, ts.addr(), code, nil, 80, 24)
		c.waitFor("What name")
		c.typeText(name + keyEnter)
		c.waitFor("Keep this code")
		c.press(keyEnter)
		c.waitFor("Step 1 of 3")
		names = append(names, name)
	}
	ts.stop() // both still connected

	st, err := (&globals{dataDir: dir}).openStore()
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	c, err := st.CohortByCode(ctx, code)
	if err != nil {
		t.Fatal(err)
	}
	ps, _ := st.Participants(ctx, c.ID)
	times, err := st.StepTimes(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if times[p.ID]["welcome"] <= 0 {
			t.Errorf("%s: no time recorded on the first step (%v)", p.Name, times[p.ID])
		}
	}
	if len(ps) != len(names) {
		t.Fatalf("%d participants", len(ps))
	}
}

// An archived cohort takes no new participants.
func TestArchivedCohortRefusesNewcomers(t *testing.T) {
	ts, facKey, _ := setup(t)
	code := createCohort(t, ts, facKey)
	if _, errOut, rc := runCommand(t, ts.addr(), facKey, "archive "+code); rc != 0 {
		t.Fatalf("archive: %s", errOut)
	}
	c := dialTerm(t, ts.addr(), "late", nil, 80, 24)
	c.waitFor("Join a workshop")
	c.typeText(code + keyEnter)
	c.waitFor("has been archived")
	if strings.Contains(c.screen(), "What name") {
		t.Fatal("asked for a name in an archived cohort")
	}
}

// Typing that has not been saved yet (drafts wait for a pause) is stored when the connection
// drops.
func TestUnsavedTypingStoredOnDisconnect(t *testing.T) {
	ts, facKey, _ := setup(t)
	code := createCohort(t, ts, facKey)
	runCommand(t, ts.addr(), facKey, "step "+code+" 2")
	c := dialTerm(t, ts.addr(), code, nil, 80, 24)
	c.waitFor("What name")
	c.typeText("Quick" + keyEnter)
	c.waitFor("Keep this code")
	c.press(keyEnter)
	c.waitFor("Step 2 of 3")
	c.typeText("typed just before leaving")
	c.waitFor("typed just before leaving")
	c.close() // at once, before the draft's pause

	ctx := context.Background()
	h, err := ts.srv.manager.HubByCode(ctx, code)
	if err != nil {
		t.Fatal(err)
	}
	pid := h.Snapshot().Roster[0].ID
	deadline := time.Now().Add(10 * time.Second)
	for {
		a, found, err := h.Work(ctx, pid, "first-thoughts")
		if err != nil {
			t.Fatal(err)
		}
		if found && strings.Contains(string(a.Data), "typed just before leaving") {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("typing lost on disconnect: found=%v data=%s", found, a.Data)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

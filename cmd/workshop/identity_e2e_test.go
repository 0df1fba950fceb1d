package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"workshop/session"
)

// A facilitator removed with `workshop facilitator remove` while their console is open loses
// every right at once: the next key shows a plain notice instead of moving the cohort, an
// undo does nothing, and their SSH commands are refused.
func TestRemovedFacilitatorConsoleLosesItsRights(t *testing.T) {
	ts, facKey, dir, code := facStart(t)
	ana := facJoin(t, ts, code, "Ana Souza")
	fac := facConsole(t, ts, facKey, "fran", code)
	fac.waitFor("Ana Souza")
	fac.press("n")
	fac.waitFor("Step 2 of 6")
	ana.waitFor("Step 2 of 6")

	if out, err := cli(t, "facilitator", "remove", "fran", "--data", dir); err != nil {
		t.Fatalf("facilitator remove: %v\n%s", err, out)
	}
	fac.press("n")
	screen := fac.waitFor("Your facilitator key was removed")
	if strings.Contains(screen, "Ana Souza") || strings.Contains(screen, code) {
		t.Errorf("the notice still shows the cohort:\n%s", screen)
	}
	fac.press("u", "p", "esc", "n")
	if s := facHub(t, ts, code).Snapshot(); s.Cohort.Step != 1 {
		t.Errorf("the removed facilitator's keys moved the cohort to step %d", s.Cohort.Step+1)
	}
	for _, args := range []string{"step " + code + " undo", "roster " + code, "export " + code + " --format json", "cohorts"} {
		out, errOut, rc := runCommand(t, ts.addr(), facKey, args)
		if rc == 0 || !strings.Contains(errOut, "not allowed") || strings.Contains(out, "Ana") {
			t.Errorf("%q after removal: exit %d, %q %q", args, rc, out, errOut)
		}
	}
	ana.waitFor("Step 2 of 6")
	if strings.Contains(ts.log.String(), "facilitator action refused") == false {
		t.Error("the refusal is not logged")
	}
}

// Wrong join and rejoin codes cannot be tried without limit: a few are free on a connection
// and more from an address, then every try waits, and the wait is logged with where the tries
// came from and how many, never the codes. This covers the lobby prompt and CODE@host.
func TestCodeGuessingIsBounded(t *testing.T) {
	dir := t.TempDir()
	facKey, facPub := newKey(t)
	if out, err := cli(t, "facilitator", "add", "fran", facPub, "--data", dir); err != nil {
		t.Fatalf("facilitator add: %v\n%s", err, out)
	}
	clock := &e2eClock{t: time.Now()}
	ts := &testServer{t: t, log: &syncBuffer{}}
	ts.cfg = serveConfig{listen: "127.0.0.1:0", dataDir: dir, contentDir: filepath.Join("testdata", "modules"),
		host: "localhost", logFormat: "text", logOut: ts.log, now: clock.now}
	ts.start()
	t.Cleanup(ts.stop)
	code := createCohort(t, ts, facKey)

	n := 0
	guess := func(c *termClient) string {
		n++
		g := fmt.Sprintf("Z%05d", n)
		g = strings.NewReplacer("0", "Q", "1", "R").Replace(g) // letters of the code alphabet
		c.typeText(g + keyEnter)
		return g
	}
	one := dialTerm(t, ts.addr(), "guest", nil, 80, 24)
	one.waitFor("Join a workshop")
	var tried []string
	for range session.CodeTriesPerConn + 1 {
		g := guess(one)
		tried = append(tried, g)
		one.waitFor(`the code "` + g + `"`)
	}
	g := guess(one)
	tried = append(tried, g)
	one.waitFor("Too many wrong codes from here. Wait 1 second and try again.")
	// The right code is refused too while the wait lasts: the field empties, nothing opens.
	one.typeText(code)
	one.waitFor("Code › " + code)
	one.press(keyEnter)
	one.waitGone(code)
	if s := one.screen(); strings.Contains(s, "What name") || !strings.Contains(s, "Too many wrong codes") {
		t.Fatalf("the right code got through during the wait:\n%s", s)
	}
	clock.add(time.Second)
	one.typeText(code + keyEnter)
	one.waitFor("What name")

	// More connections from the same address use up the address's allowance.
	wrong := session.CodeTriesPerConn + 1
	for wrong <= session.CodeTriesPerAddr {
		c := dialTerm(t, ts.addr(), "guest", nil, 80, 24)
		c.waitFor("Join a workshop")
		for range session.CodeTriesPerConn {
			g := guess(c)
			tried = append(tried, g)
			c.waitFor(`the code "` + g + `"`)
			wrong++
		}
		c.close()
	}
	late := dialTerm(t, ts.addr(), code, nil, 80, 24)
	late.waitFor("Too many wrong codes from here. Wait")
	clock.add(session.CodeMaxWait)
	late.typeText(code + keyEnter)
	late.waitFor("What name")

	log := ts.log.String()
	if !strings.Contains(log, "wrong codes: next try delayed") || !strings.Contains(log, "remote=127.0.0.1") || !strings.Contains(log, "wrong_from_address=") {
		t.Errorf("the delays are not logged with address and counts:\n%s", log)
	}
	for _, g := range tried {
		if strings.Contains(log, g) {
			t.Errorf("the log holds a code that was tried, %s", g)
		}
	}
}

// e2eClock is a clock a test moves by hand.
type e2eClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *e2eClock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *e2eClock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

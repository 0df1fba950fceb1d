package main

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	_ "modernc.org/sqlite"
)

// With the database held by another connection's write transaction, an answer typed by a real
// participant over SSH stays on their screen with a plain sign that it is not saved yet, the
// fault is in the server's log at once, and the answer is stored as soon as the lock goes.
func TestAnswerTypedWhileDatabaseLockedIsStored(t *testing.T) {
	t.Parallel() // most of it is waiting (a lock's busy timeout, a grace time): it waits beside the others
	ts, c, code, unlock := lockedSession(t)
	ctx := context.Background()
	c.typeText("typed during the lock")
	s := c.waitFor("Not saved yet — retrying; your text is kept here", "typed during the lock")
	for _, bad := range []string{"Draft saved", "Submitted", "transaction", "SQLITE", "database", "artifact", "cohort "} {
		if strings.Contains(s, bad) {
			t.Fatalf("screen shows %q while the database is locked:\n%s", bad, s)
		}
	}
	if log := ts.log.String(); !strings.Contains(log, "work not stored") || !strings.Contains(log, "database is locked") {
		t.Fatalf("the fault is not in the log while the session runs:\n%s", log)
	}

	unlock()
	c.waitFor("Draft saved", "typed during the lock")
	h, err := ts.srv.manager.HubByCode(ctx, code)
	if err != nil {
		t.Fatal(err)
	}
	a, found, err := h.Work(ctx, h.Snapshot().Roster[0].ID, "first-thoughts")
	if err != nil || !found || !strings.Contains(string(a.Data), "typed during the lock") {
		t.Fatalf("answer not stored after the lock: found=%v err=%v data=%s", found, err, a.Data)
	}
}

// A participant who leaves while their answer still cannot be stored is told so plainly on
// their terminal, with their text to copy, instead of a screen that simply goes away.
func TestLeavingWhileDatabaseLockedSaysWhatWasNotStored(t *testing.T) {
	t.Parallel() // most of it is waiting (a lock's busy timeout, a grace time): it waits beside the others
	_, c, _, _ := lockedSession(t)
	c.typeText("Second line of my answer")
	c.waitFor("Not saved yet — retrying")
	c.press(keyCtrlC)
	s := c.waitFor("was not stored", "What you wrote (copy it to keep it):", "Second line of my answer")
	if !strings.Contains(s, "step 2 (First thoughts)") || strings.Contains(s, "SQLITE") || strings.Contains(s, "transaction") {
		t.Fatalf("final words not plain:\n%s", s)
	}
}

// lockedSession starts a server with a participant on a reflection step, then has another
// connection take the database's write lock and keep it, as a long CLI command or a backup
// tool would. unlock releases it; the test's end releases it too.
func lockedSession(t *testing.T) (ts *testServer, c *termClient, code string, unlock func()) {
	t.Helper()
	ts, facKey, dir := setup(t)
	code = createCohort(t, ts, facKey)
	runCommand(t, ts.addr(), facKey, "step "+code+" 2")
	c = dialTerm(t, ts.addr(), code, nil, 80, 24)
	c.waitFor("What name")
	c.typeText("Ana" + keyEnter)
	c.waitFor("Keep this code")
	c.press(keyEnter)
	c.waitFor("Step 2 of 3", "Not started") // the editor has loaded: typing reaches it

	ctx := context.Background()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, "workshop.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	unlock = func() {
		once.Do(func() {
			if _, err := conn.ExecContext(ctx, "ROLLBACK"); err != nil {
				t.Errorf("release the lock: %v", err)
			}
			_ = conn.Close()
		})
	}
	t.Cleanup(unlock)
	return ts, c, code, unlock
}

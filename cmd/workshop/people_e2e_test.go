package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"workshop/session"
)

// runCommandIn runs `ssh HOST args... < in` and returns stdout, stderr and the exit code.
func runCommandIn(t *testing.T, addr string, key gossh.Signer, args, in string) (string, string, int) {
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
	sess.Stdin, sess.Stdout, sess.Stderr = strings.NewReader(in), &out, &errOut
	err = sess.Run(args)
	var exit *gossh.ExitError
	switch {
	case err == nil:
		return out.String(), errOut.String(), 0
	case asExit(err, &exit):
		return out.String(), errOut.String(), exit.ExitStatus()
	}
	t.Fatalf("run %q: %v", args, err)
	return "", "", 0
}

// seatOf is the seat code printed on the line naming who.
func seatOf(t *testing.T, out, who string) string {
	t.Helper()
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, who+" ") || strings.HasPrefix(line, who+",") {
			if c := rejoinRe.FindString(line); c != "" {
				return c
			}
		}
	}
	t.Fatalf("no seat code for %s in:\n%s", who, out)
	return ""
}

// A roster imported over SSH (and one at the server's shell while it runs) gives each person
// a seat code; entering it, in the SSH user name or at the lobby, makes them that person, in
// the team the roster named. A file with a bad row imports nobody and names the row.
func TestRosterImportedPeopleClaimSeatsInTheirTeams(t *testing.T) {
	ts, facKey, dir, code := facStart(t)

	bad := "name,department,team\nAna Souza,Health,Blue\n,Tax,Red\n"
	out, errOut, rc := runCommandIn(t, ts.addr(), facKey, "cohort import "+code, bad)
	if rc == 0 || !strings.Contains(errOut, "line 3: no name") || rejoinRe.MatchString(out) {
		t.Fatalf("bad roster: exit %d\n%s\n%s", rc, out, errOut)
	}
	if s := facHub(t, ts, code).Snapshot(); len(s.Roster) != 0 {
		t.Fatalf("a refused roster imported %d people", len(s.Roster))
	}

	roster := "\ufeffName;Group;Team;Email\r\nAna Souza;Health;Blue;ana@example.org\r\nBruno Lima;Transport;Red;\r\nCarla Dias;Tax;blue;\r\n"
	out = mustRunIn(t, ts, facKey, "cohort import "+code, roster)
	if !strings.Contains(out, "Imported 3 people into "+code) {
		t.Errorf("import said:\n%s", out)
	}
	ana, bruno := seatOf(t, out, "Ana Souza"), seatOf(t, out, "Bruno Lima")
	csvOut := facRun(t, ts, facKey, "seats "+code+" --format csv")
	if !strings.Contains(csvOut, "name,department,team,email,seat_code,join") || !strings.Contains(csvOut, "Ana Souza,Health,Blue,ana@example.org,"+ana) {
		t.Errorf("seats --format csv:\n%s", csvOut)
	}

	// Ana puts her seat code in the SSH user name; Bruno types his at the lobby.
	a := dialTerm(t, ts.addr(), ana, nil, 80, 24)
	a.waitFor("Step 1 of 6")
	b := dialTerm(t, ts.addr(), "guest", nil, 80, 24)
	b.waitFor("Join a workshop")
	b.typeText(strings.ToLower(bruno) + keyEnter)
	b.waitFor("Step 1 of 6")

	// At the server's shell, while it runs: the running server takes Dora in as she claims.
	file := filepath.Join(t.TempDir(), "late.csv")
	if err := os.WriteFile(file, []byte("name,department,team\nDora Reis,Health,Green\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	shellOut, err := cli(t, "cohort", "import", code, file, "--data", dir)
	if err != nil {
		t.Fatalf("shell import: %v\n%s", err, shellOut)
	}
	d := dialTerm(t, ts.addr(), seatOf(t, shellOut, "Dora Reis"), nil, 80, 24)
	d.waitFor("Step 1 of 6")

	s := facHub(t, ts, code).Snapshot()
	teamOf := map[string]string{}
	for _, m := range s.Roster {
		if t2, ok := s.Team(m.TeamID); ok {
			teamOf[m.Label()] = t2.Name
		}
		if m.Online != (m.Name != "Carla Dias") {
			t.Errorf("%s online = %v", m.Label(), m.Online)
		}
	}
	if len(s.Roster) != 4 || teamOf["Ana Souza"] != "Blue" || teamOf["Bruno Lima"] != "Red" || teamOf["Carla Dias"] != "Blue" || teamOf["Dora Reis"] != "Green" {
		t.Errorf("roster %d people, teams %v", len(s.Roster), teamOf)
	}
	teams := facRun(t, ts, facKey, "teams "+code)
	if !strings.Contains(teams, "Blue (2): Ana Souza, Carla Dias") || !strings.Contains(teams, "Green (1): Dora Reis") {
		t.Errorf("teams:\n%s", teams)
	}
}

func mustRunIn(t *testing.T, ts *testServer, key gossh.Signer, args, in string) string {
	t.Helper()
	out, errOut, rc := runCommandIn(t, ts.addr(), key, args, in)
	if rc != 0 {
		t.Fatalf("%q: exit %d\n%s\n%s", args, rc, out, errOut)
	}
	return out
}

// A keyless person who lost their rejoin code comes back as a second record; merging the old
// record into the new one over SSH keeps every step's work on the one they use, with the older
// of two answers to one step in the timeline, and the old record's messages show on the
// screen of the kept one at once.
func TestMergeOfTwoRecordsKeepsAllWork(t *testing.T) {
	ts, facKey, _, code := facStart(t)
	ctx := context.Background()
	first := facJoin(t, ts, code, "Ana")
	h := facHub(t, ts, code)
	old := h.Snapshot().Roster[0]
	if _, err := h.SaveWork(ctx, old.ID, "recall", 1, []byte(`{"text":"from the first record"}`), true); err != nil {
		t.Fatal(err)
	}
	if _, err := h.SaveWork(ctx, old.ID, "barriers", 1, []byte(`{"items":[{"id":"a","text":"older barrier"}]}`), false); err != nil {
		t.Fatal(err)
	}
	first.close()
	again := facJoin(t, ts, code, "Ana")
	s := h.Snapshot()
	if len(s.Roster) != 2 || s.Roster[1].Label() != "Ana · 2" {
		t.Fatalf("roster %+v", s.Roster)
	}
	second := s.Roster[1]
	if _, err := h.SaveWork(ctx, second.ID, "barriers", 1, []byte(`{"items":[{"id":"b","text":"newer barrier"}]}`), false); err != nil {
		t.Fatal(err)
	}
	waitOffline(t, h, old.ID)
	// A message sent to the old record while she was away reaches her live screen on the
	// kept record as soon as the merge is done.
	facRun(t, ts, facKey, "message "+code+" Ana Welcome back, your work is safe")
	out := facRun(t, ts, facKey, "person merge "+code+" Ana=Ana · 2")
	again.waitFor("Welcome back, your work is safe")
	if !strings.Contains(out, "merged Ana into Ana · 2: steps whose work moved: 1; steps where both had work, the newer kept and the older in the timeline: 1") {
		t.Errorf("merge said: %s", out)
	}
	arts, err := ts.srv.store.Artifacts(ctx, h.Snapshot().Cohort.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	work := map[string]string{}
	for _, a := range arts {
		if a.ParticipantID != second.ID {
			t.Errorf("work left on %d", a.ParticipantID)
		}
		work[a.StepID] = string(a.Data)
	}
	if len(arts) != 2 || !strings.Contains(work["recall"], "first record") || !strings.Contains(work["barriers"], "newer barrier") {
		t.Errorf("work after merge: %v", work)
	}
	if tl := facRun(t, ts, facKey, "timeline "+code); !strings.Contains(tl, "older barrier") || !strings.Contains(tl, "merged Ana into Ana · 2") {
		t.Errorf("timeline:\n%s", tl)
	}
	if roster := facRun(t, ts, facKey, "roster "+code); strings.Count(roster, "Ana") != 1 {
		t.Errorf("roster after merge:\n%s", roster)
	}
	again.waitFor("Step 1 of 6")
}

func waitOffline(t *testing.T, h *session.Hub, pid int64) {
	t.Helper()
	sub, err := h.Subscribe(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Close()
	for {
		if m, ok := sub.Snapshot().Member(pid); !ok || !m.Online {
			return
		}
		select {
		case <-sub.Updates():
		case <-time.After(15 * time.Second):
			t.Fatalf("participant %d still online", pid)
		}
	}
}

// Renaming a participant and reissuing their rejoin code over SSH: the old code stops
// working and the new one brings them back; removal asks for --yes and names the export.
func TestRenameAndReissueRejoinCode(t *testing.T) {
	ts, facKey, _, code := facStart(t)
	c := dialTerm(t, ts.addr(), code, nil, 80, 24)
	c.waitFor("What name")
	c.typeText("Anna" + keyEnter)
	old := rejoinRe.FindString(c.waitFor("Keep this code"))
	c.press(keyEnter)
	c.waitFor("Step 1 of 6")
	c.close()

	if out := facRun(t, ts, facKey, "person rename "+code+" Anna=Ana Souza"); !strings.Contains(out, "Anna is now Ana Souza") {
		t.Errorf("rename said: %s", out)
	}
	if out := facRun(t, ts, facKey, "person code "+code+" Ana Souza"); !strings.Contains(out, old) {
		t.Errorf("code lookup said: %s (want %s)", out, old)
	}
	out := facRun(t, ts, facKey, "person code "+code+" Ana Souza --reissue")
	fresh := rejoinRe.FindString(out)
	if fresh == "" || fresh == old {
		t.Fatalf("reissue said: %s", out)
	}
	stale := dialTerm(t, ts.addr(), "guest", nil, 80, 24)
	stale.waitFor("Join a workshop")
	stale.typeText(old + keyEnter)
	stale.waitFor("No workshop or participant has the code")
	back := dialTerm(t, ts.addr(), fresh, nil, 80, 24)
	back.waitFor("Step 1 of 6")
	if tl := facRun(t, ts, facKey, "timeline "+code); !strings.Contains(tl, "renamed Anna to Ana Souza") || !strings.Contains(tl, "reissued the rejoin code of Ana Souza") {
		t.Errorf("timeline:\n%s", tl)
	}
	_, errOut, rc := runCommand(t, ts.addr(), facKey, "person remove "+code+" Ana Souza")
	if rc == 0 || !strings.Contains(errOut, "take an export first (export "+code+")") {
		t.Errorf("remove without --yes: exit %d %s", rc, errOut)
	}
}

// Teams made over SSH from the departments a roster gave: one per department, or mixed so
// that no team has two people of one department when none is bigger than the teams.
func TestTeamsByAndAcrossDepartments(t *testing.T) {
	ts, facKey, _, code := facStart(t)
	mustRunIn(t, ts, facKey, "cohort import "+code, "name,department\nAna,Health\nBea,Health\nCai,Tax\nDan,Tax\nEva,Transport\nFil,Transport\n")
	out := facRun(t, ts, facKey, "teams "+code+" --by department")
	for _, want := range []string{"Health (2): Ana, Bea", "Tax (2): Cai, Dan", "Transport (2): Eva, Fil"} {
		if !strings.Contains(out, want) {
			t.Errorf("--by department: no %q in\n%s", want, out)
		}
	}
	facRun(t, ts, facKey, "teams "+code+" --mix department --count 2")
	s := facHub(t, ts, code).Snapshot()
	seen := map[string]bool{}
	for _, m := range s.Roster {
		k := fmt.Sprint(m.TeamID, m.Department)
		if m.TeamID == 0 || seen[k] {
			t.Errorf("%s (%s) in team %d twice or in none", m.Label(), m.Department, m.TeamID)
		}
		seen[k] = true
	}
	if _, errOut, rc := runCommand(t, ts.addr(), facKey, "teams "+code+" --mix department"); rc == 0 || !strings.Contains(errOut, "--count N or --size K") {
		t.Errorf("--mix without a count: exit %d %s", rc, errOut)
	}
}

// A participant with an SSH key who claims an imported seat with its code has the key tied to
// the seat: their next ssh, without any code, lands them in it, with the team the roster gave.
// The seat code still works from a machine without the key.
func TestKeyHolderClaimingSeatComesBackWithKey(t *testing.T) {
	ts, facKey, _, code := facStart(t)
	out := mustRunIn(t, ts, facKey, "cohort import "+code, "name,team\nAna Souza,Blue\nBruno Lima,Red\n")
	seat := seatOf(t, out, "Ana Souza")
	key, _ := newKey(t)

	a := dialTerm(t, ts.addr(), seat, key, 80, 24)
	a.waitFor("Step 1 of 6")
	a.close()
	again := dialTerm(t, ts.addr(), "guest", key, 80, 24)
	again.waitFor("Step 1 of 6")
	s := facHub(t, ts, code).Snapshot()
	if len(s.Roster) != 2 {
		t.Fatalf("the key made a record of its own: %d people", len(s.Roster))
	}
	for _, m := range s.Roster {
		team, _ := s.Team(m.TeamID)
		switch {
		case m.Name == "Ana Souza" && (!m.Online || m.Fingerprint == "" || team.Name != "Blue"):
			t.Errorf("Ana: online %v, key %q, team %q", m.Online, m.Fingerprint, team.Name)
		case m.Name == "Bruno Lima" && (m.Online || m.Fingerprint != ""):
			t.Errorf("Bruno: online %v, key %q", m.Online, m.Fingerprint)
		}
	}
	again.close()
	keyless := dialTerm(t, ts.addr(), seat, nil, 80, 24)
	keyless.waitFor("Step 1 of 6")
	if tl := facRun(t, ts, facKey, "timeline "+code); !strings.Contains(tl, "Ana Souza claimed their seat with an SSH key") {
		t.Errorf("the timeline does not say the key was tied:\n%s", tl)
	}
}

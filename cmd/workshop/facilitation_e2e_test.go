package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"workshop/session"
)

// Facilitation end to end: a facilitator's console and several participants over real SSH,
// on the "facilitation" test module (6 steps: arrivals, a reflection with a 3-minute time box,
// an anonymous list, a team board, a vote on the anonymous list, closing).

const keyCtrlR = "\x12"

// facStart starts a server, registers fran and creates a cohort on the facilitation module.
func facStart(t *testing.T) (ts *testServer, facKey gossh.Signer, dir, code string) {
	t.Helper()
	ts, facKey, dir = setup(t)
	out := facRun(t, ts, facKey, `cohort create --module facilitation --name "Thursday group"`)
	code = lastLine(out)
	if !session.LooksLikeJoinCode(code) {
		t.Fatalf("last line %q is not a join code:\n%s", code, out)
	}
	return ts, facKey, dir, code
}

// facRun runs an SSH command as a facilitator and fails the test unless it succeeds.
func facRun(t *testing.T, ts *testServer, key gossh.Signer, args string) string {
	t.Helper()
	out, errOut, rc := runCommand(t, ts.addr(), key, args)
	if rc != 0 {
		t.Fatalf("%q: exit %d\nstdout: %s\nstderr: %s", args, rc, out, errOut)
	}
	return out
}

// facJoin brings a keyless participant into the cohort and onto its first step.
func facJoin(t *testing.T, ts *testServer, code, name string) *termClient {
	t.Helper()
	c := dialTerm(t, ts.addr(), code, nil, 80, 24)
	c.Name = name
	c.waitFor("What name")
	c.typeText(name + keyEnter)
	c.waitFor("Keep this code")
	c.press(keyEnter)
	c.waitFor("Step 1 of 6")
	return c
}

// facConsole opens the facilitator console and enters the only cohort.
func facConsole(t *testing.T, ts *testServer, key gossh.Signer, who, code string) *termClient {
	t.Helper()
	c := dialTerm(t, ts.addr(), who, key, 100, 30)
	c.waitFor("facilitator console", code)
	c.press(keyEnter)
	c.waitFor("Code "+code, "Step ")
	return c
}

func facHub(t *testing.T, ts *testServer, code string) *session.Hub {
	t.Helper()
	h, err := ts.srv.manager.HubByCode(context.Background(), code)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// waitLines waits until, for each pair of texts, the screen line holding the first also holds
// the second, e.g. a roster row and the step shown in it.
func waitLines(c *termClient, pairs ...string) {
	c.T.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		s := c.screen()
		missing := ""
		for i := 0; i+1 < len(pairs); i += 2 {
			if !strings.Contains(facLine(s, pairs[i]), pairs[i+1]) {
				missing = pairs[i] + " … " + pairs[i+1]
				break
			}
		}
		if missing == "" {
			return
		}
		if time.Now().After(deadline) {
			c.T.Fatalf("%s: no line shows %q; the screen shows:\n%s", c.Name, missing, s)
		}
		time.Sleep(20 * time.Millisecond) // polling interval, not a wait for a screen
	}
}

// facLine returns the first screen line containing text, or "".
func facLine(screen, text string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, text) {
			return l
		}
	}
	return ""
}

// One facilitator runs a live cohort from the console, by key alone: every move and switch
// reaches every participant's screen.
func TestFacilitatorRunsLiveCohortFromConsole(t *testing.T) {
	ts, facKey, _, code := facStart(t)
	ana := facJoin(t, ts, code, "Ana Souza")
	bea := facJoin(t, ts, code, "Bea Lima")
	cai := facJoin(t, ts, code, "Cai Rocha")
	people := []*termClient{ana, bea, cai}
	fac := facConsole(t, ts, facKey, "fran", code)
	fac.waitFor("Ana Souza", "Bea Lima", "Cai Rocha", "3 online", "Join: ssh -p")

	// The step's facilitator notes are on the console and on no participant's screen.
	fac.waitFor("Notes: Greet people by name as they arrive.")
	for _, p := range people {
		if s := p.screen(); strings.Contains(s, "Greet people") {
			t.Errorf("%s sees the facilitator notes:\n%s", p.Name, s)
		}
	}

	// Moving, and undoing an accidental move in one key.
	fac.press("n")
	fac.waitFor("Step 2 of 6 — Recall a visit", "0 of 3 submitted")
	for _, p := range people {
		p.waitFor("Step 2 of 6 — Recall a visit")
	}
	fac.press("n")
	fac.waitFor("Step 3 of 6")
	fac.press("u")
	fac.waitFor("Step 2 of 6 — Recall a visit", "Move undone")
	for _, p := range people {
		p.waitFor("Step 2 of 6 — Recall a visit")
	}

	// Locking the step makes it read-only everywhere; unlocking gives it back.
	fac.press("L")
	fac.waitFor("Locked")
	for _, p := range people {
		p.waitFor("Locked")
	}
	fac.press("L")
	fac.waitFor("Unlocked")
	for _, p := range people {
		p.waitGone("Locked")
	}

	// A timer for the step's time box shows on every screen; paused, then stopped.
	fac.press("t")
	fac.waitFor("Timer ›", "enter for the step's 3 min")
	fac.press(keyEnter)
	fac.waitFor("⏱ 0")
	for _, p := range people {
		p.waitFor("⏱ 0")
	}
	fac.press(" ")
	fac.waitFor("⏸ 0")
	for _, p := range people {
		p.waitFor("⏸ 0")
	}
	fac.press("T")
	fac.waitFor("Timer stopped")
	for _, p := range people {
		p.waitGone("⏸")
	}

	// An announcement stays on every screen until dismissed.
	fac.press("a")
	fac.typeText("Back at 10:30" + keyEnter)
	fac.waitFor("Announcement: Back at 10:30")
	for _, p := range people {
		p.waitFor("Announcement: Back at 10:30")
	}
	fac.press("A")
	for _, p := range people {
		p.waitGone("Announcement:")
	}

	// A raised hand with a message: the facilitator sees who and since when, and clears it.
	bea.press(keyCtrlR)
	bea.waitFor("Ask for help (optional message):")
	bea.typeText("Where is the form?" + keyEnter)
	bea.waitFor("✋ Hand raised")
	fac.waitFor("✋ 1")
	if l := facLine(fac.screen(), "Bea Lima"); !strings.Contains(l, "✋ now") {
		t.Errorf("roster line of Bea does not show the raised hand: %q", l)
	}
	fac.press("2")
	fac.waitFor("1 waiting", "Bea Lima — Where is the form?")
	fac.press("x")
	fac.waitFor("No hands raised")
	bea.waitGone("✋ Hand raised")

	// Answers arrive on the wall; one is spotlit on every screen, without its author.
	ana.typeText("The queue moved once an hour")
	ana.press(keyCtrlS)
	ana.waitFor("Submitted")
	fac.press("3")
	fac.waitFor("1 answer, 1 submitted", "Ana Souza", "The queue moved once an hour")
	fac.press(keyEnter)
	fac.waitFor("Spotlight: An answer")
	for _, p := range []*termClient{bea, cai} {
		s := p.waitFor("Spotlight: An answer", "The queue moved once an hour")
		if strings.Contains(s, "Ana Souza") {
			t.Errorf("%s sees the spotlit answer's author:\n%s", p.Name, s)
		}
	}
	fac.press("S")
	for _, p := range people {
		p.waitGone("Spotlight:")
	}

	// At zero every screen says so, calmly.
	facRun(t, ts, facKey, "timer "+code+" 1s")
	fac.waitFor("Time is up")
	for _, p := range people {
		p.waitFor("Time is up")
	}

	// Everything above is in the timeline, under the facilitator's name.
	tl := facRun(t, ts, facKey, "timeline "+code)
	for _, want := range []string{"fran  step", "fran  undo", "fran  lock", "fran  unlock", "fran  timer", "fran  announce", "fran  hand", "fran  spotlight"} {
		if !strings.Contains(tl, want) {
			t.Errorf("timeline has no %q:\n%s", want, tl)
		}
	}
}

// Breakout teams formed by command are the teams a team exercise works in: teammates share
// a board, and the facilitator can spotlight one team's board.
func TestTeamsFormedAndUsedByTeamExercise(t *testing.T) {
	ts, facKey, _, code := facStart(t)
	names := []string{"Ana Souza", "Bea Lima", "Cai Rocha", "Dan Melo"}
	byName := map[string]*termClient{}
	for _, n := range names {
		byName[n] = facJoin(t, ts, code, n)
	}
	out := facRun(t, ts, facKey, "teams "+code+" --count 2")
	if !strings.Contains(out, "Team 1 (2):") || !strings.Contains(out, "Team 2 (2):") {
		t.Fatalf("teams output:\n%s", out)
	}
	s := facHub(t, ts, code).Snapshot()
	teamOf := map[string]string{}
	for _, m := range s.Roster {
		team, ok := s.Team(m.TeamID)
		if !ok {
			t.Fatalf("%s is in no team", m.Name)
		}
		teamOf[m.Name] = team.Name
		byName[m.Name].waitFor("Team: " + team.Name)
	}

	// Renamed from the console; moved by command.
	fac := facConsole(t, ts, facKey, "fran", code)
	fac.press("4")
	fac.waitFor("Team 1 · 2", "Team 2 · 2")
	fac.press("e")
	fac.waitFor("Team name › Team 1")
	fac.typeText("\x15Blue" + keyEnter) // ctrl+u clears the field first
	fac.waitFor("Blue · 2")
	for n, team := range teamOf {
		if team == "Team 1" {
			teamOf[n] = "Blue"
			byName[n].waitFor("Team: Blue")
		}
	}

	// On the team step, an item one teammate adds shows on the other's board, not elsewhere.
	facRun(t, ts, facKey, "step "+code+" 4")
	var writer, mate, other string
	for _, n := range names {
		switch {
		case writer == "" && teamOf[n] == "Blue":
			writer = n
		case teamOf[n] == "Blue":
			mate = n
		default:
			other = n
		}
	}
	w := byName[writer]
	w.waitFor("Step 4 of 6 — Team board", "Team: Blue", "Add an item") // the board has loaded
	w.press("a")
	w.typeText("Open on Saturdays" + keyEnter)
	byName[mate].waitFor("Step 4 of 6", "Open on Saturdays")
	if strings.Contains(byName[other].waitFor("Step 4 of 6"), "Open on Saturdays") {
		t.Errorf("%s of the other team sees Blue's board", other)
	}

	// The facilitator's wall shows the board under the team's name and spotlights it.
	fac.press("3")
	fac.waitFor("1 team board", "Blue", "Open on Saturdays")
	facRun(t, ts, facKey, "spotlight "+code+" --team Blue")
	for _, n := range names {
		byName[n].waitFor("Spotlight: Blue's board", "Open on Saturdays")
	}
	facRun(t, ts, facKey, "spotlight "+code+" --release")
	byName[other].waitGone("Spotlight:")

	// Moving a person by command changes their team on their screen.
	facRun(t, ts, facKey, fmt.Sprintf("teams %s --move %s=Blue", code, other))
	byName[other].waitFor("Team: Blue")
}

// Self-paced: each participant moves on their own and the roster shows where everyone is;
// two facilitators run the cohort together and each sees what the other does.
func TestSelfPacedWithTwoFacilitators(t *testing.T) {
	ts, facKey, dir, code := facStart(t)
	gilKey, gilPub := newKey(t)
	if out, err := cli(t, "facilitator", "add", "gil", gilPub, "--data", dir); err != nil {
		t.Fatalf("add second facilitator: %v\n%s", err, out)
	}
	ana := facJoin(t, ts, code, "Ana Souza")
	bea := facJoin(t, ts, code, "Bea Lima")
	fran := facConsole(t, ts, facKey, "fran", code)
	gil := facConsole(t, ts, gilKey, "gil", code)

	fran.press("m")
	fran.waitFor("self-paced", "STEP")
	gil.waitFor("self-paced", "fran pace")

	ana.press("]")
	ana.waitFor("Step 2 of 6")
	ana.press(keyTab) // from the answer field back to the guidance, where ] moves on
	ana.press("]")
	ana.waitFor("Step 3 of 6")
	for _, f := range []*termClient{fran, gil} {
		waitLines(f, "Ana Souza", "step 3", "Bea Lima", "step 1")
	}
	if s := bea.screen(); !strings.Contains(s, "Step 1 of 6") {
		t.Errorf("Bea moved with Ana:\n%s", s)
	}

	// gil announces; fran sees the announcement and who made it.
	gil.press("a")
	gil.typeText("Ten minutes left" + keyEnter)
	fran.waitFor("Announcement: Ten minutes left", "gil announce")
	ana.waitFor("Announcement: Ten minutes left")
	bea.waitFor("Announcement: Ten minutes left")

	// Back to facilitator-led by command: everyone is on the facilitator's step again.
	facRun(t, ts, gilKey, "pace "+code+" led")
	fran.waitFor("gil pace")
	ana.waitFor("Step 1 of 6")
}

// Every facilitator action is also an SSH command for scripts, and the timeline records it.
func TestFacilitationCommands(t *testing.T) {
	ts, facKey, _, code := facStart(t)
	ana := facJoin(t, ts, code, "Ana Souza")
	bea := facJoin(t, ts, code, "Bea Lima")

	help := facRun(t, ts, facKey, "help")
	for _, cmd := range []string{"cohorts", "cohort", "step", "pace", "lock", "unlock", "timer", "announce", "hands", "teams", "spotlight", "vote", "roster", "archive", "timeline"} {
		if !strings.Contains(help, "\n  "+cmd+" ") {
			t.Errorf("help does not list %q:\n%s", cmd, help)
		}
	}

	if out := facRun(t, ts, facKey, "step "+code+" 3"); !strings.Contains(out, "step 3 of 6 — Barriers nobody names") {
		t.Errorf("step 3: %s", out)
	}
	ana.waitFor("Step 3 of 6")
	if out := facRun(t, ts, facKey, "step "+code+" undo"); !strings.Contains(out, "step 1 of 6") {
		t.Errorf("step undo: %s", out)
	}
	ana.waitFor("Step 1 of 6")
	facRun(t, ts, facKey, "step "+code+" next")
	ana.waitFor("Step 2 of 6")

	if out := facRun(t, ts, facKey, "lock "+code); !strings.Contains(out, "step 2 — Recall a visit is locked") {
		t.Errorf("lock: %s", out)
	}
	bea.waitFor("Locked")
	facRun(t, ts, facKey, "unlock "+code+" 2")
	bea.waitGone("Locked")

	if out := facRun(t, ts, facKey, "timer "+code+" 5m"); !strings.Contains(out, "running (of 5m)") {
		t.Errorf("timer 5m: %s", out)
	}
	ana.waitFor("⏱ 0")
	if out := facRun(t, ts, facKey, "timer "+code+" +2m"); !strings.Contains(out, "running (of 7m)") {
		t.Errorf("timer +2m: %s", out)
	}
	if out := facRun(t, ts, facKey, "timer "+code+" -3m"); !strings.Contains(out, "⏱ 04:00 running (of 4m)") && !strings.Contains(out, "⏱ 03:5") {
		t.Errorf("timer -3m: %s", out)
	}
	facRun(t, ts, facKey, "timer "+code+" pause")
	ana.waitFor("⏸ 0")
	facRun(t, ts, facKey, "timer "+code+" resume")
	ana.waitFor("⏱ 0")
	facRun(t, ts, facKey, "timer "+code+" stop")
	ana.waitGone("⏱")

	// The message arrives split into words by ssh; the command puts it back together.
	facRun(t, ts, facKey, "announce "+code+" Back at 10:30")
	bea.waitFor("Announcement: Back at 10:30")
	facRun(t, ts, facKey, "announce "+code+" --clear")
	bea.waitGone("Announcement:")

	bea.press(keyCtrlR)
	bea.waitFor("Ask for help (optional message):")
	bea.typeText("stuck" + keyEnter)
	bea.waitFor("✋ Hand raised")
	if out := facRun(t, ts, facKey, "hands "+code); !strings.Contains(facLine(out, "Bea Lima"), "stuck") {
		t.Errorf("hands: %s", out)
	}
	facRun(t, ts, facKey, "hands "+code+" --clear Bea Lima")
	bea.waitGone("✋ Hand raised")

	ana.typeText("Waited two hours")
	ana.press(keyCtrlS)
	ana.waitFor("Submitted")
	wall := facRun(t, ts, facKey, "spotlight "+code)
	key := ""
	for _, l := range strings.Split(wall, "\n") {
		if strings.HasSuffix(l, "] Ana Souza") {
			key = strings.TrimPrefix(strings.Fields(l)[0], "[")
			key = strings.TrimSuffix(key, "]")
		}
	}
	if key == "" {
		t.Fatalf("spotlight listing has no key for Ana's answer:\n%s", wall)
	}
	facRun(t, ts, facKey, "spotlight "+code+" "+key)
	bea.waitFor("Spotlight: An answer", "Waited two hours")
	facRun(t, ts, facKey, "spotlight "+code+" --release")
	bea.waitGone("Spotlight:")

	// Anonymous items, then a vote on them whose result everyone sees when revealed.
	facRun(t, ts, facKey, "step "+code+" 3")
	ana.waitFor("Step 3 of 6")
	ana.press("a")
	ana.typeText("Forms only in person" + keyEnter)
	bea.waitFor("Forms only in person")
	anon := facRun(t, ts, facKey, "spotlight "+code)
	if !strings.Contains(anon, "anonymous") || strings.Contains(anon, "Ana Souza") {
		t.Errorf("anonymous answers listing:\n%s", anon)
	}
	facRun(t, ts, facKey, "step "+code+" 5")
	bea.waitFor("Step 5 of 6", "Forms only in person")
	if _, errOut, rc := runCommand(t, ts.addr(), facKey, "vote "+code+" open 2"); rc != 1 || !strings.Contains(errOut, "not a vote") {
		t.Errorf("vote on a reflection step: exit %d, %s", rc, errOut)
	}
	if out := facRun(t, ts, facKey, "vote "+code+" close"); !strings.Contains(out, "is closed; results hidden") {
		t.Errorf("vote close: %s", out)
	}
	facRun(t, ts, facKey, "vote "+code+" reveal")
	for _, p := range []*termClient{ana, bea} {
		p.waitFor("Results", "Forms only in person")
	}
	facRun(t, ts, facKey, "vote "+code+" hide")
	facRun(t, ts, facKey, "vote "+code+" open 5")
	if v := facHub(t, ts, code).Snapshot().Cohort.Live.Vote("dots"); v.Closed || v.Revealed {
		t.Errorf("vote state after open and hide: %+v", v)
	}

	// Teams and the roster, for scripts.
	facRun(t, ts, facKey, "teams "+code+" --size 1")
	var roster struct {
		Code         string `json:"code"`
		Step         int    `json:"step"`
		Total        int    `json:"total"`
		Online       int    `json:"online"`
		Participants []struct {
			Name   string `json:"name"`
			Online bool   `json:"online"`
			Step   int    `json:"step"`
			Status string `json:"status"`
			Team   string `json:"team"`
		} `json:"participants"`
	}
	out := facRun(t, ts, facKey, "roster "+code+" --format json")
	if err := json.Unmarshal([]byte(out), &roster); err != nil {
		t.Fatalf("roster json: %v\n%s", err, out)
	}
	if roster.Code != code || roster.Step != 5 || roster.Total != 2 || roster.Online != 2 || len(roster.Participants) != 2 ||
		roster.Participants[0].Name != "Ana Souza" || !roster.Participants[0].Online || roster.Participants[0].Team == "" {
		t.Errorf("roster json:\n%s", out)
	}
	if text := facRun(t, ts, facKey, "roster "+code); !strings.Contains(text, "0 of 2 submitted · 2 online") {
		t.Errorf("roster text:\n%s", text)
	}

	facRun(t, ts, facKey, "pace "+code+" self")
	facRun(t, ts, facKey, "archive "+code)
	if out := facRun(t, ts, facKey, "cohorts"); strings.Contains(out, code) {
		t.Errorf("archived cohort still listed:\n%s", out)
	}
	if out := facRun(t, ts, facKey, "cohorts --all"); !strings.Contains(out, code) || !strings.Contains(out, "archived") {
		t.Errorf("cohorts --all:\n%s", out)
	}
	facRun(t, ts, facKey, "archive "+code+" --undo")

	tl := facRun(t, ts, facKey, "timeline "+code)
	for _, action := range []string{"step", "undo", "lock", "unlock", "timer", "announce", "hand", "spotlight", "vote", "teams", "pace", "archive"} {
		if !strings.Contains(tl, "fran  "+action) {
			t.Errorf("timeline has no %q by fran:\n%s", action, tl)
		}
	}
}

// A participant can trigger no facilitator action: commands are refused for keyless and
// unregistered keys, and no key of the participant app changes the cohort.
func TestParticipantCannotActAsFacilitator(t *testing.T) {
	ts, _, _, code := facStart(t)
	stranger, _ := newKey(t)
	commands := []string{
		"cohorts", "cohort create --module facilitation --name X", "step " + code + " next", "step " + code + " undo",
		"pace " + code + " self", "lock " + code, "unlock " + code, "timer " + code + " 5m", "announce " + code + " hello",
		"hands " + code + " --clear all", "teams " + code + " --count 2", "spotlight " + code + " --release",
		"vote " + code + " reveal 5", "roster " + code, "archive " + code, "timeline " + code, "help",
	}
	for _, who := range []struct {
		name string
		key  gossh.Signer
	}{{"keyless", nil}, {"unregistered key", stranger}} {
		for _, args := range commands {
			out, errOut, rc := runCommand(t, ts.addr(), who.key, args)
			if rc != 1 || !strings.Contains(errOut, "not allowed") || out != "" {
				t.Errorf("%s %q: exit %d, stdout %q, stderr %q", who.name, args, rc, out, errOut)
			}
		}
	}

	h := facHub(t, ts, code)
	before := h.Snapshot().Cohort
	events, err := h.RecentActions(context.Background(), session.ShellActor("fran"), 0)
	if err != nil {
		t.Fatal(err)
	}

	// A participant with a key, pressing every key the console acts on.
	key, _ := newKey(t)
	p := dialTerm(t, ts.addr(), code, key, 80, 24)
	p.waitFor("What name")
	p.typeText("Pat Key" + keyEnter)
	p.waitFor("Step 1 of 6")
	for _, k := range []string{"n", "p", "u", "g", "m", "L", "t", " ", "+", "-", "T", "a", "A", "S", "v", "V", "x", "X", "c", "s", "e", "o", "1", "2", "3", "4", "5", "6", keyTab} {
		p.press(k)
	}
	// Keys are handled in order: once the hand prompt shows, every key above was handled.
	p.press(keyCtrlR)
	p.waitFor("Ask for help (optional message):")
	p.press(keyEsc)

	after := h.Snapshot().Cohort
	if after.Step != before.Step || after.Pace != before.Pace || !after.ArchivedAt.IsZero() {
		t.Errorf("a participant changed the cohort: %+v -> %+v", before, after)
	}
	l := after.Live
	if len(l.Locked) > 0 || l.Timer != nil || l.Announcement != nil || l.Spotlight != nil || len(l.Votes) > 0 || len(h.Snapshot().Teams) > 0 {
		t.Errorf("a participant changed the live state: %+v", l)
	}
	got, err := h.RecentActions(context.Background(), session.ShellActor("fran"), 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(events) {
		t.Errorf("the timeline grew from %d to %d events: %+v", len(events), len(got), got[len(events):])
	}
}

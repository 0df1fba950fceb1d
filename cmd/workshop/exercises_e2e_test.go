package main

import (
	"context"
	"fmt"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"workshop/session"
)

// Steps of the e2e-exercises module (testdata/modules/exercises.yaml), 1-based.
const (
	exReflect   = 2
	exIdeas     = 3
	exTeamIdeas = 4
	exVote      = 6
	exPlace     = 8
	exSteps     = 14
)

// exercisesCohort creates a facilitator-led cohort on the module with every exercise kind.
func exercisesCohort(t *testing.T, ts *testServer, facKey gossh.Signer) string {
	t.Helper()
	out, errOut, rc := runCommand(t, ts.addr(), facKey, `cohort create --module e2e-exercises --name "Exercises"`)
	if rc != 0 {
		t.Fatalf("cohort create exit %d: %s %s", rc, out, errOut)
	}
	return lastLine(out)
}

// joinAs joins a keyless participant with the join code as the SSH user and returns their
// screen and rejoin code.
func joinAs(t *testing.T, ts *testServer, code, name string) (*termClient, string) {
	t.Helper()
	c := dialTerm(t, ts.addr(), code, nil, 80, 24)
	c.waitFor("What name")
	c.typeText(name + keyEnter)
	s := c.waitFor("Keep this code")
	rejoin := rejoinRe.FindString(s)
	c.press(keyEnter)
	c.waitFor(fmt.Sprintf("of %d", exSteps))
	return c, rejoin
}

// moveTo puts the cohort on a step over SSH, as a facilitator's script would.
func moveTo(t *testing.T, ts *testServer, facKey gossh.Signer, code string, step int) {
	t.Helper()
	if out, errOut, rc := runCommand(t, ts.addr(), facKey, fmt.Sprintf("step %s %d", code, step)); rc != 0 {
		t.Fatalf("step %d: exit %d %s %s", step, rc, out, errOut)
	}
}

func hubOf(t *testing.T, ts *testServer, code string) *session.Hub {
	t.Helper()
	h, err := ts.srv.manager.HubByCode(context.Background(), code)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// Two teammates add items to the same board; each sees the other's item appear, with its
// author.
func TestTeamBoardIsSharedLive(t *testing.T) {
	ts, facKey, _ := setup(t)
	code := exercisesCohort(t, ts, facKey)
	ana, _ := joinAs(t, ts, code, "Ana")
	bea, _ := joinAs(t, ts, code, "Bea")
	if _, err := hubOf(t, ts, code).SplitTeams(context.Background(), session.ShellActor("fran"), session.TeamPlan{Count: 1}); err != nil {
		t.Fatal(err)
	}
	moveTo(t, ts, facKey, code, exTeamIdeas)
	for _, c := range []*termClient{ana, bea} {
		c.waitFor("Team: Team 1", "Team 1's board · updates live", "+ Add an item")
	}

	ana.typeText("a")
	ana.typeText("Open the counter on Saturdays" + keyEnter)
	bea.waitFor("Open the counter on Saturdays", "Ana")
	bea.typeText("a")
	bea.typeText("Send a text when it is ready" + keyEnter)
	s := ana.waitFor("Send a text when it is ready", "Bea", "1/30 yours")
	if !strings.Contains(s, "you") {
		t.Fatalf("Ana's own item is not marked as hers:\n%s", s)
	}
	bea.waitFor("1/30 yours")
}

// Three participants vote; when the facilitator closes and reveals the vote, every screen
// shows the same ranked tally.
func TestVoteTallyOnEveryScreen(t *testing.T) {
	ts, facKey, _ := setup(t)
	code := exercisesCohort(t, ts, facKey)
	names := []string{"Ana", "Bea", "Cai"}
	var people []*termClient
	for _, n := range names {
		c, _ := joinAs(t, ts, code, n)
		people = append(people, c)
	}
	moveTo(t, ts, facKey, code, exIdeas)
	for i, c := range people {
		c.waitFor("+ Add an item")
		c.typeText("a")
		c.typeText(names[i] + "'s idea" + keyEnter)
		c.waitFor("1/5 items", "Draft saved")
	}
	moveTo(t, ts, facKey, code, exVote)
	// Items come in joining order: Ana's, Bea's, Cai's. Everyone puts two dots on Bea's idea
	// and one on Cai's.
	for _, c := range people {
		c.waitFor("3 of 3 dots left", "Ana's idea", "Bea's idea", "Cai's idea")
		c.typeText("j")
		c.typeText("ll")
		c.typeText("j")
		c.typeText("l")
		c.waitFor("0 of 3 dots left")
		c.press(keyCtrlS)
		c.waitFor("✓ Submitted")
	}
	h := hubOf(t, ts, code)
	if err := h.ChangeCohort(context.Background(), session.ShellActor("fran"), "vote", "close and reveal", func(c *session.Cohort) error {
		c.Live.Votes = map[string]session.VoteState{"vote": {Closed: true, Revealed: true}}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for _, c := range people {
		s := c.waitFor("Results", "1. Bea's idea", "2. Cai's idea", "3. Ana's idea")
		for _, want := range []struct{ item, dots string }{{"1. Bea's idea", " 6"}, {"2. Cai's idea", " 3"}, {"3. Ana's idea", " 0"}} {
			line := lineWith(s, want.item)
			if !strings.Contains(line, want.dots) {
				t.Fatalf("%s: %q should show %s dots:\n%s", c.Name, want.item, want.dots, s)
			}
		}
	}
}

func lineWith(screen, text string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, text) {
			return l
		}
	}
	return ""
}

// A matrix placement made with the keyboard is there after reconnecting.
func TestMatrixPlacementSurvivesReconnect(t *testing.T) {
	ts, facKey, _ := setup(t)
	code := exercisesCohort(t, ts, facKey)
	ana, rejoin := joinAs(t, ts, code, "Ana")
	moveTo(t, ts, facKey, code, exIdeas)
	ana.waitFor("+ Add an item")
	ana.typeText("a")
	ana.typeText("Online booking" + keyEnter + "Clear checklist" + keyEnter)
	ana.waitFor("Draft saved", "2/5 items")
	moveTo(t, ts, facKey, code, exPlace)
	ana.waitFor("Step 8 of 14", "0/2 placed", "1 ○ Online booking")
	// Pick the second item up, move it up and left into the top-left quadrant, put it down.
	ana.typeText("j")
	ana.press(keyEnter)
	ana.typeText("kkhhhh")
	ana.press(keyEnter)
	ana.waitFor("1/2 placed", "2. Clear checklist · High impact · Low effort", "Draft saved")
	ana.close()

	back := dialTerm(t, ts.addr(), "again", nil, 80, 24)
	back.waitFor("Join a workshop")
	back.typeText(rejoin + keyEnter)
	s := back.waitFor("Step 8 of 14", "1/2 placed", "2 ● Clear checklist")
	if !strings.Contains(s, "1 ○ Online booking") {
		t.Fatalf("the other item should still be unplaced:\n%s", s)
	}
	back.typeText("j")
	back.waitFor("2. Clear checklist · High impact · Low effort", "[2]")
}

// A draft, never submitted, survives a restart of the server.
func TestDraftSurvivesRestart(t *testing.T) {
	ts, facKey, _ := setup(t)
	code := exercisesCohort(t, ts, facKey)
	ana, rejoin := joinAs(t, ts, code, "Ana")
	moveTo(t, ts, facKey, code, exReflect)
	ana.waitFor("Step 2 of 14", "Not started")
	ana.typeText("The permit page timed out twice")
	ana.waitFor("Draft saved")
	ana.close()

	ts.restart()
	back := dialTerm(t, ts.addr(), strings.ReplaceAll(rejoin, "-", ""), nil, 80, 24)
	back.waitFor("Step 2 of 14", "The permit page timed out twice", "Draft saved")
}

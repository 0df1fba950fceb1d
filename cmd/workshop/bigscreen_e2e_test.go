package main

import (
	"context"
	"strings"
	"testing"

	"workshop/internal/testenv"
	"workshop/session"
	"workshop/session/work"
)

// viewCodeOf reads a cohort's view code from `cohort show`.
func viewCodeOf(t *testing.T, show string) string {
	t.Helper()
	for _, l := range strings.Split(show, "\n") {
		if rest, ok := strings.CutPrefix(l, "View code:"); ok {
			if code := strings.TrimSpace(rest); session.LooksLikeViewCode(code) {
				return code
			}
		}
	}
	t.Fatalf("cohort show printed no view code:\n%s", show)
	return ""
}

// A view code opens the big screen and nothing else, and a join code does not open it; the
// screen follows the facilitator's moves, spotlight, timer and revealed vote over real SSH,
// at 80×24, 40×12 and a projector's 200×50, and never names who wrote an anonymous answer.
func TestBigScreenEndToEnd(t *testing.T) {
	ts, facKey, _, code := facStart(t)
	show := facRun(t, ts, facKey, "cohort show "+code)
	viewCode := viewCodeOf(t, show)
	if !strings.Contains(show, "view@") {
		t.Errorf("cohort show does not say how to open the big screen:\n%s", show)
	}

	// A join code opens no big screen, and a view code lets no one join.
	big := dialTerm(t, ts.addr(), "view", nil, 80, 24)
	big.waitFor("View code")
	big.typeText(code + keyEnter)
	big.waitFor("No big screen has that view code")
	joiner := dialTerm(t, ts.addr(), "someone", nil, 80, 24)
	joiner.waitFor("Code ›")
	joiner.typeText(viewCode + keyEnter)
	joiner.waitFor("No workshop or participant has the code")
	byName := dialTerm(t, ts.addr(), viewCode, nil, 80, 24)
	byName.waitFor("Code ›")
	if s := byName.screen(); strings.Contains(s, "What name") {
		t.Fatalf("a view code in the user name opened the cohort to join:\n%s", s)
	}

	big.typeText(strings.ToLower(viewCode) + keyEnter)
	big.waitFor("Arrivals", "Join: ssh -p", code+"@")
	small := dialTerm(t, ts.addr(), "view", nil, 40, 12)
	small.waitFor("View code")
	small.typeText(viewCode + keyEnter)
	small.waitFor("Arrivals")
	wall := &termClient{testenv.DialTermCommand(t, ts.addr(), "cli", facKey, 200, 50, "screen "+code)}
	wall.waitFor("Arrivals", "Join code")
	views := []*termClient{big, small, wall}

	// Keys do nothing on the big screen.
	big.press("n", "?")
	big.waitFor("Arrivals")

	ana := facJoin(t, ts, code, "Ana Souza")
	facRun(t, ts, facKey, "step "+code+" 3")
	for _, v := range views {
		v.waitFor("Barriers nobody names")
	}
	ana.waitFor("Step 3 of 6")
	ana.press("a")
	ana.typeText("Forms only in person" + keyEnter)
	waitUntil(t, "the item is stored", func() bool {
		items, err := facHub(t, ts, code).Items(context.Background(), 0, "dots")
		return err == nil && len(items) == 1
	})
	facRun(t, ts, facKey, "spotlight "+code+" pool")
	for _, v := range views {
		if s := v.waitFor("Spotlight", "Forms only in person"); strings.Contains(s, "Ana Souza") {
			t.Errorf("the big screen names the author of an anonymous item:\n%s", s)
		}
	}
	facRun(t, ts, facKey, "timer "+code+" 5m")
	small.waitFor("⏱ 0")
	big.waitFor("█")

	facRun(t, ts, facKey, "spotlight "+code+" --release")
	facRun(t, ts, facKey, "step "+code+" 5")
	for _, v := range views {
		v.waitFor("Pick the worst barriers")
		v.waitGone("Spotlight")
	}
	h := facHub(t, ts, code)
	ctx := context.Background()
	items, err := h.Items(ctx, 0, "dots")
	if err != nil || len(items) != 1 {
		t.Fatalf("items to vote on: %v %v", items, err)
	}
	anaID := h.Snapshot().Roster[0].ID
	if _, err := h.SaveWork(ctx, anaID, "dots", work.Schema, []byte(`{"dots":{"`+items[0].ID+`":3}}`), true); err != nil {
		t.Fatal(err)
	}
	if s := big.screen(); strings.Contains(s, "Vote results") {
		t.Fatalf("the big screen shows a vote before it is revealed:\n%s", s)
	}
	facRun(t, ts, facKey, "vote "+code+" reveal")
	for _, v := range views {
		v.waitFor("Vote results", "Forms only in person")
		if s := v.screen(); strings.Contains(s, "Ana Souza") {
			t.Errorf("the big screen names the author of an anonymous item:\n%s", s)
		}
	}

	big.press("q")
	<-big.Done()
}

// `screen CODE` is a facilitator's, and needs a terminal.
func TestScreenCommandRefusals(t *testing.T) {
	ts, facKey, _, code := facStart(t)
	if _, errOut, rc := runCommand(t, ts.addr(), facKey, "screen "+code); rc != 1 || !strings.Contains(errOut, "needs a terminal") || !strings.Contains(errOut, "ssh -t") {
		t.Errorf("screen without a terminal: exit %d, %q", rc, errOut)
	}
	other, _ := newKey(t)
	if _, errOut, rc := runCommand(t, ts.addr(), other, "screen "+code); rc != 1 || !strings.Contains(errOut, "not allowed") {
		t.Errorf("screen by an unregistered key: exit %d, %q", rc, errOut)
	}
	if out := facRun(t, ts, facKey, "help screen"); !strings.Contains(out, "ssh -t") {
		t.Errorf("help screen: %s", out)
	}
}

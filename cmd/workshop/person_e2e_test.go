package main

import (
	"strings"
	"testing"
)

// A facilitator opens a participant's page from the console's roster after they did work,
// and sees it as stored: their answer, the hand they raised and the message sent to them;
// `person CODE NAME` prints the same page, and esc goes back to the roster.
func TestFacilitatorOpensPersonPage(t *testing.T) {
	ts, facKey, _, code := facStart(t)
	ana := facJoin(t, ts, code, "Ana")
	bea := facJoin(t, ts, code, "Bea")
	facRun(t, ts, facKey, "step "+code+" 2")
	ana.waitFor("Step 2 of 6")
	ana.typeText("The queue moved once an hour")
	ana.press(keyCtrlS)
	ana.waitFor("Submitted")
	ana.press(keyCtrlR)
	ana.waitFor("Ask for help (optional message):")
	ana.typeText("Where is the form?" + keyEnter)
	ana.waitFor("✋ Hand raised")
	facRun(t, ts, facKey, "message "+code+" Ana Please share it")
	ana.waitFor("to you: Please share it")
	bea.waitFor("Step 2 of 6")

	fac := facConsole(t, ts, facKey, "fac", code)
	fac.waitFor("Ana", "Bea", "2 of 2 shown")
	fac.press(keyEnter) // the first row: Ana
	fac.waitFor("Ana · esc back to the roster", "2 Recall a visit · submitted", "The queue moved once an hour",
		"Hands raised (1)", "still up", "Please share it · on their screen")
	out := facRun(t, ts, facKey, "person "+code+" Ana")
	for _, want := range []string{"2. Recall a visit — submitted", "The queue moved once an hour", "Please share it (on their screen)"} {
		if !strings.Contains(out, want) {
			t.Errorf("person %s Ana lacks %q:\n%s", code, want, out)
		}
	}
	fac.press(keyEsc)
	fac.waitFor("2 of 2 shown")
}

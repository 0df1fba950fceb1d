package main

import (
	"strings"
	"testing"

	"workshop/internal/testenv"
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

// A facilitator whose terminal sends LANG=pt_BR.UTF-8 reads a participant's page in
// Portuguese, in the console and from `person CODE NAME`, with no English heading or state
// left on it.
func TestEveryLanguagePersonPageEndToEnd(t *testing.T) {
	ts, facKey, _, code := facStart(t)
	ana := facJoin(t, ts, code, "Ana")
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

	fac := &termClient{testenv.DialTermEnv(t, ts.addr(), "fac", facKey, 100, 30, "LANG=pt_BR.UTF-8")}
	fac.waitFor(code)
	fac.press(keyEnter)
	fac.waitFor("Ana")
	fac.press(keyEnter)
	s := fac.waitFor("Ana · esc volta à lista da turma", "2 Recall a visit · enviado", "Etapas", "Mãos levantadas (1)", "ainda levantada", "Please share it · na tela")
	for _, english := range []string{"Steps", "submitted", "Hands raised", "still up", "on their screen", "joined", "comes back"} {
		if strings.Contains(s, english) {
			t.Errorf("English %q on the Portuguese person page:\n%s", english, s)
		}
	}
	out, errOut, rc := runCommandEnv(t, ts.addr(), facKey, []string{"LANG=pt_BR.UTF-8"}, "person "+code+" Ana")
	if rc != 0 {
		t.Fatalf("person: %d %s", rc, errOut)
	}
	for _, want := range []string{"Etapas", "2. Recall a visit — enviado", "Mãos levantadas", "ainda levantada", "Please share it (na tela)"} {
		if !strings.Contains(out, want) {
			t.Errorf("person %s Ana in Portuguese lacks %q:\n%s", code, want, out)
		}
	}
}

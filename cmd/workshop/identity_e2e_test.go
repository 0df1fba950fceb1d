package main

import (
	"strings"
	"testing"
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

package main

import (
	"strings"
	"testing"
)

// `workshop cohort list` at the server's shell, and `cohorts` and `cohort list` over SSH, are
// one list: the same columns and rows, archived cohorts left out unless --all is given, and
// someone online shown the same way by the server and by a command run beside it.
func TestCohortListIsOneListEverywhere(t *testing.T) {
	ts, facKey, dir := setup(t)
	live := createCohort(t, ts, facKey)
	done := createCohort(t, ts, facKey)
	joinKeyless(t, dialTerm(t, ts.addr(), "ana", nil, 80, 24), live, "Ana")
	facRun(t, ts, facKey, "archive "+done)

	for _, all := range []bool{false, true} {
		shell := []string{"cohort", "list", "--data", dir}
		flag := ""
		if all {
			shell, flag = append(shell, "--all"), " --all"
		}
		fromShell, err := cli(t, shell...)
		if err != nil {
			t.Fatalf("cohort list%s: %v\n%s", flag, err, fromShell)
		}
		for _, cmd := range []string{"cohorts", "cohort list"} {
			if got := facRun(t, ts, facKey, cmd+flag); got != fromShell {
				t.Errorf("ssh %s%s differs from the shell's cohort list%s:\n%s\nshell:\n%s", cmd, flag, flag, got, fromShell)
			}
		}
		for _, want := range []string{"CODE", "NAME", "PEOPLE", "ONLINE", "CREATED (UTC)", "LAST ACTIVE (UTC)", live, "online now"} {
			if !strings.Contains(fromShell, want) {
				t.Errorf("cohort list%s lacks %q:\n%s", flag, want, fromShell)
			}
		}
		if shown := strings.Contains(fromShell, done); shown != all {
			t.Errorf("cohort list%s shows the archived cohort: %v, want %v\n%s", flag, shown, all, fromShell)
		}
		if !all && !strings.Contains(fromShell, "1 cohort is archived; --all lists them too.") {
			t.Errorf("cohort list does not say one cohort is hidden:\n%s", fromShell)
		}
	}
}

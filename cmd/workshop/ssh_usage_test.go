package main

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// Over SSH a command line that cannot be run is answered as on the command line: what the
// command takes, the closest command to an unknown one, where to read more; never cobra's own
// words, and always exit status 1.
func TestSSHUsageErrors(t *testing.T) {
	ts, facKey, _ := setup(t)
	code := createCohort(t, ts, facKey)
	for args, want := range map[string]string{
		"step " + code:                   `step takes CODE next|prev|N|undo, got "` + code + `" (see ` + "`ssh -p ",
		"step":                           "step takes CODE next|prev|N|undo, got none",
		"cohorts extra":                  `cohorts takes no arguments, got "extra"`,
		"stpe " + code + " next":         `unknown command "stpe"; did you mean "step"?`,
		"cohort merge x.csv":             `unknown command "merge" for "cohort"; its commands are create, import, list, show (see ` + "`ssh -p ",
		"content":                        "",
		"step " + code + " next --bogus": "unknown flag: --bogus (see `ssh -p ",
	} {
		out, errOut, rc := runCommand(t, ts.addr(), facKey, args)
		if want == "" {
			// A group named alone shows its help.
			if rc != 0 || !strings.Contains(out, "reload") {
				t.Errorf("%q: exit %d\n%s%s", args, rc, out, errOut)
			}
			continue
		}
		if rc != 1 || !strings.Contains(errOut, want) || strings.Contains(errOut, "arg(s)") || strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
			t.Errorf("%q: exit %d, stderr %q, want one line with %q", args, rc, errOut, want)
		}
		if strings.Contains(errOut, "could not do that") {
			t.Errorf("%q: a usage error answered as a fault: %q", args, errOut)
		}
	}
}

// `ssh HOST help` and the help of every command fit 80 columns.
func TestSSHHelpFitsIn80Columns(t *testing.T) {
	ts, facKey, _ := setup(t)
	top, _, rc := runCommand(t, ts.addr(), facKey, "help")
	if rc != 0 {
		t.Fatalf("help: exit %d", rc)
	}
	var names []string
	inList := false
	for _, l := range strings.Split(top, "\n") {
		switch {
		case strings.HasPrefix(l, "Available Commands:"):
			inList = true
		case inList && strings.HasPrefix(l, "  "):
			names = append(names, strings.Fields(l)[0])
		case inList:
			inList = false
		}
	}
	if len(names) < 10 {
		t.Fatalf("help lists %d commands:\n%s", len(names), top)
	}
	names = append(names, "cohort create", "content reload")
	for _, n := range append([]string{""}, names...) {
		out, errOut, rc := runCommand(t, ts.addr(), facKey, "help "+n)
		if rc != 0 {
			t.Errorf("help %s: exit %d %s", n, rc, errOut)
		}
		for _, l := range strings.Split(out, "\n") {
			if w := ansi.StringWidth(l); w > 80 {
				t.Errorf("help %s: a line of %d cells:\n%s", n, w, l)
			}
		}
	}
}

package main

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// runBinary runs the built binary and returns its output and exit status.
func runBinary(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(makeBinary(t), args...)
	cmd.Env = helpEnv()
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errOut.String(), code
}

// An unknown subcommand fails, says so and offers the closest command (or lists them), at
// every level; a group named alone still shows its help and succeeds.
func TestUnknownSubcommand(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"cohort", "merge", "x.csv"}, `unknown command "merge" for "workshop cohort"; its commands are create, import, list, show (see ` + "`workshop cohort --help`)"},
		{[]string{"cohort", "lst"}, `unknown command "lst" for "workshop cohort"; did you mean "list"?`},
		{[]string{"facilitater"}, `unknown command "facilitater" for "workshop"; did you mean "facilitator"?`},
		{[]string{"content", "reload"}, `unknown command "reload" for "workshop content"`},
	} {
		out, errOut, code := runBinary(t, c.args...)
		if code == 0 || !strings.Contains(errOut, c.want) || out != "" {
			t.Errorf("workshop %s: exit %d\nstdout %q\nstderr %q\nwant %q", strings.Join(c.args, " "), code, out, errOut, c.want)
		}
	}
	out, _, code := runBinary(t, "cohort")
	if code != 0 || !strings.Contains(out, "create") || !strings.Contains(out, "list") {
		t.Errorf("workshop cohort: exit %d\n%s", code, out)
	}
}

// `cohort list` lines its columns up by the cells names take on screen.
func TestCohortListAlignsWideNames(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"Tuesday group", "東京チーム", "Équipe 🎉 café"} {
		if out, err := cli(t, "cohort", "create", "--module", "warmup", "--name", name, "--data", dir); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
	}
	out, err := cli(t, "cohort", "list", "--data", dir)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 {
		t.Fatalf("cohort list:\n%s", out)
	}
	at := -1
	for _, l := range lines {
		i := strings.Index(l, "warmup")
		if i < 0 {
			i = strings.Index(l, "MODULE")
		}
		if c := ansi.StringWidth(l[:i]); at >= 0 && c != at {
			t.Fatalf("the module column starts at cells %d and %d:\n%s", at, c, out)
		} else {
			at = c
		}
	}
}

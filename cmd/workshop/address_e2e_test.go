package main

import (
	"net"
	"strings"
	"testing"
)

// Every ssh line the product prints names the server as participants reach it: the port the
// server really listens on, not a default, in `cohort create` at the shell and in the SSH
// commands' usage lines, examples and refusals.
func TestPrintedSSHLinesNameTheServer(t *testing.T) {
	ts, facKey, dir := setup(t)
	_, port, err := net.SplitHostPort(ts.addr())
	if err != nil {
		t.Fatal(err)
	}
	here := "ssh -p " + port + " localhost"

	out, err := cli(t, "cohort", "create", "--module", "e2e-basics", "--name", "Shell group", "--data", dir, "--content", ts.cfg.contentDir)
	if err != nil {
		t.Fatalf("cohort create: %v\n%s", err, out)
	}
	if want := "Participants join with: ssh -p " + port + " " + lastLine(out) + "@localhost"; !strings.Contains(out, want) {
		t.Errorf("cohort create at the shell prints\n%s\nwant the line %q", out, want)
	}
	out, err = cli(t, "cohort", "create", "--module", "e2e-basics", "--name", "Elsewhere", "--port", "22", "--host", "workshop.example", "--data", dir, "--content", ts.cfg.contentDir)
	if err != nil || !strings.Contains(out, "Participants join with: ssh "+lastLine(out)+"@workshop.example") {
		t.Errorf("cohort create with --port 22 --host workshop.example prints (%v)\n%s", err, out)
	}

	for _, args := range []string{"help", "step --help", "cohort create --help", "export --help"} {
		out, errOut, rc := runCommand(t, ts.addr(), facKey, args)
		if rc != 0 {
			t.Fatalf("%s: exit %d %s", args, rc, errOut)
		}
		if strings.Contains(out, "2222") || strings.Contains(out, "PORT") || !strings.Contains(out, "Usage:\n  "+here) {
			t.Errorf("%s does not name the server as %q:\n%s", args, here, out)
		}
	}
	_, errOut, _ := runCommand(t, ts.addr(), nil, "cohorts")
	if !strings.Contains(errOut, "connect without a command: "+here) {
		t.Errorf("a refused command says:\n%s", errOut)
	}
}

// What the product says about a cohort reads as a sentence: one participant is "1
// participant", a team called "Team 1" is not "Team Team 1", and a cohort made at the server's
// shell is created by the person there, not by "cli".
func TestCohortWordsReadRight(t *testing.T) {
	ts, facKey, dir := setup(t)
	out, err := cli(t, "cohort", "create", "--module", "facilitation", "--name", "Words", "--data", dir, "--content", ts.cfg.contentDir)
	if err != nil {
		t.Fatalf("cohort create: %v\n%s", err, out)
	}
	code := lastLine(out)
	ana := facJoin(t, ts, code, "Ana")
	con := dialTerm(t, ts.addr(), "fran", facKey, 100, 30)
	con.waitFor(code, "1 participant, 1 online · created by", "(server shell)")
	con.press(keyEnter)
	con.waitFor("1 participant · 1 online")

	facRun(t, ts, facKey, "teams "+code+" --count 1")
	facRun(t, ts, facKey, "step "+code+" 4") // the team board
	ana.waitFor("Team 1's board")
	ana.typeText("a")
	ana.typeText("Fewer forms" + keyEnter)
	ana.waitFor("1. Fewer forms")
	con.waitFor("… draft")
	md := facRun(t, ts, facKey, "export "+code+" --format md")
	if strings.Contains(md, "Team Team") || !strings.Contains(md, "Team 1") || strings.Contains(md, "by cli") || !strings.Contains(md, "(server shell)") {
		t.Errorf("the report reads:\n%s", md)
	}
	if out := facRun(t, ts, facKey, "timeline "+code); strings.Contains(out, "into 1 teams") || !strings.Contains(out, "1 person at random into 1 team") {
		t.Errorf("the timeline reads:\n%s", out)
	}

}

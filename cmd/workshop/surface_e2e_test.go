package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// shell runs `workshop args...` as the server's shell runs it, returning standard output and
// standard error apart, and the error the command ended with.
func shell(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	root := newRoot(nil)
	var out, errOut bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&errOut)
	root.SetArgs(args)
	err = root.ExecuteContext(context.Background())
	return out.String(), errOut.String(), err
}

// The commands both fronts mount (package command) print the same bytes at the server's shell
// and over SSH against the running server, and refuse the same things in the same words. The
// two cohorts created differ only in their join and view codes: each create makes a cohort of
// its own.
// The shell's "Participants join with" line names the server as it recorded itself on start,
// so it is the SSH line exactly.
func TestSharedCommandsPrintTheSameAtTheShellAndOverSSH(t *testing.T) {
	ts, facKey, dir := setup(t)
	data, mods := []string{"--data", dir}, "testdata/modules"
	ssh := func(args string) (string, string, int) { return runCommand(t, ts.addr(), facKey, args) }

	// cohort create: the same lines, the join code aside.
	remote, errOut, rc := ssh(`cohort create --module e2e-basics --name "Tuesday group" --pace self`)
	if rc != 0 {
		t.Fatalf("ssh cohort create: exit %d: %s", rc, errOut)
	}
	local, _, err := shell(t, append([]string{"cohort", "create", "--module", "e2e-basics", "--name", "Tuesday group", "--pace", "self", "--content", mods}, data...)...)
	if err != nil {
		t.Fatalf("workshop cohort create: %v\n%s", err, local)
	}
	sshCode, shellCode := lastLine(remote), lastLine(local)
	if sshCode == shellCode || len(sshCode) != 6 {
		t.Fatalf("the two creates gave the codes %q and %q", sshCode, shellCode)
	}
	// Each cohort has a view code of its own too.
	blank := func(out, code string) string {
		out = strings.ReplaceAll(out, code, "CODE")
		if _, rest, ok := strings.Cut(out, "with view code "); ok {
			out = strings.ReplaceAll(out, strings.Fields(rest)[0], "VIEWCODE")
		}
		return out
	}
	if a, b := blank(remote, sshCode), blank(local, shellCode); a != b || !strings.Contains(a, "view@localhost with view code VIEWCODE") {
		t.Errorf("cohort create differs:\nssh:\n%s\nshell:\n%s", a, b)
	}
	if !strings.Contains(remote, "Participants join with: ssh -p ") || !strings.Contains(remote, sshCode+"@localhost") {
		t.Errorf("cohort create does not say how to join:\n%s", remote)
	}

	// Someone online, and one cohort archived, so the lists have something to say.
	joinKeyless(t, dialTerm(t, ts.addr(), "ana", nil, 80, 24), sshCode, "Ana")
	if _, errOut, rc := ssh("archive " + shellCode); rc != 0 {
		t.Fatalf("archive: %s", errOut)
	}

	same := func(sshArgs string, shellArgs ...string) {
		t.Helper()
		remote, errOut, rc := ssh(sshArgs)
		local, _, err := shell(t, append(shellArgs, data...)...)
		switch {
		case rc != 0 || err != nil:
			t.Errorf("%q: ssh exit %d (%s), shell %v", sshArgs, rc, strings.TrimSpace(errOut), err)
		case remote != local:
			t.Errorf("%q differs (%d bytes over SSH, %d at the shell):\nssh:\n%.600s\nshell:\n%.600s", sshArgs, len(remote), len(local), remote, local)
		case remote == "":
			t.Errorf("%q printed nothing", sshArgs)
		}
	}
	same("cohort list", "cohort", "list", "--content", mods)
	same("cohort list --all", "cohort", "list", "--all", "--content", mods)
	same("content list", "content", "list", "--content", mods)
	same("cohort show "+sshCode, "cohort", "show", sshCode)
	for _, format := range []string{"csv", "csv --table long", "csv --table work", "csv --artifacts", "csv --semicolon",
		"xlsx", "json", "md", "html", "html --tz Europe/Rome"} {
		args := "export " + sshCode + " --format " + format + " --reproducible"
		same(args, strings.Fields(args)...)
	}
	same("export --all --format json --reproducible", "export", "--all", "--format", "json", "--reproducible")

	// Refusals read the same; only the prefix the program puts before an error differs
	// ("workshop: " at the shell, "error: " over SSH), and the exit status is 1 both ways.
	// (export --all in a format other than json must differ: the shell writes one file per
	// cohort into a directory, which over SSH would land on the server.)
	for _, args := range []string{
		"cohort create --module no-such-module --name X",
		"cohort create --module e2e-basics --name X --pace fast",
		"cohort create --name X",
		"export ZZZZZZ --format csv",
		"cohort show ZZZZZZ",
		"export " + sshCode + " --format pdf",
		"export " + sshCode + " --format csv --tz Mars/Olympus",
		"export " + sshCode + " --format json --table long",
	} {
		_, errOut, rc := ssh(args)
		shellArgs := append(strings.Fields(args), data...)
		if strings.HasPrefix(args, "cohort create") {
			shellArgs = append(shellArgs, "--content", mods)
		}
		out, _, err := shell(t, shellArgs...)
		if err == nil || rc != 1 {
			t.Errorf("%q: ssh exit %d, shell error %v\n%s", args, rc, err, out)
			continue
		}
		if got := strings.TrimPrefix(strings.TrimSpace(errOut), "error: "); got != err.Error() {
			t.Errorf("%q is refused differently:\nssh:   %s\nshell: %s", args, got, err.Error())
		}
	}
}

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// contentCopy makes a content directory holding the end-to-end module, to change during a
// test.
func contentCopy(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	b, err := os.ReadFile(filepath.Join("testdata", "modules", "e2e.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "e2e.yaml"), b, 0o600); err != nil {
		t.Fatal(err)
	}
	return dir
}

// `ssh HOST content reload` offers a new module at once and lists the problems of a broken
// file to the facilitator, exiting 1; a cohort created before keeps its version.
func TestContentReloadOverSSH(t *testing.T) {
	dir := t.TempDir()
	facKey, facPub := newKey(t)
	if out, err := cli(t, "facilitator", "add", "fran", facPub, "--data", dir); err != nil {
		t.Fatalf("facilitator add: %v\n%s", err, out)
	}
	mods := contentCopy(t)
	ts := startTestServerChanged(t, dir, func(c *serveConfig) { c.contentDir = mods })
	old := createCohort(t, ts, facKey)

	e2e, err := os.ReadFile(filepath.Join(mods, "e2e.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	fresh := strings.Replace(strings.Replace(string(e2e), "id: e2e-basics", "id: e2e-fresh", 1), "title: End-to-end basics", "title: Fresh module", 1)
	changed := strings.Replace(string(e2e), "title: Welcome to the session", "title: Welcome, changed", 1)
	for name, text := range map[string]string{"fresh.yaml": fresh, "e2e.yaml": changed, "broken.yaml": "id: broken\nsteps: [\n"} {
		if err := os.WriteFile(filepath.Join(mods, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	out, errOut, code := runCommand(t, ts.addr(), facKey, "content reload")
	if code != 1 || !strings.Contains(out, "added:   e2e-fresh") || !strings.Contains(out, "changed: e2e-basics") ||
		!strings.Contains(out, filepath.Join(mods, "broken.yaml")+":") || !strings.Contains(errOut, "1 file skipped") {
		t.Fatalf("content reload: exit %d\n%s\n%s", code, out, errOut)
	}
	if !strings.Contains(ts.log.String(), "module skipped") || !strings.Contains(ts.log.String(), "modules reloaded") {
		t.Fatalf("the reload was not logged as start-up logs it:\n%s", ts.log.String())
	}
	// The new module is there for new cohorts without a restart.
	if out, errOut, code := runCommand(t, ts.addr(), facKey, "cohort create --module e2e-fresh --name Fresh"); code != 0 {
		t.Fatalf("cohort on the reloaded module: exit %d\n%s%s", code, out, errOut)
	}
	// The cohort made before the change still shows its own step title.
	ana := dialTerm(t, ts.addr(), old, nil, 80, 24)
	ana.waitFor("What name")
	ana.typeText("Ana" + keyEnter)
	ana.waitFor("Keep this code")
	ana.press(keyEnter)
	if s := ana.waitFor("Welcome to the session"); strings.Contains(s, "Welcome, changed") {
		t.Fatalf("the running cohort took the changed module:\n%s", s)
	}

	// A participant's key (not a facilitator's) may not reload.
	stranger, _ := newKey(t)
	if _, errOut, code := runCommand(t, ts.addr(), stranger, "content reload"); code != 1 || !strings.Contains(errOut, "not allowed") {
		t.Fatalf("a stranger reloaded: %d %s", code, errOut)
	}
}

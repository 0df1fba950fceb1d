package main

import (
	"strings"
	"testing"
)

// complete asks the command line for completions, as a shell does, and returns the values.
func complete(t *testing.T, args ...string) []string {
	t.Helper()
	out, err := cli(t, append([]string{"__complete"}, args...)...)
	if err != nil {
		t.Fatalf("__complete %v: %v\n%s", args, err, out)
	}
	var vals []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if !strings.HasPrefix(l, ":") && !strings.HasPrefix(l, "Completion ended") {
			vals = append(vals, strings.SplitN(l, "\t", 2)[0])
		}
	}
	return vals
}

// Shells complete export formats, module ids (with --content's modules too) and cohort codes
// from the data directory.
func TestValueCompletions(t *testing.T) {
	dir := t.TempDir()
	out, err := cli(t, "cohort", "create", "--module", "warmup", "--name", "Tuesday group", "--data", dir)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	code := lastLine(out)
	if got := strings.Join(complete(t, "export", "--data", dir, ""), " "); got != code {
		t.Errorf("export CODE completes to %q, want %q", got, code)
	}
	if got := strings.Join(complete(t, "export", code, "--format", ""), " "); got != "csv xlsx json md html" {
		t.Errorf("--format completes to %q", got)
	}
	mods := strings.Join(complete(t, "cohort", "create", "--content", "testdata/modules", "--module", ""), " ")
	for _, want := range []string{"warmup", "service-digitisation", "e2e-basics"} {
		if !strings.Contains(mods, want) {
			t.Errorf("--module completes to %q, without %s", mods, want)
		}
	}
	if got := strings.Join(complete(t, "content", "show", ""), " "); !strings.Contains(got, "warmup") || strings.Contains(got, "e2e-basics") {
		t.Errorf("content show completes to %q", got)
	}
	if got := strings.Join(complete(t, "cohort", "create", "--pace", ""), " "); got != "led self" {
		t.Errorf("--pace completes to %q", got)
	}
	// No data directory: nothing to offer, and no error.
	if got := complete(t, "export", "--data", dir+"/none", ""); len(got) != 0 {
		t.Errorf("completions without data: %q", got)
	}
}

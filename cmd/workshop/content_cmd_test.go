package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The built-in module files validate with no problem and no warning, translations included.
func TestContentValidateBuiltinModules(t *testing.T) {
	out, err := cli(t, "content", "validate", "../../content/modules")
	if err != nil || strings.TrimSpace(out) != "ok: 4 modules, 6 translations" {
		t.Fatalf("content validate on the built-in modules: %v\n%s", err, out)
	}
}

// Warnings are printed as such and do not fail the command; a problem does.
func TestContentValidateWarningsAndProblems(t *testing.T) {
	dir := t.TempDir()
	module := `id: late
title: Late
summary: Time boxes that add up to more than the duration.
language: en
duration: 10
version: "1"
steps:
  - id: a
    title: A
    guidance: Read.
    phase: apply
    timebox: 15
`
	file := filepath.Join(dir, "late.yaml")
	if err := os.WriteFile(file, []byte(module), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := cli(t, "content", "validate", file)
	want := file + ":5:11: warning: duration is 10 minutes but the time boxes of the steps add up to 15\nok: 1 module, 1 warning\n"
	if err != nil || out != want {
		t.Fatalf("validate with a warning: %v\n got %q\nwant %q", err, out, want)
	}
	broken := strings.Replace(module, "    phase: apply\n", "", 1)
	if err := os.WriteFile(file, []byte(broken), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err = cli(t, "content", "validate", file)
	if err == nil || !strings.Contains(out, `missing key "phase" in step "a"`) || !strings.Contains(err.Error(), "1 problem found") {
		t.Fatalf("validate with a problem: %v\n%s", err, out)
	}
}

package main

import (
	"bytes"
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"workshop/i18n"
	"workshop/internal/testenv"
)

// shellPaths lists every command of the shell's tree, as typed after `workshop`.
func shellPaths(root *cobra.Command) [][]string {
	var out [][]string
	var walk func(c *cobra.Command, path []string)
	walk = func(c *cobra.Command, path []string) {
		out = append(out, path)
		for _, sub := range c.Commands() {
			walk(sub, append(append([]string(nil), path...), sub.Name()))
		}
	}
	walk(root, nil)
	return out
}

// runShell runs the shell's command line in p's language as main does, errors included.
func runShell(p *i18n.Printer, args ...string) (string, string, error) {
	root := newRoot(p)
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd(args...)
	translateCompletion(root, p)
	var out, errOut bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&errOut)
	root.SetArgs(args)
	err := root.ExecuteContext(context.Background())
	if err != nil {
		oneLineError(&errOut, p, err)
	}
	return out.String(), errOut.String(), err
}

// Every command at the server's shell, its help, a typical answer and its refusals, in each of
// the four languages with nothing left untranslated.
func TestEveryLanguageCommands(t *testing.T) {
	_, facPub := newKey(t)
	for _, lang := range i18n.Languages {
		p := i18n.Strict(lang)
		t.Run(string(lang), func(t *testing.T) {
			dir := t.TempDir()
			missing := func(what, text string) {
				t.Helper()
				if strings.Contains(text, "⟦") {
					t.Errorf("%s has untranslated text:\n%s", what, text)
				}
			}
			root := newRoot(p)
			root.InitDefaultHelpCmd()
			root.InitDefaultCompletionCmd()
			translateCompletion(root, p)
			for _, path := range shellPaths(root) {
				out, errOut, err := runShell(p, append([]string{"help"}, path...)...)
				if err != nil {
					t.Fatalf("help %v: %v %s", path, err, errOut)
				}
				missing("help "+strings.Join(path, " "), out)
			}
			backups := t.TempDir()
			for _, args := range [][]string{
				{"facilitator", "list"}, {"facilitator", "add", "ana", facPub}, {"facilitator", "list"},
				{"cohort", "list"}, {"cohort", "create", "--module", "warmup", "--name", "Quinta"}, {"cohort", "list", "--all"},
				{"content", "list"}, {"content", "show", "warmup"}, {"content", "validate", testenv.ModulesDir()},
				{"backup", filepath.Join(backups, "one.db")}, {"backup", backups + "/"}, {"check"},
				{"facilitator", "remove", "ana"},
			} {
				out, errOut, err := runShell(p, append(args, "--data", dir)...)
				if err != nil && args[0] != "check" { // a shared temporary directory may be too open
					t.Errorf("%v: %v\n%s", args, err, errOut)
				}
				missing(strings.Join(args, " "), out+errOut)
			}
			if lang == i18n.Portuguese {
				out, _, _ := runShell(p, "cohort", "list", "--data", dir)
				if !strings.Contains(out, "CÓDIGO") || !strings.Contains(out, "ÚLTIMA ATIVIDADE (UTC)") {
					t.Errorf("cohort list in Portuguese:\n%s", out)
				}
			}
			for _, args := range [][]string{
				{"nosuch"}, {"cohort", "lst"}, {"cohort", "create", "--module", "warmup"}, {"cohort", "list", "--bogus"},
				{"facilitator", "add"}, {"facilitator", "remove", "nobody"}, {"content", "show", "nosuch"}, {"content", "validate"},
				{"backup", filepath.Join(backups, "one.db")}, {"serve", "--max-sessions", "0"}, {"cohort", "list", "extra"},
				{"serve", "--listen", "127.0.0.1:0", "--host-key", filepath.Join(backups, "no-such-key")},
			} {
				out, errOut, err := runShell(p, append(args, "--data", dir)...)
				if err == nil || !strings.Contains(errOut, "workshop: ") {
					t.Errorf("%v: %v\nstdout %q\nstderr %q", args, err, out, errOut)
				}
				missing(strings.Join(args, " "), errOut)
			}
		})
	}
}

// The shell speaks the language of the locale it runs in.
func TestShellSpeaksItsLocale(t *testing.T) {
	cmd := runBinaryEnv(t, []string{"LANG=es_MX.UTF-8"}, "cohort", "list", "--data", t.TempDir())
	if !strings.Contains(cmd, "Aún no hay grupos") {
		t.Errorf("cohort list under LANG=es_MX.UTF-8:\n%s", cmd)
	}
	if out := runBinaryEnv(t, []string{"LANG=C"}, "cohort", "list", "--data", t.TempDir()); !strings.Contains(out, "No cohorts yet") {
		t.Errorf("cohort list under LANG=C:\n%s", out)
	}
}

// runBinaryEnv runs the built binary with the environment of help tests plus env and returns
// what it printed on both outputs.
func runBinaryEnv(t *testing.T, env []string, args ...string) string {
	t.Helper()
	bin := makeBinary(t)
	var out bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Env = append(helpEnv(), env...)
	cmd.Stdout, cmd.Stderr = &out, &out
	_ = cmd.Run() // the output says what went wrong
	return out.String()
}

// withoutLocale drops the locale variables from environ, so a test sets its own.
func withoutLocale(environ []string) []string {
	var out []string
	for _, kv := range environ {
		name, _, _ := strings.Cut(kv, "=")
		switch name {
		case "LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES":
			continue
		}
		out = append(out, kv)
	}
	return out
}

// Fang's own section titles are in the shell's language too, on a terminal and in a pipe, and
// nothing but help is touched.
func TestHelpHeadingsSpeakTheShellsLanguage(t *testing.T) {
	for _, args := range [][]string{{"cohort", "create", "--help"}, {"help", "backup"}} {
		out := runBinaryEnv(t, []string{"LANG=pt_BR.UTF-8"}, args...)
		for _, want := range []string{"  USO", "  EXEMPLOS", "  OPÇÕES"} {
			if !strings.Contains(out, want) {
				t.Errorf("workshop %s under LANG=pt_BR.UTF-8 lacks %q:\n%s", strings.Join(args, " "), want, out)
			}
		}
		if strings.Contains(out, "USAGE") || strings.Contains(out, "FLAGS") {
			t.Errorf("English titles left:\n%s", out)
		}
	}
	if out := runBinaryEnv(t, nil, "--help"); !strings.Contains(out, "  USAGE") || !strings.Contains(out, "  FLAGS") {
		t.Errorf("English help:\n%s", out)
	}
}

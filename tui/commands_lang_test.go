package tui

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"workshop/i18n"
	"workshop/internal/testenv"
	"workshop/session"
)

// langDoor is a front door over a fresh store with the test modules, and a facilitator.
func langDoor(t *testing.T) (*FrontDoor, *session.Manager, session.Facilitator) {
	t.Helper()
	env := testenv.New(t, testenv.Modules(t))
	return NewFrontDoor(env.Manager, nil, JoinHint{Host: "workshop.example", Port: 2222}), env.Manager, session.Facilitator{Name: "fran"}
}

// run runs one SSH command in p's language and returns its output, its errors and its exit code.
func (f *FrontDoor) runIn(t *testing.T, p *i18n.Printer, fac session.Facilitator, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	rc := f.runCommand(context.Background(), p, fac, session.ShellActor(fac.Name), args, &out, &errOut)
	return out.String(), errOut.String(), rc
}

// commandPaths lists every command of the SSH tree as typed after `ssh HOST`.
func commandPaths(root *cobra.Command) [][]string {
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

// fitsHelp fails when a line of help is wider than the 80 columns help is laid out for.
func fitsHelp(t *testing.T, what, text string) {
	t.Helper()
	for _, l := range strings.Split(text, "\n") {
		if w := ansi.StringWidth(l); w > sshHelpWidth {
			t.Errorf("%s: a line is %d cells wide:\n%s", what, w, l)
		}
	}
}

// Every SSH command's help, a typical answer of each and their refusals read in each of the
// four languages, with nothing left untranslated and nothing wider than 80 columns.
func TestEveryLanguageCommands(t *testing.T) {
	door, _, fac := langDoor(t)
	for _, lang := range i18n.Languages {
		p := i18n.Strict(lang)
		t.Run(string(lang), func(t *testing.T) {
			for _, path := range commandPaths(door.commandTree(session.ShellActor("fran"), p)) {
				out, errOut, rc := door.runIn(t, p, fac, append([]string{"help"}, path...)...)
				if rc != 0 || errOut != "" {
					t.Fatalf("help %v: exit %d: %s", path, rc, errOut)
				}
				noneMissing(t, "help "+strings.Join(path, " "), out)
				fitsHelp(t, "help "+strings.Join(path, " "), out)
			}
			out, errOut, rc := door.runIn(t, p, fac, "cohort", "create", "--module", "facilitation", "--name", "Quinta", "feira")
			if rc != 0 {
				t.Fatalf("cohort create: exit %d: %s", rc, errOut)
			}
			noneMissing(t, "cohort create", out)
			if help, _, _ := door.runIn(t, p, fac, "help"); lang == i18n.Portuguese && (!strings.Contains(out, "entram com:") || !strings.Contains(help, "disponíveis:")) {
				t.Errorf("not Portuguese:\n%s\n%s", out, help)
			}
			code := lastLineOf(out)
			testenv.Join(t, mustHub(t, door, code), "Ana", "Bruno")
			for _, args := range [][]string{
				{"cohorts"}, {"cohort", "list", "--all"}, {"content", "list"},
				{"step", code, "next"}, {"step", code, "2"}, {"step", code, "undo"},
				{"pace", code, "self"}, {"pace", code, "led"}, {"lock", code}, {"unlock", code},
				{"timer", code, "5m"}, {"timer", code, "pause"}, {"timer", code}, {"timer", code, "resume"}, {"timer", code, "stop"}, {"timer", code},
				{"announce", code, "Back", "at", "10:30"}, {"announce", code, "--clear"},
				{"hands", code}, {"roster", code}, {"teams", code}, {"teams", code, "--count", "2"},
				{"notes", code, "2", "--add", "slow"}, {"notes", code}, {"spotlight", code, "--step", "3"},
				{"message", code, "Ana", "hello"}, {"seats", code}, {"attendance", code}, {"timeline", code, "--last", "3"},
				{"vote", code, "open", "5"}, {"vote", code, "reveal", "5"}, {"vote", code, "close", "5"},
				{"cohort", "show", code}, {"person", code, "Ana"}, {"person", "rename", code, "Bruno=Bruno Lima"},
				{"person", "code", code, "Ana"}, {"person", "code", code, "Ana", "--reissue"},
				{"archive", code}, {"cohorts"}, {"archive", code, "--undo"},
			} {
				out, errOut, rc := door.runIn(t, p, fac, args...)
				noneMissing(t, strings.Join(args, " "), out+errOut)
				if rc != 0 {
					t.Errorf("%v: exit %d: %s", args, rc, errOut)
				}
			}
			for _, args := range [][]string{
				{"nosuch"}, {"cohort", "lst"}, {"step"}, {"step", code, "sideways"}, {"step", code, "next", "--bogus"},
				{"roster", "ZZZZZZ"}, {"cohort", "create", "--module", "facilitation"}, {"hands", code, "--clear", "Nobody"},
				{"teams", code, "--by", "colour"}, {"cohorts", "extra"}, {"roster", code, "--format", "xml"},
			} {
				out, errOut, rc := door.runIn(t, p, fac, args...)
				if rc == 0 || out != "" || !strings.HasPrefix(errOut, p.T("error: %s", "")) {
					t.Errorf("%v: exit %d\nstdout %q\nstderr %q", args, rc, out, errOut)
				}
				noneMissing(t, strings.Join(args, " "), errOut)
			}
		})
	}
}

// A facilitator's commands answer in the language they chose, before their terminal's; with no
// choice, in their terminal's; with neither, in English.
func TestCommandsAnswerInTheFacilitatorsLanguage(t *testing.T) {
	door, m, fac := langDoor(t)
	ctx := context.Background()
	registerKey(t, m, fac.Name)
	if got := door.commandPrinter(ctx, fac, []string{"it_IT.UTF-8"}).Lang(); got != i18n.Italian {
		t.Errorf("a terminal sending it_IT gets %s", got)
	}
	if got := door.commandPrinter(ctx, fac, nil).Lang(); got != i18n.English {
		t.Errorf("no choice and no locale gets %s", got)
	}
	if err := m.SetFacilitatorLanguage(ctx, fac.Name, i18n.Portuguese); err != nil {
		t.Fatal(err)
	}
	if got := door.commandPrinter(ctx, fac, []string{"it_IT.UTF-8"}).Lang(); got != i18n.Portuguese {
		t.Errorf("a facilitator who chose Portuguese gets %s", got)
	}
	var out, errOut bytes.Buffer
	if rc := door.RunCommand(ctx, fac, session.ShellActor(fac.Name), []string{"cohorts"}, &out, &errOut); rc != 0 || !strings.Contains(out.String(), "Ainda não há turmas") {
		t.Errorf("cohorts for a facilitator who chose Portuguese: exit %d\n%s%s", rc, out.String(), errOut.String())
	}
}

func lastLineOf(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

func mustHub(t *testing.T, f *FrontDoor, code string) *session.Hub {
	t.Helper()
	h, err := f.manager.HubByCode(context.Background(), code)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

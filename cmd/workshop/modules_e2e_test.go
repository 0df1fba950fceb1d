package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	gossh "golang.org/x/crypto/ssh"

	"workshop/content"
	"workshop/i18n"
	"workshop/session"
)

// Every built-in module can be run from its first step to its last over real SSH, and every
// step draws a complete screen at 80×24: header, guidance and the help line. The cohort pins
// every translation of its module, and at every step the cohort is on, each translation has
// that step in that place.
func TestBuiltinModulesWalkThrough(t *testing.T) {
	lib, problems, err := content.NewLibrary("")
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) > 0 {
		t.Fatalf("built-in modules have problems: %v", problems)
	}
	mods := lib.List()
	if len(mods) == 0 {
		t.Fatal("no built-in modules")
	}
	ts, facKey, _ := setup(t)
	translated := 0
	for _, mod := range mods {
		vs, _ := lib.Variants(mod.ID)
		translated += len(vs.All()) - 1
		t.Run(mod.ID, func(t *testing.T) {
			start := time.Now()
			walkModule(t, ts, facKey, mod, func(code string, i int) { checkTranslationsLineUp(t, ts, vs, code, i) })
			t.Logf("%d steps in %v", len(mod.Steps), time.Since(start).Round(time.Millisecond))
		})
	}
	if translated < 6 {
		t.Errorf("only %d translations among the built-in modules", translated)
	}
}

// checkTranslationsLineUp checks, with the cohort of code on step i (0-based), that it pinned
// every language of the module as the library has it and that each language's step i is the
// step the cohort is on.
func checkTranslationsLineUp(t *testing.T, ts *testServer, vs *content.Variants, code string, i int) {
	t.Helper()
	ctx := context.Background()
	h, err := ts.srv.manager.HubByCode(ctx, code)
	if err != nil {
		t.Fatal(err)
	}
	snap := h.Snapshot()
	if snap.Cohort.Step != i {
		t.Fatalf("cohort %s on step %d, want %d", code, snap.Cohort.Step+1, i+1)
	}
	want := vs.All()
	if len(snap.Cohort.Translations) != len(want)-1 {
		t.Fatalf("cohort %s pinned %v, the module is in %v", code, snap.Cohort.Translations, vs.Languages())
	}
	for _, tr := range want[1:] {
		got := h.ModuleIn(tr.Language)
		if got.Hash != tr.Hash || got.Language != tr.Language {
			t.Fatalf("cohort %s in %s: module %s in %s", code, tr.Language, got.Hash, got.Language)
		}
		if id := got.Steps[i].ID; id != h.Module().Steps[i].ID {
			t.Fatalf("cohort %s on step %d (%s): in %s that step is %s", code, i+1, h.Module().Steps[i].ID, tr.Language, id)
		}
	}
}

// Every translation of a built-in module, served as a module of its own, can be run from its
// first step to its last over real SSH, each step drawing a complete screen at 80×24 in that
// language: the translated titles fit the header and the guidance shows.
func TestBuiltinTranslationsWalkThrough(t *testing.T) {
	lib, _, err := content.NewLibrary("")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var names []string
	for _, mod := range lib.List() {
		vs, _ := lib.Variants(mod.ID)
		for _, tr := range vs.All()[1:] {
			id := mod.ID + "-" + strings.ToLower(tr.Language)
			src := topID.ReplaceAllLiteralString(string(tr.Raw), "id: "+id)
			src = translatedFrom.ReplaceAllLiteralString(src, "")
			if err := os.WriteFile(filepath.Join(dir, id+".yaml"), []byte(src), 0o600); err != nil {
				t.Fatal(err)
			}
			names = append(names, id)
		}
	}
	own, problems, err := content.NewLibrary(dir)
	if err != nil || len(problems) > 0 {
		t.Fatalf("the translations as modules of their own: %v %v", err, problems)
	}
	if len(names) < 6 {
		t.Fatalf("only %d translations", len(names))
	}
	dataDir := t.TempDir()
	facKey, facPub := newKey(t)
	if out, err := cli(t, "facilitator", "add", "fran", facPub, "--data", dataDir); err != nil {
		t.Fatalf("facilitator add: %v\n%s", err, out)
	}
	ts := startTestServerChanged(t, dataDir, func(c *serveConfig) { c.contentDir = dir })
	for _, id := range names {
		mod, ok := own.Get(id)
		if !ok {
			t.Fatalf("no module %s", id)
		}
		t.Run(id, func(t *testing.T) {
			start := time.Now()
			walkModule(t, ts, facKey, mod, nil)
			t.Logf("%d steps in %v", len(mod.Steps), time.Since(start).Round(time.Millisecond))
		})
	}
}

var (
	topID          = regexp.MustCompile(`(?m)^id: .*$`)
	translatedFrom = regexp.MustCompile(`(?m)^translated_from: .*\n`)
)

// walkModule creates a cohort on mod, joins it as a keyless participant and moves the cohort
// through every step, checking the participant's screen each time; atStep, if not nil, is called
// with the join code and the step (0-based) once the screen shows it.
func walkModule(t *testing.T, ts *testServer, facKey gossh.Signer, mod *content.Module, atStep func(code string, i int)) {
	out, errOut, rc := runCommand(t, ts.addr(), facKey, fmt.Sprintf("cohort create --module %s --name %q", mod.ID, "Walk "+mod.ID))
	if rc != 0 {
		t.Fatalf("cohort create: exit %d\nstdout: %s\nstderr: %s", rc, out, errOut)
	}
	code := lastLine(out)
	if !session.LooksLikeJoinCode(code) {
		t.Fatalf("last line %q is not a join code:\n%s", code, out)
	}

	// Keyless, with the join code as the user name: straight to the name prompt.
	p := dialTerm(t, ts.addr(), code, nil, 80, 24)
	p.waitFor("What name")
	p.typeText("Walker" + keyEnter)
	// After the name the lobby speaks the cohort's language, the module's, as the terminal sends none.
	s := p.waitFor(i18n.New(i18n.Choose("", nil, mod.Language)).T("You are in. Keep this code:"))
	if rejoinRe.FindString(s) == "" {
		t.Fatalf("no rejoin code on screen:\n%s", s)
	}
	p.press(keyEnter)

	total := len(mod.Steps)
	for i, step := range mod.Steps {
		n := i + 1
		out, errOut, rc := runCommand(t, ts.addr(), facKey, fmt.Sprintf("step %s %d", code, n))
		if rc != 0 {
			t.Fatalf("step %d: exit %d\nstdout: %s\nstderr: %s", n, rc, out, errOut)
		}
		if want := fmt.Sprintf("%s is on step %d of %d — %s", code, n, total, step.Title); !strings.Contains(out, want) {
			t.Fatalf("step %d: stdout %q, want it to contain %q", n, out, want)
		}
		checkStepScreen(t, p, mod, i)
		if atStep != nil {
			atStep(code, i)
		}
	}

	// Past the last step nothing moves, and the facilitator is told why.
	out, errOut, rc = runCommand(t, ts.addr(), facKey, "step "+code+" next")
	want := fmt.Sprintf("step %d does not exist", total+1)
	if rc != 1 || out != "" || !strings.Contains(errOut, want) {
		t.Fatalf("step next after the last step: exit %d, stdout %q, stderr %q; want exit 1 and %q", rc, out, errOut, want)
	}
	out, errOut, rc = runCommand(t, ts.addr(), facKey, "cohorts")
	if rc != 0 || !strings.Contains(out, code) {
		t.Fatalf("cohorts: exit %d\n%s%s", rc, out, errOut)
	}
	for _, line := range strings.Split(out, "\n") {
		if f := strings.Fields(line); len(f) > 0 && f[0] == code && !strings.Contains(line, fmt.Sprintf(" %d/%d ", total, total)) {
			t.Fatalf("cohort moved off its last step:\n%s", out)
		}
	}
	checkStepScreen(t, p, mod, total-1)
}

// checkStepScreen waits until the participant's screen settles on step i (0-based) and checks
// that it is drawn whole: module title and step header on top, the step's guidance, no loading
// or error notice left, and the help line on the bottom row.
func checkStepScreen(t *testing.T, p *termClient, mod *content.Module, i int) {
	t.Helper()
	step := mod.Steps[i]
	// The screen speaks the cohort's language, the module's, as the terminal sends none.
	pr := i18n.New(i18n.Choose("", nil, mod.Language))
	header := pr.T("Step %d of %d — %s", i+1, len(mod.Steps), runePrefix(step.Title, 20))
	connected := strings.TrimPrefix(pr.T("● connected"), "● ")
	titleWant := runePrefix(mod.Title, 20)
	guideWord := firstWord(step.Guidance)

	var rows []string
	var problem string
	deadline := time.Now().Add(10 * time.Second)
	for {
		s := p.screen()
		rows = strings.Split(strings.ReplaceAll(s, "\r", ""), "\n")
		problem = stepScreenProblem(rows, header, titleWant, connected, pr.T("more keys"), guideWord, step.Exercise != nil)
		if problem == "" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s step %d (%s): %s; the screen shows:\n%s", mod.ID, i+1, step.ID, problem, s)
		}
		time.Sleep(20 * time.Millisecond) // polling interval
	}
	for _, bad := range []string{"Please enlarge", "Could not load", "Loading your work"} {
		if strings.Contains(strings.Join(rows, "\n"), bad) {
			t.Fatalf("%s step %d (%s): screen shows %q:\n%s", mod.ID, i+1, step.ID, bad, strings.Join(rows, "\n"))
		}
	}
}

// stepScreenProblem says what is not yet right on a step's screen, or "" when all is.
func stepScreenProblem(rows []string, header, title, connected, moreKeys, guideWord string, hasExercise bool) string {
	if len(rows) != 24 {
		return fmt.Sprintf("%d rows, want 24", len(rows))
	}
	screen := strings.Join(rows, "\n")
	switch {
	case strings.Contains(screen, "Please enlarge"):
		return "asks for a larger terminal at 80×24"
	case !strings.Contains(rows[0], title) || !strings.Contains(rows[0], connected):
		return fmt.Sprintf("top row does not show the module title %q and the connection", title)
	case !strings.Contains(rows[1], header):
		return fmt.Sprintf("second row does not show %q", header)
	case guideWord != "" && !strings.Contains(screen, guideWord):
		return fmt.Sprintf("guidance (%q) not shown", guideWord)
	case hasExercise && strings.Contains(screen, "Loading your work"):
		return "exercise still loading"
	case !strings.Contains(rows[23], " • ") || !strings.Contains(rows[23], moreKeys):
		return "bottom row is not the help line"
	}
	return ""
}

// runePrefix returns at most n runes of s.
func runePrefix(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[:n]
	}
	return string(r)
}

// firstWord returns the first word of at least four letters in Markdown text, which any
// rendering keeps intact.
func firstWord(md string) string {
	for _, f := range strings.FieldsFunc(md, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len([]rune(f)) >= 4 {
			return f
		}
	}
	return ""
}

package session_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"workshop/internal/testenv"
	"workshop/session"
)

// reloadManager opens a manager whose content directory holds testModule, returning it with
// the directory.
func reloadManager(t *testing.T) (*session.Manager, string) {
	t.Helper()
	dir := t.TempDir()
	mods := filepath.Join(dir, "mods")
	testenv.WriteFile(t, filepath.Join(mods, "module.yaml"), testModule)
	lib, problems, err := session.LoadModules(mods, nil)
	if err != nil || len(problems) > 0 {
		t.Fatalf("library: %v %v", err, problems)
	}
	return testenv.New(t, lib, testenv.WithManager(session.WithContentDir(mods))).Manager, mods
}

// A reload offers the changed module to new cohorts; a cohort created before keeps the
// version it pinned, in its hub and when loaded again.
func TestReloadModulesKeepsPinnedVersions(t *testing.T) {
	m, mods := reloadManager(t)
	ctx := context.Background()
	cli := session.ShellActor("cli")
	before, err := m.CreateCohort(ctx, session.NewCohort{ModuleID: "test-module", Name: "Before", By: cli})
	if err != nil {
		t.Fatal(err)
	}
	v2 := strings.Replace(testModule, `version: "1.0"`, `version: "2.0"`, 1) + `  - id: extra
    title: Extra
    phase: apply
    guidance: One more step.
`
	testenv.WriteFile(t, filepath.Join(mods, "module.yaml"), v2)
	r, err := m.ReloadModules(ctx, cli)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(r.Changed, ",") != "test-module" || len(r.Added) != 0 || len(r.Removed) != 0 || len(r.Problems) != 0 {
		t.Fatalf("reload found %+v", r)
	}
	after, err := m.CreateCohort(ctx, session.NewCohort{ModuleID: "test-module", Name: "After", By: cli})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []struct {
		c     session.Cohort
		steps int
	}{{before, 3}, {after, 4}} {
		c, steps := want.c, want.steps
		h, err := m.Hub(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(h.Module().Steps); got != steps {
			t.Errorf("cohort %s runs %d steps, want %d", c.Name, got, steps)
		}
		mod, err := m.Module(ctx, c)
		if err != nil || len(mod.Steps) != steps {
			t.Errorf("cohort %s loads a module of %d steps (%v), want %d", c.Name, len(mod.Steps), err, steps)
		}
	}
}

// A broken file is skipped and reported, as at start; an unreadable directory leaves the
// library as it was; only a facilitator may reload.
func TestReloadModulesReportsProblems(t *testing.T) {
	m, mods := reloadManager(t)
	ctx := context.Background()
	testenv.WriteFile(t, filepath.Join(mods, "broken.yaml"), "id: broken\ntitle: [unclosed\n")
	r, err := m.ReloadModules(ctx, session.ShellActor("cli"))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Problems) == 0 || !strings.HasSuffix(r.Problems[0].File, "broken.yaml") || len(r.Added) != 0 {
		t.Fatalf("broken file: %+v", r)
	}
	if _, ok := m.Library().Get("test-module"); !ok {
		t.Fatal("the good module went with the broken one")
	}

	if err := os.RemoveAll(mods); err != nil {
		t.Fatal(err)
	}
	lib := m.Library()
	if _, err := m.ReloadModules(ctx, session.ShellActor("cli")); err == nil || !strings.Contains(session.ErrorMessage(err), "stay as they were") {
		t.Fatalf("unreadable directory: %v", err)
	}
	if m.Library() != lib {
		t.Fatal("the library changed although the directory could not be read")
	}

	stranger := session.KeyActor(session.Identity{Fingerprint: "SHA256:not-a-facilitator"})
	if _, err := m.ReloadModules(ctx, stranger); !errors.Is(err, session.ErrNotFacilitator) {
		t.Fatalf("a stranger reloaded: %v", err)
	}
}

// Sessions read the library while it is swapped (run with -race).
func TestReloadWhileReading(t *testing.T) {
	m, _ := reloadManager(t)
	ctx := context.Background()
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				if len(m.Library().List()) == 0 {
					t.Error("empty library")
				}
				if _, err := m.CreateCohort(ctx, session.NewCohort{ModuleID: "test-module", Name: "x", By: session.ShellActor("cli")}); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	for range 10 {
		if _, err := m.ReloadModules(ctx, session.ShellActor("cli")); err != nil {
			t.Fatal(err)
		}
	}
	wg.Wait()
}

package content

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestBuiltinModules walks every built-in module: each must parse without problems and be
// complete enough to run.
func TestBuiltinModules(t *testing.T) {
	entries, err := fs.ReadDir(builtinFS, "modules")
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) == 0 {
		t.Fatal("no built-in modules")
	}
	ids := map[string]string{} // id and language -> file
	originals := 0
	for _, e := range entries {
		t.Run(e.Name(), func(t *testing.T) {
			data, err := builtinFS.ReadFile("modules/" + e.Name())
			if err != nil {
				t.Fatal(err)
			}
			m, ps := Parse("content/modules/"+e.Name(), data)
			if len(ps) > 0 {
				t.Fatalf("built-in module has problems:\n%s", Problems(ps).Error())
			}
			key := m.ID + " in " + m.Language
			if prev, dup := ids[key]; dup {
				t.Errorf("module %s also in %s", key, prev)
			}
			ids[key] = e.Name()
			if m.TranslatedFrom == "" {
				originals++
			} else if want := m.ID + "." + m.Language + ".yaml"; e.Name() != want {
				t.Errorf("the %s translation of %s is in %s, not %s", m.Language, m.ID, e.Name(), want)
			}
			for i, s := range m.Steps {
				if strings.TrimSpace(s.Guidance) == "" {
					t.Errorf("step %d (%s) has no guidance", i+1, s.ID)
				}
				if s.Exercise != nil && s.Exercise.From != "" {
					j := m.StepIndex(s.Exercise.From)
					if j < 0 || j >= i || m.Steps[j].Exercise == nil || m.Steps[j].Exercise.Kind != KindList {
						t.Errorf("step %s: from %q is not an earlier list", s.ID, s.Exercise.From)
					}
				}
			}
		})
	}
	lib, ps, err := NewLibrary("")
	if err != nil || len(ps) > 0 {
		t.Fatalf("NewLibrary(\"\") = %v, %v", ps, err)
	}
	if got := len(lib.List()); got != originals {
		t.Errorf("library has %d modules, want %d", got, originals)
	}
	translations := 0
	for _, m := range lib.List() {
		vs, _ := lib.Variants(m.ID)
		translations += len(vs.All()) - 1
	}
	if translations != len(entries)-originals {
		t.Errorf("library has %d translations, want %d", translations, len(entries)-originals)
	}
	for _, m := range lib.List() {
		if m.Source != BuiltinSource {
			t.Errorf("module %s: Source = %q", m.ID, m.Source)
		}
	}
}

func writeFile(t *testing.T, dir, name, data string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// smallModule returns a valid module with the given id and title.
func smallModule(id, title string) string {
	return "id: " + id + "\ntitle: " + title + "\nsummary: S\nlanguage: en\nduration: 10\nversion: \"1\"\n" +
		"steps:\n  - id: only\n    title: Only\n    guidance: g\n    phase: apply\n"
}

func TestLibraryDirectory(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a-override.yaml", smallModule("warmup", "My own warm-up"))
	writeFile(t, dir, "b-extra.yml", smallModule("extra", "Extra"))
	writeFile(t, dir, "c-broken.yaml", "id: broken\ntitle: [\n")
	writeFile(t, dir, "d-duplicate.yaml", smallModule("extra", "Extra again"))
	writeFile(t, dir, "notes.txt", "not a module")
	writeFile(t, dir, ".hidden.yaml", "not: a module")
	if err := os.Mkdir(filepath.Join(dir, "sub.yaml"), 0o755); err != nil {
		t.Fatal(err)
	}

	builtin, _, err := NewLibrary("")
	if err != nil {
		t.Fatal(err)
	}
	origWarmup, ok := builtin.Get("warmup")
	if !ok {
		t.Fatal("no built-in warmup module")
	}

	lib, ps, err := NewLibrary(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		filepath.Join(dir, "c-broken.yaml") + ":1:1: missing key \"summary\" in module",
		filepath.Join(dir, "c-broken.yaml") + ":1:1: missing key \"language\" in module",
		filepath.Join(dir, "c-broken.yaml") + ":1:1: missing key \"duration\" in module",
		filepath.Join(dir, "c-broken.yaml") + ":1:1: missing key \"version\" in module",
		filepath.Join(dir, "c-broken.yaml") + ":1:1: missing key \"steps\" in module",
		filepath.Join(dir, "c-broken.yaml") + ":2:1: invalid YAML: a [ list starts on this line but is not closed with ]",
		filepath.Join(dir, "d-duplicate.yaml") + ":1:5: duplicate module id \"extra\" (also in " + filepath.Join(dir, "b-extra.yml") + ")",
	}
	if got := problemStrings(ps); !slices.Equal(got, want) {
		t.Errorf("problems:\n got %q\nwant %q", got, want)
	}

	w, ok := lib.Get("warmup")
	if !ok || w.Title != "My own warm-up" || w.Source != filepath.Join(dir, "a-override.yaml") {
		t.Errorf("warmup not overridden: %+v", w)
	}
	if e, ok := lib.Get("extra"); !ok || e.Title != "Extra" {
		t.Errorf("extra = %+v, %v", e, ok)
	}
	if _, ok := lib.Get("broken"); ok {
		t.Error("broken module loaded")
	}
	var ids []string
	for _, m := range lib.List() {
		ids = append(ids, m.ID)
	}
	if !slices.IsSorted(ids) || !slices.Contains(ids, "extra") || slices.Contains(ids, "broken") {
		t.Errorf("List() ids = %v", ids)
	}
	// The replaced built-in version stays reachable by hash; the new one too.
	if m, ok := lib.ByHash(origWarmup.Hash); !ok || m.Source != BuiltinSource {
		t.Errorf("ByHash(built-in warmup) = %v, %v", m, ok)
	}
	if m, ok := lib.ByHash(w.Hash); !ok || m != w {
		t.Errorf("ByHash(override) = %v, %v", m, ok)
	}
	if _, ok := lib.ByHash("0000"); ok {
		t.Error("ByHash found an unknown hash")
	}
	// List returns a copy.
	l := lib.List()
	l[0] = nil
	if lib.List()[0] == nil {
		t.Error("List() exposes the library's slice")
	}
}

func TestLibraryMissingDirectory(t *testing.T) {
	lib, _, err := NewLibrary(filepath.Join(t.TempDir(), "nope"))
	if err == nil || lib != nil {
		t.Fatalf("NewLibrary(missing dir) = %v, %v", lib, err)
	}
}

func TestValidatePaths(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "a.yaml", smallModule("one", "One"))
	b := writeFile(t, dir, "b.yaml", smallModule("one", "One again"))
	empty := filepath.Join(dir, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	other := t.TempDir()
	c := writeFile(t, other, "c.yml", smallModule("two", "Two"))
	missing := filepath.Join(dir, "missing.yaml")

	mods, ps := ValidateModules(dir, a, empty, other, missing)
	want := []string{
		b + ":1:5: duplicate module id \"one\" (also in " + a + ")",
		empty + ": no module files (*.yaml or *.yml) in this directory",
		missing + ": cannot read: no such file or directory",
	}
	if got := problemStrings(ps); !slices.Equal(got, want) {
		t.Errorf("problems:\n got %q\nwant %q", got, want)
	}
	if len(mods) != 2 || mods[0].ID != "one" || mods[1].ID != "two" || mods[1].Source != c {
		t.Errorf("modules = %v", mods)
	}
	if ps := Validate(a, c); len(ps) != 0 {
		t.Errorf("Validate(valid files) = %v", ps)
	}
	if ps := Validate("testdata/all-kinds.yaml"); len(ps) != 0 {
		t.Errorf("Validate(all-kinds) = %v", ps)
	}
}

// In every built-in module the steps that draw on one list see the same items: all of them
// team-scoped or none.
func TestBuiltinScopesAgree(t *testing.T) {
	lib, _, err := NewLibrary("")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range lib.List() {
		team := map[string]bool{}
		for _, s := range m.Steps {
			e := s.Exercise
			if e == nil || e.From == "" {
				continue
			}
			if prev, seen := team[e.From]; seen && prev != e.Team {
				t.Errorf("%s: the steps drawing on %q disagree on team", m.ID, e.From)
			}
			team[e.From] = e.Team
		}
	}
}

package archtest

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// pkg is what the checks need of one package from `go list`.
type pkg struct {
	ImportPath string
	Dir        string
	Doc        string
	GoFiles    []string
	Imports    []string // direct imports
	Deps       []string // every package it depends on, directly or not
}

// rule bans some imports from some packages.
type rule struct {
	name string
	// of says which packages the rule applies to.
	of func(path string) bool
	// direct checks only the package's own imports; otherwise every dependency counts.
	direct bool
	// banned are import paths; a path bans its subpackages too unless it ends in "$".
	banned []string
}

const mod = "workshop"

// under matches a package and its subpackages.
func under(paths ...string) func(string) bool {
	return func(p string) bool {
		for _, q := range paths {
			if within(p, mod+"/"+q) {
				return true
			}
		}
		return false
	}
}

func within(p, q string) bool { return p == q || strings.HasPrefix(p, q+"/") }

// bans says whether a banned path (see rule.banned) covers an import.
func bans(banned, imp string) bool {
	if exact, ok := strings.CutSuffix(banned, "$"); ok {
		return imp == exact
	}
	return within(imp, banned)
}

var (
	bubbleTea = []string{"charm.land/bubbletea", "charm.land/bubbles", "github.com/charmbracelet/bubbletea"}
	wishSSH   = []string{"charm.land/wish", "charm.land/ssh", "github.com/charmbracelet/wish", "github.com/charmbracelet/ssh"}
	styling   = []string{"charm.land/lipgloss", "charm.land/glamour", "github.com/charmbracelet/lipgloss", "github.com/charmbracelet/glamour"}
	// database/sql itself, not database/sql/driver: colour and id libraries implement its
	// Scanner and Valuer interfaces without touching a database.
	sqlPkgs = []string{"database/sql$", "modernc.org/sqlite"}
)

func concat(lists ...[]string) []string { return slices.Concat(lists...) }

// rules are the import rules of package archtest's doc comment.
func rules() []rule {
	return []rule{
		{name: "content is the bottom layer", of: under("content"),
			banned: concat([]string{mod + "/session", mod + "/tui", mod + "/cmd", mod + "/loadtest", mod + "/internal"}, bubbleTea, wishSSH, styling, sqlPkgs)},
		{name: "session draws nothing", of: under("session"),
			banned: concat([]string{mod + "/tui", mod + "/cmd", mod + "/loadtest", mod + "/internal"}, bubbleTea, wishSSH, styling)},
		{name: "markdown only draws text", of: under("tui/markdown"),
			banned: concat([]string{mod + "/session", mod + "/tui/frame", mod + "/tui/textedit", mod + "/cmd", mod + "/internal"}, bubbleTea, wishSSH, sqlPkgs)},
		{name: "command acts through session", of: under("command"),
			banned: concat([]string{mod + "/tui", mod + "/session/sqlite", mod + "/cmd", mod + "/loadtest", mod + "/internal"}, bubbleTea, wishSSH, sqlPkgs)},
		{name: "only session/sqlite speaks SQL", of: func(p string) bool { return !under("session/sqlite")(p) }, direct: true,
			banned: sqlPkgs},
		{name: "tui reaches storage only through session", of: under("tui"),
			banned: concat([]string{mod + "/session/sqlite", mod + "/cmd", mod + "/internal"}, sqlPkgs)},
		{name: "ui is shared below the screens", of: under("tui/ui"),
			banned: concat([]string{mod + "/tui$", mod + "/tui/exercise", mod + "/command", mod + "/cmd", mod + "/internal"}, wishSSH)},
		{name: "the editors talk to the screen in messages", of: under("tui/exercise"),
			banned: concat([]string{mod + "/tui$", mod + "/command", mod + "/cmd", mod + "/internal"}, wishSSH)},
		{name: "loadtest is a client", of: under("loadtest"),
			banned: []string{mod + "/content", mod + "/session", mod + "/tui", mod + "/cmd", mod + "/internal"}},
		{name: "bench tools stand apart", of: under("bench"),
			banned: []string{mod + "/content", mod + "/session/sqlite", mod + "/session/work", mod + "/session/export", mod + "/tui", mod + "/cmd", mod + "/internal", mod + "/loadtest"}},
		{name: "i18n is a leaf every layer prints through", of: under("i18n"),
			banned: concat([]string{mod + "/content", mod + "/session", mod + "/tui", mod + "/command", mod + "/cmd", mod + "/loadtest", mod + "/internal"}, bubbleTea, wishSSH, styling, sqlPkgs)},
		{name: "testenv is for tests", of: func(p string) bool { return !within(p, mod+"/internal/testenv") },
			banned: []string{mod + "/internal/testenv"}},
		{name: "uitest is for tests", of: func(p string) bool { return !within(p, mod+"/tui/ui/uitest") },
			banned: []string{mod + "/tui/ui/uitest"}},
	}
}

// broken lists every import that breaks a rule, one line each.
func broken(pkgs []pkg, rs []rule) []string {
	var out []string
	for _, r := range rs {
		for _, p := range pkgs {
			if !r.of(p.ImportPath) {
				continue
			}
			imports := p.Deps
			if r.direct {
				imports = p.Imports
			}
			for _, imp := range imports {
				for _, b := range r.banned {
					if bans(b, imp) {
						out = append(out, fmt.Sprintf("%s: %s imports %s", r.name, p.ImportPath, imp))
						break
					}
				}
			}
		}
	}
	return out
}

// layer is a package's place in cmd → tui → command → session → content; -1 for packages
// outside the stack (loadtest, bench, internal).
func layer(path string) int {
	for i, l := range []string{"content", "session", "command", "tui", "cmd"} {
		if within(path, mod+"/"+l) {
			return i
		}
	}
	return -1
}

// upward lists every dependency on a layer above the package's own.
func upward(pkgs []pkg) []string {
	var out []string
	for _, p := range pkgs {
		for _, d := range p.Deps {
			if lp, ld := layer(p.ImportPath), layer(d); lp >= 0 && ld > lp {
				out = append(out, fmt.Sprintf("layers point down: %s imports %s", p.ImportPath, d))
			}
		}
	}
	return out
}

// listPackages runs `go list` over the module.
func listPackages(t *testing.T) []pkg {
	t.Helper()
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to list the packages")
	}
	cmd := exec.Command(goBin, "list", "-json=ImportPath,Dir,Doc,GoFiles,Imports,Deps", "./...")
	cmd.Dir = filepath.Join("..", "..")
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	var pkgs []pkg
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for dec.More() {
		var p pkg
		if err := dec.Decode(&p); err != nil {
			t.Fatalf("go list output: %v", err)
		}
		pkgs = append(pkgs, p)
	}
	if len(pkgs) < 5 {
		t.Fatalf("go list found only %d packages", len(pkgs))
	}
	return pkgs
}

// Every package keeps to the import rules, and the layers point only down.
func TestImportRules(t *testing.T) {
	pkgs := listPackages(t)
	for _, line := range append(broken(pkgs, rules()), upward(pkgs)...) {
		t.Error(line)
	}
}

// Every package says what it owns and what it must not import, in a doc.go.
func TestEveryPackageHasDocGo(t *testing.T) {
	for _, p := range listPackages(t) {
		if len(p.GoFiles) == 0 {
			continue
		}
		if !slices.Contains(p.GoFiles, "doc.go") {
			t.Errorf("%s has no doc.go", p.ImportPath)
		}
		if p.Doc == "" {
			t.Errorf("%s has no package comment", p.ImportPath)
		}
	}
}

// The checks catch what they are for: an invented graph that breaks each rule once fails
// each rule once, and a clean one passes.
func TestRulesCatchBadImports(t *testing.T) {
	bad := []pkg{
		{ImportPath: mod + "/content", Deps: []string{"charm.land/bubbletea/v2"}},
		{ImportPath: mod + "/session/export", Deps: []string{mod + "/session", "charm.land/wish/v2"}},
		{ImportPath: mod + "/tui", Imports: []string{"database/sql"}, Deps: []string{"database/sql", mod + "/session/sqlite"}},
		{ImportPath: mod + "/session", Deps: []string{mod + "/tui/frame"}},
		{ImportPath: mod + "/loadtest", Deps: []string{mod + "/session"}},
		{ImportPath: mod + "/session/work", Deps: []string{mod + "/content", "charm.land/glamour/v2"}},
		{ImportPath: mod + "/cmd/workshop", Deps: []string{mod + "/internal/testenv"}},
		{ImportPath: mod + "/command", Deps: []string{mod + "/session", mod + "/tui/frame"}},
		{ImportPath: mod + "/tui/exercise", Deps: []string{mod + "/tui/ui", mod + "/tui/ui/uitest"}},
	}
	got := append(broken(bad, rules()), upward(bad)...)
	want := []string{
		"content is the bottom layer: workshop/content imports charm.land/bubbletea/v2",
		"session draws nothing: workshop/session/export imports charm.land/wish/v2",
		"only session/sqlite speaks SQL: workshop/tui imports database/sql",
		"tui reaches storage only through session: workshop/tui imports database/sql",
		"tui reaches storage only through session: workshop/tui imports workshop/session/sqlite",
		"session draws nothing: workshop/session imports workshop/tui/frame",
		"loadtest is a client: workshop/loadtest imports workshop/session",
		"session draws nothing: workshop/session/work imports charm.land/glamour/v2",
		"testenv is for tests: workshop/cmd/workshop imports workshop/internal/testenv",
		"layers point down: workshop/session imports workshop/tui/frame",
		"command acts through session: workshop/command imports workshop/tui/frame",
		"layers point down: workshop/command imports workshop/tui/frame",
		"uitest is for tests: workshop/tui/exercise imports workshop/tui/ui/uitest",
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("not caught: %s", w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("caught %d, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	clean := []pkg{
		{ImportPath: mod + "/content", Deps: []string{"strings", "database/sql/driver"}},
		{ImportPath: mod + "/session", Deps: []string{mod + "/content", mod + "/session/work"}},
		{ImportPath: mod + "/session/sqlite", Imports: []string{"database/sql"}, Deps: []string{mod + "/session", "database/sql", "modernc.org/sqlite"}},
		{ImportPath: mod + "/tui", Deps: []string{mod + "/session", mod + "/tui/markdown", "charm.land/bubbletea/v2"}},
		{ImportPath: mod + "/tui/markdown", Deps: []string{mod + "/content", "charm.land/glamour/v2", "charm.land/lipgloss/v2"}},
		{ImportPath: mod + "/command", Deps: []string{mod + "/session", mod + "/session/export", "github.com/spf13/cobra"}},
		{ImportPath: mod + "/cmd/workshop", Deps: []string{mod + "/tui", mod + "/command", mod + "/session/sqlite", "database/sql"}},
	}
	if got := append(broken(clean, rules()), upward(clean)...); len(got) > 0 {
		t.Errorf("a clean graph fails:\n%s", strings.Join(got, "\n"))
	}
}

package command

import (
	"os/exec"
	"strings"
	"testing"
)

// The command surface reaches the store only through session and knows nothing of screens or
// connections: neither Bubble Tea, wish nor SQL is among what it builds on, nor the packages
// that mount it.
func TestCommandImportsNoScreensConnectionsOrSQL(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}", "workshop/command").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 10 {
		t.Fatalf("go list found only %d packages:\n%s", len(deps), out)
	}
	// database/sql itself, not database/sql/driver: a colour library names driver.Valuer.
	forbidden := []string{"charm.land/bubbletea", "charm.land/wish", "charm.land/ssh", "modernc.org/sqlite",
		"workshop/tui", "workshop/session/sqlite", "workshop/cmd"}
	for _, d := range deps {
		if d == "database/sql" {
			t.Errorf("workshop/command depends on %s", d)
		}
		for _, f := range forbidden {
			if d == f || strings.HasPrefix(d, f+"/") {
				t.Errorf("workshop/command depends on %s", d)
			}
		}
	}
}

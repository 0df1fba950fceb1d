package tui

import (
	"strings"
	"testing"

	"workshop/session"
	"workshop/session/work"
)

// The table: a adds a row and edits its first cell, tab moves along the row, a number column
// refuses text that is not a number and keeps the field open to fix it, choice columns pick
// from their options, d deletes a row after asking, the row limit holds, and ctrl+s stores the
// table as submitted.
func TestTeatestTable(t *testing.T) {
	t.Parallel()
	m, h, ps := teaCohort(t, "census", "Ana")
	s := startTea(t, m, h, ps[0], 80, 24)
	s.waitFor("Step 11 of 14 — Census", "Service", "Monthly requests", "Channel", "Redesign potential",
		"+ Add a row (a)", "Press a or enter to add a row.", "0/10 rows")

	s.keys("ctrl+s")
	s.waitFor("Add at least one row before submitting.")

	s.keys("a")
	s.waitFor("Row 1 · Service", "0/280", "1/10 rows")
	s.typeText("Passports")
	s.keys("tab")
	s.waitFor("Row 1 · Monthly requests (a number)")
	s.typeText("lots")
	s.keys("enter")
	s.waitFor(`"lots" in column Monthly requests is not a number`, "Row 1 · Monthly requests (a number)", "4/280")
	s.keys("ctrl+u")
	s.typeText("1200")
	s.keys("tab")
	s.waitFor("Channel:", "[(none)]", "Online", "Counter", "Phone")
	s.keys("right", "right")
	s.waitFor("[Counter]")
	s.keys("enter")
	s.waitFor("Row 1 · Channel: Counter")
	s.keys("right", "enter")
	s.waitFor("Redesign potential:", "[(none)]")
	s.keys("right", "right", "right", "enter")
	s.waitFor("Row 1 · Redesign potential: High", "Draft saved")
	v, _ := s.decoded("census")
	if got := v.(*work.Table).Rows; len(got) != 1 || strings.Join(got[0], "|") != "Passports|1200|Counter|High" {
		t.Fatalf("stored rows %q", got)
	}

	// A second row, deleted after asking.
	s.keys("a")
	s.waitFor("Row 2 · Service")
	s.typeText("Parking permits")
	s.keys("enter")
	s.waitFor("› 2", "Parking permits", "Row 2 · Service: Parking permits", "2/10 rows")
	s.keys("d")
	s.waitFor("Delete row 2? y deletes, any other key keeps it")
	s.keys("n")
	s.waitFor("Kept.", "Parking permits")
	s.keys("d", "y")
	s.waitFor("1/10 rows", "Draft saved")
	s.waitGone("Parking permits")

	s.keys("ctrl+s")
	s.waitFor("✓ Submitted", "1/10 rows")
	v, status := s.decoded("census")
	if got := v.(*work.Table).Rows; status != session.StatusSubmitted || len(got) != 1 || strings.Join(got[0], "|") != "Passports|1200|Counter|High" {
		t.Fatalf("submitted %s %q", status, got)
	}

	// The row limit.
	for range 9 {
		s.keys("a", "esc")
	}
	s.waitFor("10/10 rows", "The table is full.", "Changed since you submitted")
	s.keys("a")
	s.waitFor("The table is full: 10 rows is the limit.")
	v, _ = s.decoded("census")
	if got := v.(*work.Table).Rows; len(got) != 10 {
		t.Fatalf("%d rows stored, want 10", len(got))
	}
	final := s.finalScreen()
	if !strings.Contains(final, "The table is full: 10 rows is the limit.") {
		t.Fatalf("final frame:\n%s", final)
	}
}

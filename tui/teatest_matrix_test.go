package tui

import (
	"strings"
	"testing"

	"workshop/session"
	"workshop/session/work"
)

// quadrant names the quadrant a stored place is in.
func quadrant(h *session.Hub, stepID string, p work.Place) string {
	ex := h.Module().Steps[h.Module().StepIndex(stepID)].Exercise
	return ex.QuadrantNames()[p.Quadrant()]
}

// The matrix: enter picks an item up (in the middle of the grid), the arrows move it across
// quadrants, enter puts it down and esc stops moving; 1–4 drop an item in a quadrant and u
// takes it off. ctrl+s stores the places as submitted.
func TestTeatestMatrix(t *testing.T) {
	t.Parallel()
	m, h, ps := teaCohort(t, "place", "Ana", "Bea")
	seedIdeas(t, h, ps, []string{"Online booking"}, []string{"Longer opening hours", "Fewer forms"})
	s := startTea(t, m, h, ps[0], 80, 24)
	s.waitFor("Step 8 of 14 — Place", "1. Online booking · not placed", "0/3 placed", "↑ High impact (Impact)", "┌")

	s.keys("ctrl+s")
	s.waitFor("Place at least one item before submitting.")

	// Picked up, the item lands in the middle: high impact, high effort.
	s.keys("enter")
	s.waitFor("Moving 1 (High impact · High effort): arrows move it, enter puts it down", "[1]", "1/3 placed")
	s.keys("left")
	s.waitFor("Moving 1 (High impact · Low effort)")
	s.keys("down")
	s.waitFor("Moving 1 (Low impact · Low effort)")
	s.keys("enter")
	s.waitFor("1. Online booking · Low impact · Low effort", "Draft saved")
	v, _ := s.decoded("place")
	if p, ok := v.(*work.Matrix).Places["p1i1"]; !ok || p != (work.Place{X: 4, Y: 4}) || quadrant(h, "place", p) != "Low impact · Low effort" {
		t.Fatalf("stored places %+v", v.(*work.Matrix).Places)
	}

	// Picked up again and moved right (vi keys too), esc stops moving where it is.
	s.keys("m", "l")
	s.waitFor("Moving 1 (Low impact · High effort)")
	s.keys("esc")
	s.waitFor("1. Online booking · Low impact · High effort", "Draft saved")

	// 1–4 drop the item under the cursor in a quadrant.
	s.keys("down", "1")
	s.waitFor("2. Longer opening hours · High impact · Low effort", "2/3 placed")
	s.keys("down", "4")
	s.waitFor("3. Fewer forms · Low impact · High effort", "3/3 placed")
	s.keys("u")
	s.waitFor("3. Fewer forms · not placed", "2/3 placed", "Draft saved")

	s.keys("ctrl+s")
	s.waitFor("✓ Submitted", "2/3 placed")
	v, status := s.decoded("place")
	places := v.(*work.Matrix).Places
	if status != session.StatusSubmitted || len(places) != 2 ||
		quadrant(h, "place", places["p1i1"]) != "Low impact · High effort" ||
		quadrant(h, "place", places["p2i1"]) != "High impact · Low effort" {
		t.Fatalf("submitted %s %+v", status, places)
	}
	if _, ok := places["p2i2"]; ok {
		t.Fatal("the item taken off is still placed")
	}
	final := s.finalScreen()
	if !strings.Contains(final, "3 ○ Fewer forms") || !strings.Contains(final, "1 ● Online booking") {
		t.Fatalf("final frame:\n%s", final)
	}
}

// A team matrix is one board: the participant's placing lands on it in the module's named
// quadrants, and a teammate's move shows at once.
func TestTeatestMatrixTeamBoard(t *testing.T) {
	t.Parallel()
	m, h, ps := teaCohort(t, "team-place", "Ana", "Bea")
	splitIntoOneTeam(t, h)
	ana, bea := ps[0], ps[1]
	idea := addToBoard(t, h, bea, "team-ideas", "Text reminders")
	s := startTea(t, m, h, ana, 80, 24)
	s.waitFor("Step 9 of 14 — Team place", "From step 4, Team ideas: Team 1's items", "1. Text reminders · not placed")

	s.keys("2")
	s.waitFor("1. Text reminders · Plan", "1/1 placed")
	s.waitBoard("team-place", "the item in Plan", func(v any) bool {
		p, ok := v.(*work.Matrix).Places[idea]
		return ok && quadrant(h, "team-place", p) == "Plan"
	})

	if _, err := h.UpdateBoard(t.Context(), bea.ID, "team-place", func(v any) error {
		v.(*work.Matrix).Place(idea, work.Place{X: 8, Y: 1})
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	s.waitFor("1. Text reminders · Drop")

	s.keys("ctrl+s")
	s.waitFor("✓ Done")
	if a := s.work("team-place"); a.Status != session.StatusSubmitted || string(a.Data) != `{"shared":true}` {
		t.Fatalf("own record %s %s", a.Status, a.Data)
	}
}

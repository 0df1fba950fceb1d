package tui

import "testing"

// Removing the last stage while the cursor is on it must not end the session: the grid is
// drawn again before the save comes back.
func TestTeatestJourneyRemoveLastOwnStage(t *testing.T) {
	t.Parallel()
	m, h, ps := teaCohort(t, "journey", "Ana")
	s := startTea(t, m, h, ps[0], 80, 24)
	s.waitFor("Step 10 of 14 — Journey", "stage 1 of 5")
	s.keys("a")
	s.waitFor("New stage (added at the end)")
	s.typeText("Appeal")
	s.keys("enter")
	s.waitFor("Appeal*", "stage 6 of 6", "Draft saved")
	s.keys("d")
	s.waitFor(`Remove stage "Appeal"`)
	s.keys("y")
	s.waitFor("stage 5 of 5", "Not started") // emptied again: nothing is stored work
	s.waitGone("Appeal*")
	s.keys("enter") // the session is alive and the cursor is on a real cell
	s.waitFor("0/200")
	s.quit()
}

// After a refused cell, tab still saves and moves on to the next cell.
func TestTeatestTabAfterRefusal(t *testing.T) {
	t.Parallel()
	m, h, ps := teaCohort(t, "journey", "Ana")
	s := startTea(t, m, h, ps[0], 80, 24)
	s.waitFor("Step 10 of 14 — Journey", "stage 1 of 5")
	s.keys("r") // renaming a module stage is refused
	s.waitFor("The module's stages keep their names")
	s.keys("enter")
	s.waitFor("User actions · Find out", "0/200")
	s.keys("tab")
	s.waitFor("User actions · Apply", "0/200")
	s.quit()
}

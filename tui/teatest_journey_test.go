package tui

import (
	"strings"
	"testing"
	"unicode/utf8"

	"workshop/session"
	"workshop/session/work"
)

// The journey grid: arrows move between cells (columns scroll sideways), enter edits a cell,
// tab saves it and edits the next one, a paste is cut to the cell's length limit; own stages
// are added, renamed and removed (after asking) while the module's stay. ctrl+s stores the grid as submitted.
func TestTeatestJourney(t *testing.T) {
	t.Parallel()
	m, h, ps := teaCohort(t, "journey", "Ana")
	s := startTea(t, m, h, ps[0], 80, 24)
	s.waitFor("Step 10 of 14 — Journey", "Find out", "User actions", "Pain points",
		"User actions · Find out: empty, press enter to write", "stage 1 of 5", "2 ▶")

	s.keys("enter")
	s.waitFor("User actions · Find out", "0/200")
	s.typeText("Searches the web")
	s.keys("tab")
	s.waitFor("User actions · Apply", "0/200")
	s.typeText("Fills the form")
	s.keys("enter")
	s.waitFor("User actions · Apply: Fills the form", "stage 2 of 5", "Draft saved")

	// Down a lane and right to the last stage: the columns scroll, with arrows for hidden ones.
	s.keys("down", "right", "right", "l")
	s.waitFor("Front stage · Follow up: empty, press enter to write", "stage 5 of 5", "◀ 2")
	s.keys("enter")
	s.paste(strings.Repeat("waits ", 50))
	s.waitFor("pasted text cut to fit 200 characters", "200/200")
	s.typeText("more")
	s.keys("enter")
	s.waitFor("Front stage · Follow up: waits waits", "Draft saved")

	// Own stages: added at the end, renamed, removed after asking; the module's stay.
	s.keys("a")
	s.waitFor("New stage (added at the end)", "0/60")
	s.typeText("Feedback")
	s.keys("enter")
	s.waitFor("Feedback*", "stage 6 of 6", "(added here: r renames, d removes)")
	s.keys("r")
	s.waitFor("Rename stage", "8/60")
	s.keys("ctrl+u")
	s.typeText("Complain")
	s.keys("enter")
	s.waitFor("Complain*", "Draft saved")
	s.waitGone("Feedback*")
	s.keys("a")
	s.typeText("Appeal")
	s.keys("enter")
	s.waitFor("Complain*", "Appeal*", "stage 7 of 7", "Draft saved")
	s.keys("left", "d")
	s.waitFor("Remove stage \"Complain\" and its cells? y removes, any other key keeps it")
	s.keys("n")
	s.waitFor("Kept.", "Complain*")
	s.keys("d", "y")
	s.waitFor("Appeal*", "stage 6 of 6", "Draft saved")
	s.waitGone("Complain*")
	s.keys("left", "d")
	s.waitFor("Front stage · Follow up", "The module's stages stay; only stages added here can be removed.")
	s.keys("r")
	s.waitFor("The module's stages keep their names; only stages added here can")

	// Back to the top lane with home and up; shift+tab saves the cell and edits the one before.
	s.keys("home", "up", "right", "enter")
	s.waitFor("User actions · Apply", "14/200")
	s.typeText(" online")
	s.keys("shift+tab")
	s.waitFor("User actions · Find out", "16/200")
	s.keys("ctrl+u")
	s.typeText("Asks a friend")
	s.keys("enter")
	s.waitFor("User actions · Find out: Asks a friend", "stage 1 of 6")

	s.keys("ctrl+s")
	s.waitFor("✓ Submitted")
	v, status := s.decoded("journey")
	g := v.(*work.Journey)
	if status != session.StatusSubmitted || strings.Join(g.Stages, "|") != "Find out|Apply|Wait|Receive|Follow up|Appeal" ||
		g.Cells[0][0] != "Asks a friend" || g.Cells[0][1] != "Fills the form online" || utf8.RuneCountInString(g.Cells[1][4]) != 200 || strings.Contains(g.Cells[1][4], "more") {
		t.Fatalf("submitted %s %q %q", status, g.Stages, g.Cells)
	}
	final := s.finalScreen()
	if !strings.Contains(final, "✓ Submitted") || !strings.Contains(final, "Asks a friend") {
		t.Fatalf("final frame:\n%s", final)
	}
}

package tui

import (
	"strings"
	"testing"

	"workshop/session"
	"workshop/session/work"
)

// The checklist: space and x tick and untick, e opens a note on the item, enter saves it and
// esc drops the change; a note keeps to the length limit; ctrl+s stores ticks and notes as
// submitted.
func TestTeatestChecklist(t *testing.T) {
	t.Parallel()
	m, h, ps := teaCohort(t, "ready", "Ana")
	s := startTea(t, m, h, ps[0], 80, 24)
	s.waitFor("Step 13 of 14 — Ready to launch", "› [ ] Staff trained", "[ ] Help desk briefed", "[ ] Assisted channel open", "0/3 ticked")

	s.keys("space")
	s.waitFor("› [x] Staff trained", "1/3 ticked", "Draft saved")
	s.keys("down", "x")
	s.waitFor("› [x] Help desk briefed", "2/3 ticked")
	s.keys("x")
	s.waitFor("› [ ] Help desk briefed", "1/3 ticked", "Draft saved")

	s.keys("e")
	s.waitFor("Note on “Help desk briefed”", "0/280")
	s.typeText("Briefing on Friday")
	s.keys("enter")
	s.waitFor("note: Briefing on Friday", "Draft saved")

	// A note keeps to the limit: a paste is cut with a message; esc keeps the saved note.
	s.keys("enter")
	s.waitFor("Note on “Help desk briefed”", "18/280")
	s.paste(strings.Repeat("all staff ", 40))
	s.waitFor("pasted text cut to fit 280 characters", "280/280")
	s.keys("esc")
	s.waitGone("280/280")
	s.waitFor("note: Briefing on Friday")

	s.keys("ctrl+s")
	s.waitFor("✓ Submitted", "1/3 ticked")
	v, status := s.decoded("ready")
	cl := v.(*work.Checklist)
	if status != session.StatusSubmitted || !cl.Ticks[0] || cl.Ticks[1] || cl.Ticks[2] ||
		cl.Notes[0] != "" || cl.Notes[1] != "Briefing on Friday" || cl.Notes[2] != "" {
		t.Fatalf("submitted %s %+v", status, cl)
	}
	final := s.finalScreen()
	if !strings.Contains(final, "[x] Staff trained") || !strings.Contains(final, "note: Briefing on Friday") {
		t.Fatalf("final frame:\n%s", final)
	}
}

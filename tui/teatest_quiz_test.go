package tui

import (
	"strings"
	"testing"

	"workshop/session"
	"workshop/session/work"
)

// The quiz: ↑↓ move between the options of every question, space and enter choose; ctrl+s
// refuses until every question is answered, then stores the answers as submitted and shows
// right and wrong with the module's feedback and the score. Changing an answer hides the
// feedback until the quiz is submitted again.
func TestTeatestQuiz(t *testing.T) {
	t.Parallel()
	m, h, ps := teaCohort(t, "check", "Ana")
	s := startTea(t, m, h, ps[0], 80, 24)
	s.waitFor("Step 14 of 14 — Quick check", "1. Who should test a prototype?", "› ( ) People who will use the service",
		"2. When is a step of the journey a pain point?", "0/2 answered")

	s.keys("space")
	s.waitFor("› (•) People who will use the service", "1/2 answered", "Draft saved")
	s.keys("ctrl+s")
	s.waitFor("Answer every question before submitting: 1 left.")

	s.keys("down", "down", "down")
	s.waitFor("› ( ) When it has many fields")
	s.keys("enter")
	s.waitFor("› (•) When it has many fields", "2/2 answered", "Draft saved")

	s.keys("ctrl+s")
	s.waitFor("✓ Submitted", "Score: 1 of 2", "(•) People who will use the service  ✓ right",
		"Yes, they find what the team cannot see.", "(•) When it has many fields  ✗ not quite", "Length alone does not make it painful.")
	v, status := s.decoded("check")
	if got := v.(*work.Quiz).Answers; status != session.StatusSubmitted || len(got) != 2 || got[0] != 0 || got[1] != 1 {
		t.Fatalf("submitted %s %v", status, got)
	}

	// A changed answer loses its feedback until submitted again.
	s.keys("up", "space")
	s.waitFor("› (•) When users get stuck or give up there", "2/2 answered", "Changed since you submitted")
	s.waitGone("✓ right")
	s.keys("ctrl+s")
	s.waitFor("Score: 2 of 2", "(•) When users get stuck or give up there  ✓ right", "Right, that is where to look first.")
	v, _ = s.decoded("check")
	if got := v.(*work.Quiz).Answers; got[0] != 0 || got[1] != 0 {
		t.Fatalf("resubmitted %v", got)
	}
	final := s.finalScreen()
	if !strings.Contains(final, "Score: 2 of 2") || strings.Contains(final, "not quite") {
		t.Fatalf("final frame:\n%s", final)
	}
}

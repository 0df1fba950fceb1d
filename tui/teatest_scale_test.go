package tui

import (
	"fmt"
	"strings"
	"testing"

	"workshop/session"
	"workshop/session/work"
)

// The scale: 1–5 rate the statement under the cursor, ← and → step the rating, ↓ and enter
// move on; ctrl+s refuses until every statement is rated, then stores the ratings as submitted
// and shows how the cohort rated each statement.
func TestTeatestScale(t *testing.T) {
	t.Parallel()
	m, h, ps := teaCohort(t, "rate", "Ana", "Bea")
	if _, err := h.SaveCountedWork(t.Context(), ps[1].ID, "rate", work.Schema, []byte(`{"ratings":[4,2]}`), true); err != nil {
		t.Fatal(err)
	}
	s := startTea(t, m, h, ps[0], 80, 24)
	s.waitFor("Step 12 of 14 — Rate yourself", "› 1. I talk to the people who use my service.",
		"2. I try ideas out before building them.", "not rated (1 Strongly disagree … 5 Strongly agree)", "0/2 rated")

	s.keys("4")
	s.waitFor(rated(4, "Agree"), "1/2 rated", "Draft saved")
	s.keys("ctrl+s")
	s.waitFor("Rate every statement before submitting: 1 left.")

	s.keys("enter")
	s.waitFor("› 2. I try ideas out before building them.")
	s.keys("right", "right")
	s.waitFor(rated(2, "Disagree"), "2/2 rated")
	s.keys("left")
	s.waitFor(rated(1, "Strongly disagree"))
	s.keys("l", "5")
	s.waitFor(rated(5, "Strongly agree"))
	s.keys("3")
	scr := s.waitFor(rated(3, "Neither agree nor disagree"), "Draft saved")
	if strings.Contains(scr, "Cohort (") {
		t.Fatalf("the cohort's ratings show before submitting:\n%s", scr)
	}
	s.keys("up", "5", "down")
	s.waitFor(rated(5, "Strongly agree"), rated(3, "Neither agree nor disagree"), "Draft saved")

	s.keys("ctrl+s")
	s.waitFor("✓ Submitted", "Cohort (2):", "1:0 2:0 3:0 4:1 5:1", "1:0 2:1 3:1 4:0 5:0")
	v, status := s.decoded("rate")
	if got := v.(*work.Scale).Ratings; status != session.StatusSubmitted || len(got) != 2 || got[0] != 5 || got[1] != 3 {
		t.Fatalf("submitted %s %v", status, got)
	}
	final := s.finalScreen()
	if !strings.Contains(final, "Cohort (2):") {
		t.Fatalf("final frame:\n%s", final)
	}
}

// rated is a statement's rating line as drawn: the five points with the chosen one in
// brackets, then its label.
func rated(r int, label string) string {
	var pts []string
	for p := 1; p <= 5; p++ {
		if p == r {
			pts = append(pts, fmt.Sprintf("[%d]", p))
		} else {
			pts = append(pts, fmt.Sprintf(" %d ", p))
		}
	}
	return strings.Join(pts, "") + "  " + label
}

package tui

import (
	"strings"
	"testing"

	"workshop/session"
	"workshop/session/work"
)

// Dot voting: dots are spent with → + = space and taken back with ← - backspace, within the
// per-item limit and the total, each refusal saying why; ctrl+s stores the ballot as submitted.
func TestTeatestVote(t *testing.T) {
	t.Parallel()
	m, h, ps := teaCohort(t, "vote", "Ana", "Bea")
	seedIdeas(t, h, ps, []string{"Online booking"}, []string{"Longer opening hours", "Fewer forms"})
	s := startTea(t, m, h, ps[0], 80, 24)
	scr := s.waitFor("Step 6 of 14 — Vote", "From step 3, Ideas: the whole cohort's items",
		"3 of 3 dots left · at most 2 per item", "› ·· Online booking", "·· Longer opening hours", "·· Fewer forms")
	if !strings.Contains(lineWith(scr, "Online booking"), "yours") || strings.Contains(lineWith(scr, "Fewer forms"), "yours") {
		t.Fatalf("own items not marked:\n%s", scr)
	}

	s.keys("ctrl+s")
	s.waitFor("Put at least one dot on an item before submitting.")

	// Two dots on the first item, then the per-item limit.
	s.keys("right", "+")
	s.waitFor("› ●● Online booking", "1 of 3 dots left", "Draft saved")
	s.keys("=")
	s.waitFor("At most 2 dots on one item.", "› ●● Online booking")

	// The last dot on the second item, then the total.
	s.keys("down", "space")
	s.waitFor("› ●· Longer opening hours", "0 of 3 dots left")
	s.keys("down", "l")
	s.waitFor("All 3 dots are spent; take one from another item first (← or -).", "› ·· Fewer forms")

	// Taking a dot back frees it for another item.
	s.keys("up", "-")
	s.waitFor("› ·· Longer opening hours", "1 of 3 dots left")
	s.keys("h")
	s.waitFor("› ·· Longer opening hours", "1 of 3 dots left") // nothing to take
	s.keys("down", "l")
	s.waitFor("› ●· Fewer forms", "0 of 3 dots left", "Draft saved")
	s.keys("up", "up", "backspace")
	s.waitFor("› ●· Online booking", "1 of 3 dots left", "Draft saved")
	s.keys("+")
	s.waitFor("› ●● Online booking", "0 of 3 dots left")

	s.keys("ctrl+s")
	s.waitFor("✓ Submitted", "0 of 3 dots left")
	v, status := s.decoded("vote")
	dots := v.(*work.Vote).Dots
	if status != session.StatusSubmitted || dots["p1i1"] != 2 || dots["p2i1"] != 0 || dots["p2i2"] != 1 {
		t.Fatalf("stored %s %v", status, dots)
	}
	final := s.finalScreen()
	if !strings.Contains(final, "●· Fewer forms") || !strings.Contains(final, "✓ Submitted") {
		t.Fatalf("final frame:\n%s", final)
	}
}

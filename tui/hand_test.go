package tui

import (
	"context"
	"strings"
	"testing"

	"workshop/session"
)

// A hand the facilitator clears goes down on the participant's screen at once, without a key,
// and the participant is told the facilitator answered it; a hand they lower themselves says
// so instead. The notices fit at 80 and at 40 columns.
func TestClearedHandShowsAtOnce(t *testing.T) {
	for _, w := range []int{80, 40} {
		m, h, ps := exercisesCohort(t, session.PaceLed, "Ana")
		ctx := context.Background()
		r := openParticipant(t, m, h, ps[0], w, 24)
		r.waitFor("Step 1 of")
		r.keys("ctrl+r")
		r.typeText("stuck")
		r.keys("enter")
		r.waitFor("Hand raised")

		if err := h.ClearHand(ctx, session.ShellActor("fran"), ps[0].ID); err != nil {
			t.Fatal(err)
		}
		s := r.waitGone("Hand raised")
		if strings.Contains(s, "Your hand is raised") || !strings.Contains(flat(s), "The facilitator answered your raised hand") {
			t.Errorf("at %d columns, after the facilitator cleared the hand:\n%s", w, s)
		}
		r.screen() // fits the window

		r.keys("ctrl+r")
		r.keys("enter")
		r.waitFor("Hand raised")
		r.keys("ctrl+r")
		s = r.waitGone("Hand raised")
		if strings.Contains(flat(s), "The facilitator answered") || !strings.Contains(s, "Hand lowered.") {
			t.Errorf("at %d columns, after lowering the hand oneself:\n%s", w, s)
		}
	}
}

// flat joins a screen's lines, so a sentence wrapped over several lines reads whole.
func flat(screen string) string {
	var words []string
	for _, l := range strings.Split(screen, "\n") {
		words = append(words, strings.Fields(l)...)
	}
	return strings.Join(words, " ")
}

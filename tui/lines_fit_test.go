package tui

import (
	"context"
	"strings"
	"testing"

	"workshop/session"
	"workshop/session/work"
)

// Every line a participant must read shows whole at 80 and at 40 columns: it fits, or it
// wraps onto more lines; nothing is cut with "…".
func TestStatusLinesWrapInsteadOfCutting(t *testing.T) {
	for _, w := range []int{80, 40} {
		m, h, ps := exercisesCohort(t, session.PaceLed, "Ana", "Bea")
		ctx := context.Background()
		r := openParticipant(t, m, h, ps[0], w, 24)
		r.waitFor("Step 1 of")

		// Looking ahead of the group in a led cohort.
		r.keys("]")
		s := r.waitFor("Press g")
		if want := "The facilitator opens the next steps. Press g to return to the group's step."; !strings.Contains(flat(s), want) {
			t.Errorf("at %d columns the notice is not whole (%q):\n%s", w, want, s)
		}
		r.screen()

		// Someone else's item on the anonymous board.
		if err := h.Move(ctx, session.ShellActor("fran"), stepIndex(h, "roundtable")); err != nil {
			t.Fatal(err)
		}
		r.waitFor("Anonymous board")
		if _, err := h.UpdateBoard(ctx, ps[1].ID, "roundtable", func(v any) error {
			v.(*work.List).Add(work.Item{ID: work.NewID(), Text: "Not mine"})
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		r.waitFor("Not mine")
		r.keys("up", "e")
		s = r.waitFor("anonymous board you")
		if want := "On an anonymous board you can change only the items you added since you joined this time: no names are kept."; !strings.Contains(flat(s), want) {
			t.Errorf("at %d columns the refusal is not whole (%q):\n%s", w, want, s)
		}
		r.screen()
	}
}

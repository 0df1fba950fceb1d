package tui

import (
	"context"
	"strings"
	"testing"

	"workshop/session"
	"workshop/session/export"
	"workshop/session/work"
)

// [ and ] move between steps even when the step reached has an editor that took the focus by
// itself (a reflection, where every key is text): they never become text in an answer the
// participant has not started typing, typed ahead while the editor loads or after. Once the
// participant types in it, they are text like any other key.
func TestStepKeysNeverTypeIntoAFreshEditor(t *testing.T) {
	m, h, ps := exercisesCohort(t, session.PaceSelf, "Ana")
	r := openParticipant(t, m, h, ps[0], 80, 24)
	r.waitFor("Step 1 of 14")

	r.keys("]")
	r.waitFor("Step 2 of 14 — A service you used", "Not started")
	r.keys("]")
	r.waitFor("Step 3 of 14 — Ideas")
	r.keys("[")
	r.waitFor("Step 2 of 14 — A service you used", "Not started")
	r.keys("[")
	r.waitFor("Step 1 of 14")

	// Typed ahead: the second ] arrives while the reflection is still loading.
	r.keys("]", "]")
	r.waitFor("Step 3 of 14 — Ideas")
	if a, found, err := h.Work(context.Background(), ps[0].ID, "reflect"); err != nil || (found && strings.Contains(string(a.Data), "]")) {
		t.Fatalf("a step key reached the reflection: %s %v", a.Data, err)
	}

	// Typing in the answer makes [ and ] text there.
	r.keys("[")
	r.waitFor("Step 2 of 14 — A service you used", "Not started")
	r.typeText("a[b]")
	s := r.waitFor("a[b]")
	if !strings.Contains(s, "Step 2 of 14") {
		t.Fatalf("typing moved the participant:\n%s", s)
	}
}

// An answer emptied again counts as not started, by one rule in session, on the roster, on
// the participant's own screen and in the export: a reflection rubbed out, or holding only new
// lines, and a list whose items were all deleted.
func TestEmptiedDraftIsNotStarted(t *testing.T) {
	m, h, ps := exercisesCohort(t, session.PaceLed, "Ana")
	ctx := context.Background()
	if err := h.Move(ctx, session.ShellActor("fran"), stepIndex(h, "reflect")); err != nil {
		t.Fatal(err)
	}
	r := openParticipant(t, m, h, ps[0], 80, 24)
	r.waitFor("Step 2 of 14 — A service you used", "Not started")
	status := func() session.Status {
		mb, _ := h.Snapshot().Member(ps[0].ID)
		return mb.Status
	}

	r.typeText("x")
	r.waitFor("Draft saved")
	if status() != session.StatusDraft {
		t.Fatalf("roster status %q after typing", status())
	}
	r.keys("backspace", "enter", "enter")
	r.waitFor("Not started")
	if st := status(); st != "" {
		t.Errorf("roster status %q for an answer of new lines only", st)
	}

	save := func(v any) {
		data, err := work.Encode(v)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := h.SaveWork(ctx, ps[0].ID, "ideas", work.Schema, data, false); err != nil {
			t.Fatal(err)
		}
	}
	save(&work.List{Items: []work.Item{{ID: "a", Text: "One"}}})
	save(&work.List{Items: []work.Item{}})
	if err := h.Move(ctx, session.ShellActor("fran"), stepIndex(h, "ideas")); err != nil {
		t.Fatal(err)
	}
	if st := status(); st != "" {
		t.Errorf("roster status %q for a list whose items were all deleted", st)
	}

	rep, err := export.Build(ctx, m, h.Snapshot().Cohort.ID, export.Stamp{})
	if err != nil {
		t.Fatal(err)
	}
	for _, sp := range rep.Progress[0].Steps {
		if (sp.StepID == "reflect" || sp.StepID == "ideas") && sp.Status != export.StatusNotStarted {
			t.Errorf("the export says %s is %q", sp.StepID, sp.Status)
		}
	}
	if c := rep.Steps[stepIndex(h, "reflect")].Completion; c.Draft != 0 || c.NotStarted != 1 {
		t.Errorf("the export counts the reflection as %+v", c)
	}
}

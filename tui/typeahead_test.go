package tui

import (
	"context"
	"strings"
	"testing"

	"workshop/session"
	"workshop/session/work"
)

// gatedStore holds every read of a participant's own work until the gate opens, so a test
// can type while a step's editor is loading.
type gatedStore struct {
	session.Store
	gate chan struct{}
}

func (g *gatedStore) Artifact(ctx context.Context, cohortID int64, stepID string, pid int64) (session.Artifact, error) {
	select {
	case <-g.gate:
	case <-ctx.Done():
		return session.Artifact{}, ctx.Err()
	}
	return g.Store.Artifact(ctx, cohortID, stepID, pid)
}

// Keys typed while a step's editor loads go into that editor once it has loaded, in order;
// keys typed for a step the group has left never reach the next step's editor.
func TestKeysTypedWhileLoadingReachThatEditorOnly(t *testing.T) {
	gs := &gatedStore{gate: make(chan struct{})}
	m, h, ps := exercisesCohortOn(t, func(st session.Store) session.Store { gs.Store = st; return gs }, session.PaceLed, "Ana")
	ctx := context.Background()
	// Work stored on both steps, emptied again: the editors must read it, so they load.
	for step, v := range map[string]any{"reflect": &work.Reflection{}, "ideas": &work.List{Items: []work.Item{}}} {
		data, err := work.Encode(v)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := h.SaveWork(ctx, ps[0].ID, step, work.Schema, data, false); err != nil {
			t.Fatal(err)
		}
	}
	r := openParticipant(t, m, h, ps[0], 80, 24)
	r.waitFor("Step 1 of")

	if err := h.Move(ctx, session.ShellActor("test"), 1); err != nil { // the reflection
		t.Fatal(err)
	}
	r.waitFor("Step 2 of", "Loading your work")
	r.typeText("typed ahead")
	close(gs.gate)
	s := r.waitFor("typed ahead")
	if !strings.Contains(s, "11/") {
		t.Fatalf("the reflection does not count the typed-ahead text as its own:\n%s", s)
	}

	// Keys typed for a step that the group leaves before it loaded are dropped.
	gs.gate = make(chan struct{})
	if err := h.Move(ctx, session.ShellActor("test"), 2); err != nil {
		t.Fatal(err)
	}
	r.waitFor("Step 3 of", "Loading your work")
	r.typeText("zzz")
	if err := h.Move(ctx, session.ShellActor("test"), 1); err != nil {
		t.Fatal(err)
	}
	r.waitFor("Step 2 of", "Loading your work")
	close(gs.gate)
	s = r.waitGone("Loading your work")
	if strings.Contains(s, "zzz") {
		t.Fatalf("keys typed on step 3 reached step 2's editor:\n%s", s)
	}
}

// A step whose editor has nothing to read (nothing of the participant's stored on it, nothing
// shared) shows its editor in the same update as the step, not a "Loading" frame first: for a
// cohort that moves together, that is one frame per screen per move instead of two.
func TestEmptyEditorShowsWithTheStep(t *testing.T) {
	pv := screenMovedToReflection(t, nil)
	if pv.step().ID != "reflect" || pv.loading || pv.ex == nil {
		t.Fatalf("after the move: step %q, loading %v, editor %v", pv.step().ID, pv.loading, pv.ex != nil)
	}
}

package session_test

import (
	"context"
	"testing"
	"time"

	"workshop/session"
)

// Time on the step people are on now is in the store as it runs, not only once they move on
// or leave: a record read during a session (by an export in another process) counts it, and
// counts nothing twice.
func TestTimeOnTheCurrentStepIsStoredAsItRuns(t *testing.T) {
	f := newFacFixture(t)
	ctx := context.Background()
	p, _, err := f.h.Join(ctx, session.Identity{}, "Ana")
	if err != nil {
		t.Fatal(err)
	}
	ana := p.ID
	sub, err := f.h.Subscribe(ctx, ana)
	if err != nil {
		t.Fatal(err)
	}
	mod := f.h.Module()
	timeOn := func(step string) time.Duration {
		t.Helper()
		rec, err := f.st.CohortRecord(ctx, f.c.ID)
		if err != nil {
			t.Fatal(err)
		}
		return rec.TimeOnSteps(mod, f.clock.now())[ana][step]
	}

	f.clock.add(2 * time.Minute)
	if got := timeOn("intro"); got != 2*time.Minute {
		t.Errorf("two minutes into the first step, the record counts %v", got)
	}
	if err := f.h.Move(ctx, session.ShellActor("ana"), 1); err != nil {
		t.Fatal(err)
	}
	f.clock.add(30 * time.Second)
	if got, got2 := timeOn("intro"), timeOn("think"); got != 2*time.Minute || got2 != 30*time.Second {
		t.Errorf("after the move: %v on the first step (want 2m), %v on the second (want 30s)", got, got2)
	}

	// Offline, nothing counts on.
	sub.Close()
	f.clock.add(time.Hour)
	if got := timeOn("think"); got != 30*time.Second {
		t.Errorf("an hour after leaving, the record counts %v on the step", got)
	}
}

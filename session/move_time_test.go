package session_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"workshop/session"
)

// timeOrderStore notes, each time step time is stored, which step the cohort's hub shows.
type timeOrderStore struct {
	session.Store
	mu    sync.Mutex
	hub   *session.Hub
	shown []int
}

func (s *timeOrderStore) AddStepTime(ctx context.Context, cohortID int64, stepID string, spent map[int64]time.Duration, clock session.Clock) error {
	s.mu.Lock()
	if s.hub != nil {
		s.shown = append(s.shown, s.hub.Snapshot().Cohort.Step)
	}
	s.mu.Unlock()
	return s.Store.AddStepTime(ctx, cohortID, stepID, spent, clock)
}

// A move reaches every screen before the time spent on the step left is stored: screens wait
// for the move, not for the bookkeeping. The time is stored all the same.
func TestMoveIsOutBeforeItsTimeIsStored(t *testing.T) {
	f := newFacFixture(t)
	ctx := context.Background()
	ps := f.join(t, "Ana", "Bea")
	store := &timeOrderStore{Store: f.st}
	m := session.NewManager(store, f.lib, nil)
	session.SetClock(m, f.clock.now)
	h, err := m.Hub(ctx, f.c.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		sub, err := h.Subscribe(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(sub.Close)
	}
	store.mu.Lock()
	store.hub = h
	store.mu.Unlock()
	f.clock.add(2 * time.Minute)
	if err := h.Move(ctx, session.ShellActor("ana"), 1); err != nil {
		t.Fatal(err)
	}
	store.mu.Lock()
	shown := append([]int(nil), store.shown...)
	store.mu.Unlock()
	if len(shown) == 0 {
		t.Fatal("no time stored on the move")
	}
	for _, step := range shown {
		if step != 1 {
			t.Fatalf("time stored while the hub still showed step %d: the move waited for it", step+1)
		}
	}
	times, err := f.st.StepTimes(ctx, f.c.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if got := times[p.ID]["intro"]; got < 2*time.Minute {
			t.Errorf("%s: %v on the first step, want at least 2m", p.Name, got)
		}
	}
}

// failingUpdateStore fails every change to the cohort.
type failingUpdateStore struct{ session.Store }

func (s *failingUpdateStore) UpdateCohort(context.Context, session.Cohort, session.Event) error {
	return errors.New("disk I/O error")
}

// A move that cannot be stored still stores the time counted until then: the clocks in memory
// restarted, so that time would otherwise be lost.
func TestFailedMoveKeepsItsTime(t *testing.T) {
	f := newFacFixture(t)
	ctx := context.Background()
	ps := f.join(t, "Ana", "Bea")
	m := session.NewManager(&failingUpdateStore{Store: f.st}, f.lib, nil)
	session.SetClock(m, f.clock.now)
	h, err := m.Hub(ctx, f.c.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		sub, err := h.Subscribe(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(sub.Close)
	}
	f.clock.add(2 * time.Minute)
	if err := h.Move(ctx, session.ShellActor("ana"), 1); err == nil {
		t.Fatal("the move was stored on a failing disk")
	}
	if got := h.Snapshot().Cohort.Step; got != 0 {
		t.Fatalf("the hub shows step %d after a move that failed", got+1)
	}
	times, err := f.st.StepTimes(ctx, f.c.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if got := times[p.ID]["intro"]; got < 2*time.Minute {
			t.Errorf("%s: %v on the first step, want at least 2m", p.Name, got)
		}
	}
}

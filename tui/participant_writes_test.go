package tui

import (
	"context"
	"sync"
	"testing"
	"time"

	"workshop/session"
	"workshop/session/work"
	"workshop/tui/exercise"
)

// heldStore holds every write of work until the test lets it through, recording what reached
// the store, in order, so a test can see the participant view's queue at work.
type heldStore struct {
	session.Store
	mu      sync.Mutex
	hold    chan struct{} // nil: writes go through at once
	started int           // writes begun
	stored  [][]byte      // data of the writes done, in order
}

func (s *heldStore) SaveArtifact(ctx context.Context, a session.Artifact) error {
	s.mu.Lock()
	s.started++
	hold := s.hold
	s.mu.Unlock()
	if hold != nil {
		select {
		case <-hold:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	if err := s.Store.SaveArtifact(ctx, a); err != nil {
		return err
	}
	s.mu.Lock()
	s.stored = append(s.stored, a.Data)
	s.mu.Unlock()
	return nil
}

func (s *heldStore) counts() (started, stored int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.started, len(s.stored)
}

// until handles messages until cond holds, looking again at least every few milliseconds
// (cond may wait on the store, not on a message).
func (r *appRunner) until(what string, cond func() bool) {
	r.t.Helper()
	deadline := time.After(10 * time.Second)
	poll := time.NewTicker(5 * time.Millisecond)
	defer poll.Stop()
	for !cond() {
		select {
		case msg := <-r.msgs:
			r.handle(msg)
		case <-poll.C:
		case <-deadline:
			r.t.Fatalf("never: %s", what)
		}
	}
}

// The participant view is the one place a screen's saves are ordered: while one save is on
// its way the next ones wait in its queue, folded into one, and reach the store after it, in
// the order made, with nothing lost.
func TestSavesWaitInTheViewQueueInOrder(t *testing.T) {
	hs := &heldStore{}
	m, h, ps := exercisesCohortOn(t, func(s session.Store) session.Store { hs.Store = s; return hs }, session.PaceLed, "Ana")
	ctx := context.Background()
	if err := h.Move(ctx, session.ShellActor("fran"), stepIndex(h, "ready")); err != nil {
		t.Fatal(err)
	}
	ana := openParticipant(t, m, h, ps[0], 80, 24)
	ana.waitFor("Staff trained", "Not started")
	pv := ana.app.(App).screen.(*participantView)

	hs.mu.Lock()
	hs.hold = make(chan struct{})
	release := sync.OnceFunc(func() { close(hs.hold) })
	hs.mu.Unlock()
	t.Cleanup(release)
	ana.keys("space")
	ana.until("the first save reaches the store", func() bool { s, _ := hs.counts(); return s == 1 })
	ana.keys("j", "space", "j", "space")
	ana.until("the next saves are queued", func() bool {
		if len(pv.writes) != 1 {
			return false
		}
		s, ok := pv.writes[0].(exercise.SaveWork)
		return ok && s.Seq == 3
	})
	if started, _ := hs.counts(); started != 1 || !pv.busy {
		t.Fatalf("%d writes begun, one on its way %v: want exactly one in flight", started, pv.busy)
	}
	ana.waitFor("Saving")

	release()
	ana.waitFor("Draft saved")
	ana.until("both writes are done", func() bool { _, n := hs.counts(); return n == 2 && !pv.busy })
	step := h.Module().Steps[stepIndex(h, "ready")].Exercise
	want := [][]bool{{true, false, false}, {true, true, true}}
	for i, data := range hs.stored {
		v, err := work.Decode(step, work.Schema, data)
		if err != nil {
			t.Fatal(err)
		}
		for j, tick := range v.(*work.Checklist).Ticks {
			if tick != want[i][j] {
				t.Fatalf("write %d stored ticks %v, want %v", i+1, v.(*work.Checklist).Ticks, want[i])
			}
		}
	}
	if started, _ := hs.counts(); started != 2 {
		t.Fatalf("%d writes for three ticks, want 2 (the two made while one was on its way fold)", started)
	}
	a, found, err := h.Work(ctx, ps[0].ID, "ready")
	if err != nil || !found || a.Status != session.StatusDraft {
		t.Fatalf("stored %+v %v %v", a, found, err)
	}
}

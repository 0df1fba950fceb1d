package session_test

import (
	"context"
	"errors"
	"runtime"
	"sync"
	"testing"

	"workshop/content"
	"workshop/internal/testenv"
	"workshop/session"
)

// stuckStore is a real store in which one participant's saves stop inside the store until the
// test lets them go, as a save waiting on a slow disk would. It records the order in which a
// stuck save finished and cohort changes started.
type stuckStore struct {
	session.Store
	pid     int64
	entered chan struct{}
	release chan struct{}

	mu    sync.Mutex
	order []string
}

func (s *stuckStore) note(what string) {
	s.mu.Lock()
	s.order = append(s.order, what)
	s.mu.Unlock()
}

func (s *stuckStore) SaveArtifact(ctx context.Context, a session.Artifact) error {
	if a.ParticipantID == s.pid {
		s.entered <- struct{}{}
		<-s.release
		defer s.note("stuck save stored")
	}
	return s.Store.SaveArtifact(ctx, a)
}

func (s *stuckStore) UpdateCohort(ctx context.Context, c session.Cohort, ev session.Event) error {
	s.note("cohort change " + ev.Action)
	return s.Store.UpdateCohort(ctx, c, ev)
}

func stuckHub(t *testing.T) (*session.Hub, *stuckStore, []session.Participant) {
	t.Helper()
	_, st, path := newManager(t)
	st.Close()
	real := testenv.OpenStore(t, path)
	stuck := &stuckStore{Store: real, pid: -1, entered: make(chan struct{}), release: make(chan struct{})}
	lib := testenv.Library(t, "")
	mod, problems := content.Parse("test-module", []byte(testModule))
	if mod == nil {
		t.Fatal(problems)
	}
	ctx := context.Background()
	if err := real.SaveModuleVersion(ctx, mod.Hash, mod.ID, mod.Raw); err != nil {
		t.Fatal(err)
	}
	m := session.NewManager(stuck, lib, nil)
	c, err := real.CreateCohort(ctx, session.Cohort{Code: "STUCK1", Name: "Stuck", ModuleID: mod.ID, ModuleHash: mod.Hash, Pace: session.PaceLed, CreatedBy: "test", Step: 1})
	if err != nil {
		t.Fatal(err)
	}
	h, err := m.Hub(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var ps []session.Participant
	for _, name := range []string{"Ana", "Bea"} {
		p, _, err := h.Join(ctx, session.Identity{}, name)
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p)
	}
	stuck.pid = ps[0].ID
	return h, stuck, ps
}

// While one participant's save waits on the disk, everything else goes on: screens read the
// state, open and close, others save and join. (With a hub that held its lock across the store
// call, this test would never finish.)
func TestScreensNeverWaitOnAnotherSave(t *testing.T) {
	h, stuck, ps := stuckHub(t)
	ctx := context.Background()
	console, err := h.Subscribe(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer console.Close()
	<-console.Updates()
	saved := make(chan error, 1)
	go func() {
		_, err := h.SaveWork(ctx, ps[0].ID, "think", 1, []byte(`{"text":"slow"}`), true)
		saved <- err
	}()
	<-stuck.entered

	if h.Snapshot().Cohort.Step != 1 {
		t.Error("snapshot while a save is in the store")
	}
	screen, err := h.Subscribe(ctx, ps[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.SaveWork(ctx, ps[1].ID, "think", 1, []byte(`{"text":"quick"}`), true); err != nil {
		t.Fatalf("Bea's save while Ana's is in the store: %v", err)
	}
	if _, _, err := h.Join(ctx, session.Identity{}, "Cai"); err != nil {
		t.Fatalf("join while a save is in the store: %v", err)
	}
	screen.Close()
	<-console.Updates()
	if m, _ := console.Snapshot().Member(ps[1].ID); m.Status != session.StatusSubmitted {
		t.Errorf("Bea's submit shows as %q on the console", m.Status)
	}

	close(stuck.release)
	if err := <-saved; err != nil {
		t.Fatal(err)
	}
	if m, _ := h.Snapshot().Member(ps[0].ID); m.Status != session.StatusSubmitted {
		t.Errorf("Ana's submit shows as %q once stored", m.Status)
	}
}

// A save already checked and on its way to the store when a facilitator locks the step is
// stored before the lock is; a save after the lock is refused. No save is ever accepted
// against a step a facilitator has locked.
func TestSaveRacingALockIsStoredFirst(t *testing.T) {
	h, stuck, ps := stuckHub(t)
	ctx := context.Background()
	saved := make(chan error, 1)
	go func() {
		_, err := h.SaveWork(ctx, ps[0].ID, "think", 1, []byte(`{"text":"in time"}`), true)
		saved <- err
	}()
	<-stuck.entered
	locked := make(chan error, 1)
	go func() { locked <- h.Lock(ctx, session.ShellActor("fac"), "think") }()
	for range 100 {
		runtime.Gosched() // give the lock every chance to get ahead of the stuck save
	}
	close(stuck.release)
	if err := <-saved; err != nil {
		t.Fatalf("the save checked before the lock: %v", err)
	}
	if err := <-locked; err != nil {
		t.Fatal(err)
	}
	stuck.mu.Lock()
	order := append([]string(nil), stuck.order...)
	stuck.mu.Unlock()
	if len(order) != 2 || order[0] != "stuck save stored" || order[1] != "cohort change lock" {
		t.Errorf("store saw %q, want the save stored before the lock", order)
	}
	if _, err := h.SaveWork(ctx, ps[1].ID, "think", 1, []byte(`{"text":"late"}`), true); !errors.Is(err, session.ErrLocked) {
		t.Errorf("a save after the lock: %v, want ErrLocked", err)
	}
}

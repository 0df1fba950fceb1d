package session_test

import (
	"context"
	"path/filepath"
	"sync/atomic"
	"testing"

	"workshop/internal/testenv"
	"workshop/session"
)

// countingStore counts reads of one participant's work.
type countingStore struct {
	session.Store
	reads atomic.Int64
}

func (c *countingStore) Artifact(ctx context.Context, cohortID int64, stepID string, pid int64) (session.Artifact, error) {
	c.reads.Add(1)
	return c.Store.Artifact(ctx, cohortID, stepID, pid)
}

// When a facilitator moves everyone to a step, each screen reads its own work there; work
// that was never written is answered without a read, and written work is read as ever,
// also by a hub started after the write.
func TestWorkNeverWrittenNeedsNoRead(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	testenv.WriteFile(t, filepath.Join(dir, "mods", "module.yaml"), testModule)
	lib := testenv.Library(t, filepath.Join(dir, "mods"))
	open := func() (*session.Manager, *countingStore) {
		cs := &countingStore{Store: testenv.OpenStore(t, filepath.Join(dir, "workshop.db"))}
		return session.NewManager(cs, lib, nil), cs
	}
	m, cs := open()
	c, err := m.CreateCohort(ctx, session.NewCohort{ModuleID: "test-module", Name: "T", By: session.ShellActor("test")})
	if err != nil {
		t.Fatal(err)
	}
	h, err := m.Hub(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	p, _, err := h.Join(ctx, session.Identity{}, "Ana")
	if err != nil {
		t.Fatal(err)
	}
	if _, found, err := h.Work(ctx, p.ID, "think"); err != nil || found {
		t.Fatalf("work never written: found %v, err %v", found, err)
	}
	if n := cs.reads.Load(); n != 0 {
		t.Fatalf("%d reads of work that was never written", n)
	}
	if _, err := h.SaveWork(ctx, p.ID, "think", 1, []byte(`{"text":"mine"}`), false); err != nil {
		t.Fatal(err)
	}
	a, found, err := h.Work(ctx, p.ID, "think")
	if err != nil || !found || string(a.Data) != `{"text":"mine"}` {
		t.Fatalf("written work: %s found %v err %v", a.Data, found, err)
	}

	// A fresh hub on the same store knows what was written.
	m2, _ := open()
	h2, err := m2.Hub(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, found, err := h2.Work(ctx, p.ID, "think"); err != nil || !found {
		t.Fatalf("after a restart the written work is not found: %v %v", found, err)
	}
}

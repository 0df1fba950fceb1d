package session_test

import (
	"context"
	"testing"

	"workshop/session"
	"workshop/session/metrics"
)

// A manager made with metrics counts every publish and the screens it reached, and stamps
// each snapshot with when it was built.
func TestManagerCountsPublishes(t *testing.T) {
	plain, st, _ := newManager(t)
	mx := metrics.New()
	m := session.NewManager(st, plain.Library(), nil, session.WithMetrics(mx))
	if m.LiveCohorts() != 0 {
		t.Fatal("cohorts live before any hub loaded")
	}
	h, _ := newCohort(t, m)
	ctx := context.Background()
	a, err := h.Subscribe(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := h.Subscribe(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	before := mx.Read()
	if err := h.MoveBy(ctx, session.ShellActor("fac"), +1); err != nil {
		t.Fatal(err)
	}
	after := mx.Read()
	if after.Publishes-before.Publishes != 1 || after.Deliveries-before.Deliveries != 2 {
		t.Fatalf("one move to two screens counted %d publishes, %d deliveries", after.Publishes-before.Publishes, after.Deliveries-before.Deliveries)
	}
	if h.Snapshot().At.IsZero() {
		t.Fatal("a published snapshot has no time")
	}
	if m.LiveCohorts() != 1 {
		t.Fatalf("cohorts live %d", m.LiveCohorts())
	}
}

// Joins count new participants only (a key coming back is not a join), and saves count
// every piece of work stored; a refused save counts nothing.
func TestManagerCountsJoinsAndSaves(t *testing.T) {
	plain, st, _ := newManager(t)
	mx := metrics.New()
	m := session.NewManager(st, plain.Library(), nil, session.WithMetrics(mx))
	h, _ := newCohort(t, m)
	ctx := context.Background()
	key := session.Identity{Fingerprint: "SHA256:metrics-test"}
	p, _, err := h.Join(ctx, key, "Ana")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := h.Join(ctx, key, "Ana"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := h.Join(ctx, session.Identity{}, "Bruno"); err != nil {
		t.Fatal(err)
	}
	if _, err := h.SaveWork(ctx, p.ID, "think", 1, []byte(`{"text":"a"}`), false); err != nil {
		t.Fatal(err)
	}
	if _, err := h.SaveWork(ctx, p.ID, "think", 1, []byte(`{"text":"ab"}`), true); err != nil {
		t.Fatal(err)
	}
	if _, err := h.SaveWork(ctx, p.ID, "intro", 1, []byte(`{"text":"x"}`), true); err == nil {
		t.Fatal("work saved on a step without an exercise")
	}
	if c := mx.Read(); c.Joins != 2 || c.Saves != 2 {
		t.Fatalf("joins %d saves %d, want 2 and 2", c.Joins, c.Saves)
	}
}

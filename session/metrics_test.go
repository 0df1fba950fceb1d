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

package session_test

import (
	"context"
	"fmt"
	"testing"

	"workshop/session"
)

// BenchmarkMove300 measures one facilitator move (stored with its timeline event, then
// published) in a cohort with 300 participants on screen.
func BenchmarkMove300(b *testing.B) {
	m, _, _ := newManagerB(b)
	h, _ := newCohortB(b, m)
	ctx := context.Background()
	var subs []*session.Subscription
	for i := range 300 {
		p, _, err := h.Join(ctx, session.Identity{}, fmt.Sprintf("P%03d", i))
		if err != nil {
			b.Fatal(err)
		}
		s, err := h.Subscribe(ctx, p.ID)
		if err != nil {
			b.Fatal(err)
		}
		subs = append(subs, s)
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if err := h.Move(ctx, "fac", 1+i%2); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	for _, s := range subs {
		if s.Snapshot().Seq != h.Snapshot().Seq {
			b.Fatal("a subscriber missed the latest snapshot")
		}
		s.Close()
	}
}

package sqlite

import (
	"context"
	"fmt"
	"testing"
	"time"

	"workshop/session"
)

// A move of a large cohort stores everyone's time and clock; time adds up across moves, and a
// person with no time to add still has their clock set.
func TestStepTimeOfAWholeCohort(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	c := newCohort(t, s, "TIMES1")
	const n = 507
	spent := map[int64]time.Duration{}
	for i := range n {
		p, err := s.AddParticipant(ctx, session.Participant{CohortID: c.ID, Name: fmt.Sprintf("P%03d", i), JoinedAt: t0})
		if err != nil {
			t.Fatal(err)
		}
		spent[p.ID] = time.Duration(i%5) * time.Minute // a fifth have nothing to add
	}
	t1, t2 := t0.Add(time.Hour), t0.Add(2*time.Hour)
	if err := s.AddStepTime(ctx, c.ID, "s1", spent, session.Clock{At: t1, Running: true}); err != nil {
		t.Fatal(err)
	}
	if err := s.AddStepTime(ctx, c.ID, "s1", spent, session.Clock{At: t2, Running: true}); err != nil {
		t.Fatal(err)
	}
	rec, err := s.CohortRecord(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	for pid, d := range spent {
		if got := rec.StepTimes[pid]["s1"]; got != 2*d {
			t.Fatalf("participant %d: %v on s1, want %v", pid, got, 2*d)
		}
		if got := rec.Clocks[pid]; !got.Equal(t2) {
			t.Fatalf("participant %d: clock from %v, want %v", pid, got, t2)
		}
	}
	if len(rec.Clocks) != n {
		t.Errorf("%d clocks, want %d", len(rec.Clocks), n)
	}
}

// BenchmarkAddStepTime100 stores a move's time on step for a cohort of 100: one op is one
// AddStepTime, the write a move of a led cohort makes.
func BenchmarkAddStepTime100(b *testing.B) {
	s, _ := openTest(b)
	ctx := context.Background()
	c := newCohort(b, s, "TIMES2")
	spent := map[int64]time.Duration{}
	for i := range 100 {
		p, err := s.AddParticipant(ctx, session.Participant{CohortID: c.ID, Name: fmt.Sprintf("P%03d", i), JoinedAt: t0})
		if err != nil {
			b.Fatal(err)
		}
		spent[p.ID] = time.Duration(i+1) * 1500 * time.Millisecond
	}
	b.ReportAllocs()
	at := t0
	for b.Loop() {
		at = at.Add(time.Second)
		if err := s.AddStepTime(ctx, c.ID, "s1", spent, session.Clock{At: at, Running: true}); err != nil {
			b.Fatal(err)
		}
	}
}

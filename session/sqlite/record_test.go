package sqlite

import (
	"context"
	"errors"
	"testing"
	"time"

	"workshop/session"
)

// A cohort's record is one snapshot: work, people and time stored while it is being read are
// not in it, even in the parts read after they were stored.
func TestCohortRecordIsOneSnapshot(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	c := newCohort(t, s, "SNAP01")
	ana, err := s.AddParticipant(ctx, session.Participant{CohortID: c.ID, Name: "Ana", JoinedAt: t0})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveArtifact(ctx, session.Artifact{CohortID: c.ID, StepID: "s1", ParticipantID: ana.ID, Kind: "reflection", Schema: 1, Data: []byte(`{"text":"a"}`), Status: session.StatusDraft, UpdatedAt: t0}); err != nil {
		t.Fatal(err)
	}
	s.betweenReads = func() {
		s.betweenReads = nil
		bea, err := s.AddParticipant(ctx, session.Participant{CohortID: c.ID, Name: "Bea", JoinedAt: t0})
		if err != nil {
			t.Error(err)
			return
		}
		if err := s.SaveArtifact(ctx, session.Artifact{CohortID: c.ID, StepID: "s1", ParticipantID: bea.ID, Kind: "reflection", Schema: 1, Data: []byte(`{"text":"b"}`), Status: session.StatusSubmitted, UpdatedAt: t0, SubmittedAt: t0}); err != nil {
			t.Error(err)
		}
		if err := s.AddStepTime(ctx, c.ID, "s1", map[int64]time.Duration{ana.ID: time.Minute}, session.Clock{At: t0, Running: true}); err != nil {
			t.Error(err)
		}
		if err := s.Record(ctx, session.Event{CohortID: c.ID, At: t0, Actor: "ann", Action: "step", Detail: "later"}); err != nil {
			t.Error(err)
		}
	}
	rec, err := s.CohortRecord(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Participants) != 1 || len(rec.Artifacts) != 1 || len(rec.StepTimes) != 0 || len(rec.Clocks) != 0 || len(rec.Timeline) != 1 {
		t.Errorf("the record holds changes made while it was read: %d participants, %d artifacts, %d times, %d clocks, %d events",
			len(rec.Participants), len(rec.Artifacts), len(rec.StepTimes), len(rec.Clocks), len(rec.Timeline))
	}
	rec, err = s.CohortRecord(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Participants) != 2 || len(rec.Artifacts) != 2 || rec.StepTimes[ana.ID]["s1"] != time.Minute || !rec.Clocks[ana.ID].Equal(t0) || len(rec.Timeline) != 2 {
		t.Errorf("the next record misses them: %+v", rec)
	}
	if _, err := s.CohortRecord(ctx, c.ID+100); !errors.Is(err, session.ErrNotFound) {
		t.Errorf("record of a missing cohort: %v", err)
	}
}

// Clock changes stored out of order leave the latest one in place; StopClocks forgets what a
// stopped server left running.
func TestClocksKeepTheLatestChange(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	c := newCohort(t, s, "CLOCK1")
	var ids []int64
	for _, name := range []string{"Ana", "Bea", "Cai"} {
		p, err := s.AddParticipant(ctx, session.Participant{CohortID: c.ID, Name: name, JoinedAt: t0})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, p.ID)
	}
	ana, bea, cai := ids[0], ids[1], ids[2]
	t1, t2, t3 := t0.Add(time.Minute), t0.Add(2*time.Minute), t0.Add(3*time.Minute)
	steps := []error{
		// Ana's clock restarted by a move at t2 is stored before she came online at t1.
		s.AddStepTime(ctx, c.ID, "s1", map[int64]time.Duration{ana: 0}, session.Clock{At: t2, Running: true}),
		s.SetClock(ctx, c.ID, ana, session.Clock{At: t1, Running: true}),
		// Bea left at t3, stored before a move restarted her clock at t2.
		s.AddStepTime(ctx, c.ID, "s1", map[int64]time.Duration{bea: time.Minute}, session.Clock{At: t3}),
		s.AddStepTime(ctx, c.ID, "s1", map[int64]time.Duration{bea: time.Minute}, session.Clock{At: t2, Running: true}),
		// Cai came online at t0, before the server stopped.
		s.SetClock(ctx, c.ID, cai, session.Clock{At: t0, Running: true}),
	}
	for i, err := range steps {
		if err != nil {
			t.Fatalf("change %d: %v", i, err)
		}
	}
	rec, err := s.CohortRecord(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := rec.Clocks[ana]; !got.Equal(t2) {
		t.Errorf("Ana's clock runs from %v, want %v", got, t2)
	}
	if _, ok := rec.Clocks[bea]; ok {
		t.Error("Bea's clock runs after she left")
	}
	if rec.StepTimes[bea]["s1"] != 2*time.Minute {
		t.Errorf("Bea's time %v", rec.StepTimes[bea]["s1"])
	}
	if err := s.StopClocks(ctx, c.ID, t1); err != nil {
		t.Fatal(err)
	}
	rec, err = s.CohortRecord(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := rec.Clocks[cai]; ok {
		t.Error("a clock from before the hub loaded still runs")
	}
	if !rec.Clocks[ana].Equal(t2) {
		t.Error("StopClocks stopped a later clock")
	}
}

package sqlite

import (
	"context"
	"sync"
	"testing"
	"time"

	"workshop/session"
)

// Activity is stored with its time and kind, read back oldest first (in recording order when
// times are equal) and in the cohort's record; many written at once all land.
func TestActivity(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	c := newCohort(t, s, "ACT001")
	ana, err := s.AddParticipant(ctx, session.Participant{CohortID: c.ID, Name: "Ana", JoinedAt: t0})
	if err != nil {
		t.Fatal(err)
	}
	for i, k := range []session.ActivityKind{session.ActJoin, session.ActHandUp, session.ActHandDown, session.ActLeave} {
		at := t0.Add(time.Duration(i/2) * time.Minute) // two pairs with equal times
		if err := s.RecordActivity(ctx, session.Activity{CohortID: c.ID, ParticipantID: ana.ID, At: at, Kind: k}); err != nil {
			t.Fatal(err)
		}
	}
	var wg sync.WaitGroup
	for range 50 {
		wg.Go(func() {
			if err := s.RecordActivity(ctx, session.Activity{CohortID: c.ID, ParticipantID: ana.ID, At: t0.Add(time.Hour), Kind: session.ActRejoin}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	got, err := s.Activities(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 54 {
		t.Fatalf("%d activities stored, want 54", len(got))
	}
	want := []session.ActivityKind{session.ActJoin, session.ActHandUp, session.ActHandDown, session.ActLeave}
	for i, k := range want {
		if got[i].Kind != k || got[i].ParticipantID != ana.ID || !got[i].At.Equal(t0.Add(time.Duration(i/2)*time.Minute)) {
			t.Errorf("activity %d: %+v, want %s", i, got[i], k)
		}
	}
	rec, err := s.CohortRecord(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Activities) != 54 {
		t.Errorf("the record holds %d activities", len(rec.Activities))
	}
	if err := s.RecordActivity(ctx, session.Activity{CohortID: c.ID, ParticipantID: ana.ID + 99, At: t0, Kind: session.ActJoin}); err == nil {
		t.Error("activity of a participant who does not exist was stored")
	}
}

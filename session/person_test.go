package session_test

import (
	"context"
	"testing"
	"time"

	"workshop/session"
)

// A person's page carries their attendance of each meeting as the attendance command counts
// it, their hands with when each was lowered, and their time per step.
func TestPersonPageAttendanceAndHands(t *testing.T) {
	f := newMeetingFixture(t)
	ctx := context.Background()
	if err := f.h.StartMeeting(ctx, fac, 1); err != nil {
		t.Fatal(err)
	}
	f.clock.add(15 * time.Minute)
	cai, _, err := f.h.Join(ctx, session.Identity{}, "Cai")
	if err != nil {
		t.Fatal(err)
	}
	sub, err := f.h.Subscribe(ctx, cai.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.h.RaiseHand(ctx, cai.ID, "help"); err != nil {
		t.Fatal(err)
	}
	f.clock.add(2 * time.Minute)
	if err := f.h.ClearHand(ctx, fac, cai.ID); err != nil {
		t.Fatal(err)
	}
	f.clock.add(43 * time.Minute)
	if err := f.h.EndMeeting(ctx, fac); err != nil {
		t.Fatal(err)
	}
	sub.Close()
	if _, err := f.h.Person(ctx, session.Actor{}, cai.ID); err == nil {
		t.Error("someone without rights read a person's page")
	}
	pg, err := f.h.Person(ctx, fac, cai.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(pg.Meetings) != 1 || pg.Meetings[0].Status != session.Late || pg.Meetings[0].Minutes != 45 || pg.Meetings[0].Summary().String() != "late, 45 min online" {
		t.Errorf("meetings %+v", pg.Meetings)
	}
	if len(pg.Hands) != 1 || pg.Hands[0].LoweredAt.Sub(pg.Hands[0].RaisedAt) != 2*time.Minute {
		t.Errorf("hands %+v", pg.Hands)
	}
	if pg.Online || pg.Steps[0].Seconds != 45*60 || pg.Steps[0].TimeText().String() != "45m" {
		t.Errorf("online %v, first step %+v", pg.Online, pg.Steps[0])
	}
}

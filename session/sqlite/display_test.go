package sqlite

import (
	"context"
	"testing"

	"workshop/session"
)

// A participant's chosen display mode is kept, can be changed back, and belongs to them alone.
func TestDisplayMode(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	c := newCohort(t, s, "DISP01")
	ana, err := s.AddParticipant(ctx, session.Participant{CohortID: c.ID, Name: "Ana", RejoinCode: "AAAA2222"})
	if err != nil {
		t.Fatal(err)
	}
	bea, err := s.AddParticipant(ctx, session.Participant{CohortID: c.ID, Name: "Bea", RejoinCode: "BBBB2222"})
	if err != nil {
		t.Fatal(err)
	}
	if m, err := s.DisplayMode(ctx, ana.ID); err != nil || m != "" {
		t.Fatalf("before a choice: %q, %v", m, err)
	}
	if err := s.SetDisplayMode(ctx, ana.ID, session.DisplayPlain); err != nil {
		t.Fatal(err)
	}
	if m, _ := s.DisplayMode(ctx, ana.ID); m != session.DisplayPlain {
		t.Errorf("after choosing plain: %q", m)
	}
	if m, _ := s.DisplayMode(ctx, bea.ID); m != "" {
		t.Errorf("another participant got %q", m)
	}
	if err := s.SetDisplayMode(ctx, ana.ID, ""); err != nil {
		t.Fatal(err)
	}
	if m, _ := s.DisplayMode(ctx, ana.ID); m != "" {
		t.Errorf("after choosing the full screen again: %q", m)
	}
	wantErr(t, s.SetDisplayMode(ctx, 9999, session.DisplayPlain), session.ErrNotFound)
}

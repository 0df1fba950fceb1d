package sqlite

import (
	"context"
	"errors"
	"testing"
	"time"

	"workshop/session"
)

// A participant's and a facilitator's chosen language are kept, changed, and theirs alone; a
// choice for someone who does not exist is refused.
func TestLanguageChoice(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	c := newCohort(t, s, "LANG01")
	ana, err := s.AddParticipant(ctx, session.Participant{CohortID: c.ID, Name: "Ana", RejoinCode: "AAAA3333"})
	if err != nil {
		t.Fatal(err)
	}
	bea, err := s.AddParticipant(ctx, session.Participant{CohortID: c.ID, Name: "Bea", RejoinCode: "BBBB3333"})
	if err != nil {
		t.Fatal(err)
	}
	if l, err := s.ParticipantLanguage(ctx, ana.ID); err != nil || l != "" {
		t.Fatalf("before a choice: %q, %v", l, err)
	}
	for _, want := range []string{"pt-BR", "it"} {
		if err := s.SetParticipantLanguage(ctx, ana.ID, want); err != nil {
			t.Fatal(err)
		}
		if l, _ := s.ParticipantLanguage(ctx, ana.ID); l != want {
			t.Errorf("after choosing %s: %q", want, l)
		}
	}
	if l, _ := s.ParticipantLanguage(ctx, bea.ID); l != "" {
		t.Errorf("another participant got %q", l)
	}
	if err := s.SetParticipantLanguage(ctx, 9999, "es"); !errors.Is(err, session.ErrNotFound) {
		t.Errorf("unknown participant: %v", err)
	}

	if err := s.AddFacilitator(ctx, session.Facilitator{Name: "fran", Fingerprint: "SHA256:x", PublicKey: "ssh-ed25519 AAAA", AddedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	if l, err := s.FacilitatorLanguage(ctx, "fran"); err != nil || l != "" {
		t.Fatalf("facilitator before a choice: %q, %v", l, err)
	}
	if err := s.SetFacilitatorLanguage(ctx, "fran", "es"); err != nil {
		t.Fatal(err)
	}
	if l, _ := s.FacilitatorLanguage(ctx, "fran"); l != "es" {
		t.Errorf("facilitator after choosing: %q", l)
	}
	if err := s.SetFacilitatorLanguage(ctx, "nobody", "es"); !errors.Is(err, session.ErrNotFound) {
		t.Errorf("unknown facilitator: %v", err)
	}
}

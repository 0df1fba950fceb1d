package session_test

import (
	"context"
	"testing"

	"workshop/session"
)

// A key that claims a keyless seat is tied to it, so the key alone finds the seat next time;
// a key that is already someone in the cohort, a keyless claim and a seat with a key of its
// own leave the seat as it is.
func TestClaimSeatTiesTheKey(t *testing.T) {
	f := newFacFixture(t)
	ctx := context.Background()
	ps, err := f.h.ImportRoster(ctx, session.ShellActor("ana"), []session.RosterRow{{Name: "Ana"}, {Name: "Bea"}, {Name: "Cai"}})
	if err != nil {
		t.Fatal(err)
	}
	key := session.Identity{Fingerprint: "SHA256:ana-key"}
	if p := f.m.ClaimSeat(ctx, session.Identity{}, ps[1]); p.Fingerprint != "" {
		t.Fatalf("a keyless claim gave the seat key %q", p.Fingerprint)
	}
	if p := f.m.ClaimSeat(ctx, key, ps[0]); p.Fingerprint != key.Fingerprint || p.RejoinCode == "" {
		t.Fatalf("claimed seat %+v: want the key tied and the code kept", p)
	}
	found, ok, err := f.h.Find(ctx, key)
	if err != nil || !ok || found.ID != ps[0].ID {
		t.Fatalf("the key finds %+v %v %v", found, ok, err)
	}
	if m, _ := f.h.Snapshot().Member(ps[0].ID); m.Fingerprint != key.Fingerprint {
		t.Errorf("the hub does not know the key: %+v", m)
	}
	// The same key claiming a second seat: it is Ana already, so Bea's seat stays keyless.
	if p := f.m.ClaimSeat(ctx, key, ps[1]); p.Fingerprint != "" {
		t.Errorf("one key tied to two seats: %+v", p)
	}
	if stored, err := f.st.Participant(ctx, ps[1].ID); err != nil || stored.Fingerprint != "" {
		t.Errorf("Bea stored %+v (%v)", stored, err)
	}
}

package session_test

import (
	"context"
	"testing"

	"workshop/session"
)

// A key may belong to several cohorts, one participant in each, and lists them all with the
// step it is on in each: the one used most recently first.
func TestMembershipsOfAKeyInSeveralCohorts(t *testing.T) {
	m, _, _ := newManager(t)
	ctx := context.Background()
	id := session.Identity{Fingerprint: "SHA256:several"}
	ha, a := newCohort(t, m)
	hb, b := newCohort(t, m)
	pa, _, err := ha.Join(ctx, id, "Ana")
	if err != nil {
		t.Fatal(err)
	}
	if err := ha.Move(ctx, session.ShellActor("fran"), 1); err != nil {
		t.Fatal(err)
	}
	pb, back, err := hb.Join(ctx, id, "Ana")
	if err != nil || back || pb.ID == pa.ID || pb.CohortID != b.ID {
		t.Fatalf("joining a second cohort with the same key: %v back=%v %+v (first %+v)", err, back, pb, pa)
	}
	sub, err := hb.Subscribe(ctx, pb.ID) // seen in B after A
	if err != nil {
		t.Fatal(err)
	}
	sub.Close()

	ms, err := m.Memberships(ctx, id)
	if err != nil || len(ms) != 2 {
		t.Fatalf("memberships: %v %+v", err, ms)
	}
	if ms[0].Cohort.ID != b.ID || ms[0].Participant.ID != pb.ID || ms[0].Step != 0 {
		t.Errorf("first membership %+v, want cohort %d at its first step", ms[0], b.ID)
	}
	if ms[1].Cohort.ID != a.ID || ms[1].Participant.ID != pa.ID || ms[1].Step != 1 || ms[1].Steps == 0 || ms[1].ModuleTitle == "" {
		t.Errorf("second membership %+v, want cohort %d at step 2", ms[1], a.ID)
	}
	if ms, err := m.Memberships(ctx, session.Identity{}); err != nil || len(ms) != 0 {
		t.Errorf("a keyless connection has memberships: %+v %v", ms, err)
	}
}

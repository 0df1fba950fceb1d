package session_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"workshop/session"
)

func TestImportRosterGivesSeatsInTheirTeams(t *testing.T) {
	f := newFacFixture(t)
	ctx := context.Background()
	rows, err := session.ParseRoster([]byte("name,department,team,email\nAna,Health,Blue,ana@example.org\nBea,Transport,Red,\nCai,Health,blue,\nDan,Tax,,\n"))
	if err != nil {
		t.Fatal(err)
	}
	ps, err := f.h.ImportRoster(ctx, session.ShellActor("ana"), rows)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 4 {
		t.Fatalf("imported %d", len(ps))
	}
	s := f.h.Snapshot()
	if len(s.Teams) != 2 {
		t.Fatalf("teams = %+v, want Blue and Red (blue is Blue)", s.Teams)
	}
	teamOf := func(p session.Participant) string {
		tm, _ := s.Team(p.TeamID)
		return tm.Name
	}
	if teamOf(ps[0]) != "Blue" || teamOf(ps[1]) != "Red" || teamOf(ps[2]) != "Blue" || ps[3].TeamID != 0 {
		t.Errorf("teams of %+v", ps)
	}
	// The seat code is a rejoin code: entering it finds that person.
	got, err := f.m.ParticipantByRejoinCode(ctx, session.FormatRejoinCode(ps[1].RejoinCode))
	if err != nil || got.ID != ps[1].ID || got.Department != "Transport" {
		t.Fatalf("seat code found %+v, %v", got, err)
	}
	sub, err := f.h.Subscribe(ctx, got.ID)
	if err != nil {
		t.Fatal(err)
	}
	sub.Close()
	if ev := f.lastEvent(t); ev.Action != "people" || !strings.Contains(ev.Detail, "imported 4 people") {
		t.Errorf("timeline: %+v", ev)
	}
}

// A roster imported by another process on the same data (the server's shell while the server
// runs) is taken in by the running hub when a seat is claimed.
func TestSeatImportedElsewhereIsAdoptedOnClaim(t *testing.T) {
	f := newFacFixture(t)
	ctx := context.Background()
	other := session.NewManager(f.st, f.lib, nil)
	ps, err := other.ImportRoster(ctx, session.ShellActor("ana"), f.c.Code, []session.RosterRow{{Name: "Eva", Team: "Green"}})
	if err != nil {
		t.Fatal(err)
	}
	if other.LiveCohorts() != 0 {
		t.Error("the import loaded a hub beside the running one")
	}
	sub, err := f.h.Subscribe(ctx, ps[0].ID)
	if err != nil {
		t.Fatalf("claim a seat imported elsewhere: %v", err)
	}
	defer sub.Close()
	s := f.h.Snapshot()
	m, ok := s.Member(ps[0].ID)
	tm, _ := s.Team(m.TeamID)
	if !ok || !m.Online || tm.Name != "Green" {
		t.Errorf("member %+v team %+v", m, tm)
	}
}

func TestMergeKeepsAllWorkAndTheOlderInTheTimeline(t *testing.T) {
	f := newFacFixture(t)
	ctx := context.Background()
	by := session.ShellActor("ana")
	old, _, err := f.h.Join(ctx, session.Identity{}, "Ana")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.h.SaveWork(ctx, old.ID, "think", 1, []byte(`{"text":"first record, only here"}`), true); err != nil {
		t.Fatal(err)
	}
	if _, err := f.h.SaveWork(ctx, old.ID, "ideas", 1, []byte(`{"items":[{"id":"a","text":"older idea"}]}`), false); err != nil {
		t.Fatal(err)
	}
	f.clock.add(time.Minute)
	ps := f.join(t, "Ana") // came back without the code: a second record, online
	if _, err := f.h.SaveWork(ctx, ps[0].ID, "ideas", 1, []byte(`{"items":[{"id":"b","text":"newer idea"}]}`), false); err != nil {
		t.Fatal(err)
	}
	if _, err := f.h.MergeParticipants(ctx, by, old.ID, ps[0].ID); err == nil {
		t.Fatal("merged away a record that is online")
	}
	res, err := f.h.MergeParticipants(ctx, by, ps[0].ID, old.ID)
	if err != nil {
		t.Fatal(err)
	}
	if res.Moved != 1 || res.Both != 1 {
		t.Errorf("result %+v", res)
	}
	arts, err := f.st.Artifacts(ctx, f.c.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	byStep := map[string]string{}
	for _, a := range arts {
		if a.ParticipantID != ps[0].ID {
			t.Errorf("work left on %d: %+v", a.ParticipantID, a)
		}
		byStep[a.StepID] = string(a.Data)
	}
	if len(arts) != 2 || !strings.Contains(byStep["think"], "first record") || !strings.Contains(byStep["ideas"], "newer idea") {
		t.Errorf("work after merge: %v", byStep)
	}
	tl, err := f.st.Timeline(ctx, f.c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var kept bool
	for _, ev := range tl {
		if ev.Action == "merge-older-work" && strings.Contains(ev.Detail, "older idea") {
			kept = true
		}
	}
	if !kept {
		t.Errorf("older work not in the timeline: %+v", tl)
	}
	s := f.h.Snapshot()
	if len(s.Roster) != 1 || s.Roster[0].ID != ps[0].ID {
		t.Errorf("roster after merge: %+v", s.Roster)
	}
	if _, err := f.st.Participant(ctx, old.ID); err == nil {
		t.Error("the merged record is still stored")
	}
}

func TestRenameReissueAndRemove(t *testing.T) {
	f := newFacFixture(t)
	ctx := context.Background()
	by := session.ShellActor("ana")
	p, _, err := f.h.Join(ctx, session.Identity{}, "Anna")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.h.RenameParticipant(ctx, by, p.ID, "  Ana\x1b[2J  Souza "); err != nil {
		t.Fatal(err)
	}
	if got, _ := f.st.Participant(ctx, p.ID); got.Name != "Ana Souza" {
		t.Errorf("stored name %q", got.Name)
	}
	if ev := f.lastEvent(t); ev.Detail != "renamed Anna to Ana Souza" {
		t.Errorf("timeline %q", ev.Detail)
	}
	old, _ := f.h.RejoinCode(ctx, by, p.ID)
	code, err := f.h.ReissueRejoinCode(ctx, by, p.ID)
	if err != nil || code == old || code == "" {
		t.Fatalf("reissued %q (was %q): %v", code, old, err)
	}
	if _, err := f.m.ParticipantByRejoinCode(ctx, old); err == nil {
		t.Error("the old code still works")
	}
	if got, err := f.m.ParticipantByRejoinCode(ctx, code); err != nil || got.ID != p.ID {
		t.Errorf("new code: %+v %v", got, err)
	}
	if _, err := f.h.SaveWork(ctx, p.ID, "think", 1, []byte(`{"text":"x"}`), true); err != nil {
		t.Fatal(err)
	}
	if err := f.h.RemoveParticipant(ctx, by, p.ID); err != nil {
		t.Fatal(err)
	}
	if arts, _ := f.st.Artifacts(ctx, f.c.ID, ""); len(arts) != 0 {
		t.Errorf("work left: %+v", arts)
	}
	if len(f.h.Snapshot().Roster) != 0 {
		t.Error("still on the roster")
	}
	if ev := f.lastEvent(t); !strings.Contains(ev.Detail, "removed Ana Souza and their work (1 step)") {
		t.Errorf("timeline %q", ev.Detail)
	}
	if err := f.h.RemoveParticipant(ctx, session.KeyActor(session.Identity{Fingerprint: "SHA256:nobody"}), p.ID); session.ErrorCode(err) != session.EForbidden {
		t.Errorf("a stranger's removal: %v", err)
	}
}

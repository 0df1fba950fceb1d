package session_test

import (
	"context"
	"errors"
	"testing"

	"workshop/session"
	"workshop/session/work"
)

const capsModule = `id: caps-module
title: Caps
summary: Per-person and per-board caps on shared lists.
language: en
duration: 20
version: "1.0"
steps:
  - id: team
    title: Team ideas
    phase: reflect
    guidance: Add ideas with your team.
    exercise: {kind: list, team: true, max_items: 2}
  - id: roundtable
    title: Roundtable
    phase: reflect
    guidance: Say what did not work.
    exercise: {kind: list, anonymous: true, max_items: 2, max_board_items: 5}
`

func capsCohort(t *testing.T, names ...string) (*session.Manager, session.Store, *session.Hub, []session.Participant) {
	t.Helper()
	ctx := context.Background()
	m, st, _ := openManager(t, capsModule)
	c, err := m.CreateCohort(ctx, session.NewCohort{ModuleID: "caps-module", Name: "Caps", By: session.ShellActor("test")})
	if err != nil {
		t.Fatal(err)
	}
	h, err := m.Hub(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var ps []session.Participant
	for _, n := range names {
		p, _, err := h.Join(ctx, session.Identity{}, n)
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p)
	}
	return m, st, h, ps
}

func boardLen(t *testing.T, h *session.Hub, pid int64, step string) int {
	t.Helper()
	v, _, err := h.Board(context.Background(), pid, step)
	if err != nil {
		t.Fatal(err)
	}
	return len(v.(*work.List).Items)
}

// On a team board max_items is each member's share, not the board's size.
func TestTeamBoardCapsEachMember(t *testing.T) {
	_, _, h, ps := capsCohort(t, "Ana", "Bea", "Cai", "Dan")
	formTeams(t, h, ps)
	ctx := context.Background()
	ana, bea := ps[0], ps[1]
	for _, text := range []string{"One", "Two"} {
		if _, err := h.UpdateBoard(ctx, ana.ID, "team", addItem(text, ana.ID)); err != nil {
			t.Fatalf("Ana's %s: %v", text, err)
		}
	}
	_, err := h.UpdateBoard(ctx, ana.ID, "team", addItem("Three", ana.ID))
	var r *work.Refusal
	if !errors.As(err, &r) || !errors.Is(err, work.ErrLimit) || r.Error() != "you have added 2 items, the most one person may add here" {
		t.Fatalf("Ana's third item: %v", err)
	}
	// Bea's items are her own share, even when the screen names someone else as author.
	for _, text := range []string{"Four", "Five"} {
		if _, err := h.UpdateBoard(ctx, bea.ID, "team", addItem(text, ana.ID)); err != nil {
			t.Fatalf("Bea's %s: %v", text, err)
		}
	}
	if n := boardLen(t, h, ana.ID, "team"); n != 4 {
		t.Fatalf("the team board holds %d items, want 4", n)
	}
	// Removing one of hers makes room for Ana again.
	if _, err := h.UpdateBoard(ctx, ana.ID, "team", func(v any) error {
		l := v.(*work.List)
		l.Delete(l.Items[0].ID)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := h.UpdateBoard(ctx, ana.ID, "team", addItem("Six", ana.ID)); err != nil {
		t.Fatalf("Ana after removing one: %v", err)
	}
}

// On the anonymous pool max_items is each person's share, counted in memory without storing
// who wrote what, and max_board_items bounds the pool.
func TestAnonymousPoolCapsEachPersonAndThePool(t *testing.T) {
	m, st, h, ps := capsCohort(t, "Ana", "Bea", "Cai")
	ctx := context.Background()
	ana, bea, cai := ps[0], ps[1], ps[2]
	var anaFirst string
	for i, text := range []string{"One", "Two"} {
		v, err := h.UpdateBoard(ctx, ana.ID, "roundtable", addItem(text, ana.ID))
		if err != nil {
			t.Fatalf("Ana's %s: %v", text, err)
		}
		if i == 0 {
			anaFirst = v.(*work.List).Items[0].ID
		}
	}
	if _, err := h.UpdateBoard(ctx, ana.ID, "roundtable", addItem("Three", ana.ID)); !errors.Is(err, work.ErrLimit) {
		t.Fatalf("Ana's third item: %v", err)
	}
	for _, text := range []string{"Four", "Five"} {
		if _, err := h.UpdateBoard(ctx, bea.ID, "roundtable", addItem(text, bea.ID)); err != nil {
			t.Fatalf("Bea's %s: %v", text, err)
		}
	}
	if _, err := h.UpdateBoard(ctx, cai.ID, "roundtable", addItem("Six", cai.ID)); err != nil {
		t.Fatalf("Cai's first: %v", err)
	}
	// Five items: the pool is full for everyone.
	_, err := h.UpdateBoard(ctx, cai.ID, "roundtable", addItem("Seven", cai.ID))
	if !errors.Is(err, work.ErrLimit) || err.Error() != "the board has 6 items; it holds at most 5" {
		t.Fatalf("an item past the pool's cap: %v", err)
	}
	// Ana takes one of hers back and may add again.
	if _, err := h.UpdateBoard(ctx, ana.ID, "roundtable", func(v any) error { v.(*work.List).Delete(anaFirst); return nil }); err != nil {
		t.Fatal(err)
	}
	if _, err := h.UpdateBoard(ctx, ana.ID, "roundtable", addItem("Three again", ana.ID)); err != nil {
		t.Fatalf("Ana after removing one: %v", err)
	}

	// The count lives in the server's memory only: a restarted server starts it again.
	m2 := session.NewManager(st, m.Library(), nil)
	h2, err := m2.Hub(ctx, h.Snapshot().Cohort.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h2.UpdateBoard(ctx, bea.ID, "roundtable", func(v any) error {
		l := v.(*work.List)
		l.Delete(l.Items[0].ID)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := h2.UpdateBoard(ctx, bea.ID, "roundtable", addItem("After a restart", bea.ID)); err != nil {
		t.Fatalf("Bea after a restart: %v", err)
	}
}

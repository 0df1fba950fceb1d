package session_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"workshop/session"
	"workshop/session/sqlite"
	"workshop/session/work"
)

const boardModule = `id: board-module
title: Boards
summary: Shared and anonymous work.
language: en
duration: 30
version: "1.0"
steps:
  - id: mine
    title: Own ideas
    phase: reflect
    guidance: Add ideas.
    exercise: {kind: list}
  - id: team
    title: Team ideas
    phase: reflect
    guidance: Add ideas with your team.
    exercise: {kind: list, team: true}
  - id: anon
    title: Roundtable
    phase: reflect
    guidance: Say what did not work.
    exercise: {kind: list, anonymous: true}
  - id: vote
    title: Vote
    phase: conceptualize
    guidance: Vote.
    exercise: {kind: vote, from: mine, dots: 3}
  - id: team-vote
    title: Team vote
    phase: conceptualize
    guidance: Vote as a team.
    exercise: {kind: vote, from: team, team: true}
`

// boardCohort opens a cohort of the board module with people joined; the first two share a
// team, the third is alone in another.
func boardCohort(t *testing.T, names ...string) (*session.Hub, *sqlite.Store, []session.Participant) {
	t.Helper()
	ctx := context.Background()
	m, st, _ := openManager(t, boardModule)
	c, err := m.CreateCohort(ctx, session.NewCohort{ModuleID: "board-module", Name: "Boards", By: session.ShellActor("test")})
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
	return h, st, ps
}

func formTeams(t *testing.T, h *session.Hub, ps []session.Participant) {
	t.Helper()
	ctx := context.Background()
	teams, err := h.SplitTeams(ctx, session.ShellActor("test"), session.TeamPlan{Count: 2, ByHand: true})
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range ps {
		team := teams[0].ID
		if i >= 2 {
			team = teams[1].ID
		}
		if err := h.MoveToTeam(ctx, session.ShellActor("test"), p.ID, team); err != nil {
			t.Fatal(err)
		}
	}
}

func addItem(text string, by int64) func(v any) error {
	return func(v any) error {
		v.(*work.List).Add(work.Item{ID: work.NewID(), Text: text, By: by})
		return nil
	}
}

func TestTeammatesNeverLoseEachOthersItems(t *testing.T) {
	h, _, ps := boardCohort(t, "Ana", "Bea")
	formTeams(t, h, ps)
	ctx := context.Background()
	var wg sync.WaitGroup
	for _, p := range ps {
		for i := range 10 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := h.UpdateBoard(ctx, p.ID, "team", addItem(fmt.Sprintf("%s %d", p.Name, i), p.ID)); err != nil {
					t.Error(err)
				}
			}()
		}
	}
	wg.Wait()
	for _, p := range ps {
		v, owner, err := h.Board(ctx, p.ID, "team")
		if err != nil {
			t.Fatal(err)
		}
		if n := len(v.(*work.List).Items); n != 20 || !strings.HasPrefix(owner, "team:") {
			t.Fatalf("%s sees %d items on %q, want 20 on the team board", p.Name, n, owner)
		}
	}
	ana, _ := h.Snapshot().Member(ps[0].ID)
	key := session.BoardKey("team", session.OwnerTeam(ana.TeamID))
	if n := h.Snapshot().Boards[key]; n != 20 {
		t.Errorf("board change count %d, want 20", n)
	}
	arts, _, err := h.StepWork(ctx, "team")
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 2 || arts[0].Status != session.StatusDraft {
		t.Errorf("team work should mark each contributor as working: %+v", arts)
	}
}

func TestAnonymousPoolStoresNoLink(t *testing.T) {
	h, st, ps := boardCohort(t, "Ana", "Bea")
	ctx := context.Background()
	if _, err := h.UpdateBoard(ctx, ps[0].ID, "anon", addItem("The phone rang out", ps[0].ID)); err != nil {
		t.Fatal(err)
	}
	if _, err := h.UpdateBoard(ctx, ps[1].ID, "anon", func(v any) error {
		l := v.(*work.List)
		l.Add(work.Item{ID: "x", Text: "Forms were lost", By: ps[1].ID, EditedBy: ps[1].ID})
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	b, err := st.Board(ctx, h.Snapshot().Cohort.ID, "anon", session.OwnerPool)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []int64{ps[0].ID, ps[1].ID} {
		if strings.Contains(string(b.Data), fmt.Sprintf(`:%d`, id)) {
			t.Fatalf("the stored pool names a participant: %s", b.Data)
		}
	}
	if b.UpdatedAt.Second() != 0 || b.UpdatedAt.Nanosecond() != 0 {
		t.Errorf("pool time %v is more precise than the minute", b.UpdatedAt)
	}
	arts, _ := st.Artifacts(ctx, h.Snapshot().Cohort.ID, "anon")
	if len(arts) != 0 {
		t.Fatalf("adding anonymous items wrote %d participant records", len(arts))
	}
	v, owner, _ := h.Board(ctx, ps[1].ID, "anon")
	if owner != session.OwnerPool || len(v.(*work.List).Items) != 2 {
		t.Fatalf("pool %q: %+v", owner, v)
	}
}

func TestSharedWorkRefusals(t *testing.T) {
	h, _, ps := boardCohort(t, "Ana", "Bea", "Cai")
	ctx := context.Background()
	if _, err := h.UpdateBoard(ctx, ps[0].ID, "team", addItem("x", ps[0].ID)); !errors.Is(err, session.ErrNoTeam) {
		t.Fatalf("team work without a team: %v", err)
	}
	if _, err := h.UpdateBoard(ctx, ps[0].ID, "mine", addItem("x", ps[0].ID)); err == nil {
		t.Fatal("individual work accepted as a board")
	}
	formTeams(t, h, ps)
	// A team vote is each member's own dots on the team's items, not a shared board.
	if _, owner, err := h.Board(ctx, ps[0].ID, "team-vote"); err != nil || owner != "" {
		t.Fatalf("team vote board %q: %v", owner, err)
	}
	if _, err := h.UpdateBoard(ctx, ps[0].ID, "team-vote", func(any) error { return nil }); err == nil {
		t.Fatal("a team vote was changed as a board")
	}
	if err := h.ChangeCohort(ctx, session.ShellActor("test"), "lock", "team", func(c *session.Cohort) error {
		c.Live.Locked = []string{"team"}
		c.Live.Votes = map[string]session.VoteState{"vote": {Closed: true}}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := h.UpdateBoard(ctx, ps[0].ID, "team", addItem("x", ps[0].ID)); !errors.Is(err, session.ErrLocked) {
		t.Fatalf("locked board: %v", err)
	}
	if _, err := h.SaveCountedWork(ctx, ps[0].ID, "vote", 1, []byte(`{"dots":{}}`), false); !errors.Is(err, session.ErrVoteClosed) {
		t.Fatalf("closed vote: %v", err)
	}
	// Over the limits of the exercise: refused, nothing stored.
	if _, err := h.UpdateBoard(ctx, ps[2].ID, "anon", addItem(strings.Repeat("x", 300), 0)); !errors.Is(err, work.ErrLimit) {
		t.Fatalf("long item: %v", err)
	}
}

func TestItemsAndTallyByScope(t *testing.T) {
	h, _, ps := boardCohort(t, "Ana", "Bea", "Cai")
	formTeams(t, h, ps)
	ctx := context.Background()
	for i, p := range ps {
		data := fmt.Sprintf(`{"items":[{"id":"m%d","text":"%s's idea","by":%d}]}`, i, p.Name, p.ID)
		if _, err := h.SaveCountedWork(ctx, p.ID, "mine", 1, []byte(data), true); err != nil {
			t.Fatal(err)
		}
		if _, err := h.UpdateBoard(ctx, p.ID, "team", addItem(p.Name+" for the team", p.ID)); err != nil {
			t.Fatal(err)
		}
	}
	if n := h.Snapshot().Boards[session.ResultsKey("mine")]; n != 3 {
		t.Errorf("own lists counted %d times, want 3", n)
	}
	all, err := h.Items(ctx, ps[0].ID, "vote")
	if err != nil || len(all) != 3 {
		t.Fatalf("cohort vote items: %v %+v", err, all)
	}
	team, err := h.Items(ctx, ps[0].ID, "team-vote")
	if err != nil || len(team) != 2 {
		t.Fatalf("Ana's team vote items: %v %+v", err, team)
	}
	// Three voters, one tally.
	votes := []string{`{"dots":{"m1":2,"m0":1}}`, `{"dots":{"m1":1,"m2":2}}`, `{"dots":{"m1":3}}`}
	for i, p := range ps {
		if _, err := h.SaveCountedWork(ctx, p.ID, "vote", 1, []byte(votes[i]), i != 1); err != nil {
			t.Fatal(err)
		}
	}
	tally, err := h.VoteTally(ctx, "vote", 0)
	if err != nil {
		t.Fatal(err)
	}
	if tally[0].Item.ID != "m1" || tally[0].Dots != 6 || tally[1].Dots != 2 || tally[2].Dots != 1 {
		t.Fatalf("tally %+v", tally)
	}
	if n := h.Snapshot().Boards[session.ResultsKey("vote")]; n != 3 {
		t.Errorf("vote result counted %d changes, want 3", n)
	}
}

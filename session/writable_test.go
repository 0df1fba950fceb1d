package session_test

import (
	"context"
	"errors"
	"testing"

	"workshop/content"
	"workshop/session"
)

// The writability rule says the same for every combination the hub can meet.
func TestWritableRule(t *testing.T) {
	list := &content.Exercise{Kind: content.KindList}
	team := &content.Exercise{Kind: content.KindList, Team: true}
	vote := &content.Exercise{Kind: content.KindVote}
	locked := session.Live{Locked: []string{"s"}}
	closed := session.Live{Votes: map[string]session.VoteState{"s": {Closed: true}}}
	for _, c := range []struct {
		name   string
		live   session.Live
		ex     *content.Exercise
		inTeam bool
		want   error
	}{
		{"open step", session.Live{}, list, false, nil},
		{"locked step", locked, list, true, session.ErrLocked},
		{"team work in no team", session.Live{}, team, false, session.ErrNoTeam},
		{"team work in a team", session.Live{}, team, true, nil},
		{"closed vote", closed, vote, false, session.ErrVoteClosed},
		{"closed vote state on a list", closed, list, false, nil},
		{"locked beats the rest", locked, vote, false, session.ErrLocked},
	} {
		if got := session.Writable(c.live, c.ex, "s", c.inTeam); !errors.Is(got, c.want) || (c.want == nil) != (got == nil) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

// Whether a save feeds a live result is the hub's decision: a vote saved through SaveWork moves
// the step's result, whatever the screen that saved it thought, and own list work does too;
// a shared board's member record does not.
func TestSaveWorkDecidesWhatItFeeds(t *testing.T) {
	h, _, ps := boardCohort(t, "Ana", "Bea", "Cai")
	formTeams(t, h, ps)
	ctx := context.Background()
	if _, err := h.SaveWork(ctx, ps[0].ID, "mine", 1, []byte(`{"items":[{"id":"m0","text":"idea","by":1}]}`), true); err != nil {
		t.Fatal(err)
	}
	before := h.Snapshot().Seq
	if _, err := h.SaveWork(ctx, ps[0].ID, "vote", 1, []byte(`{"dots":{"m0":1}}`), false); err != nil {
		t.Fatal(err)
	}
	snap := h.Snapshot()
	if n := snap.Boards[session.ResultsKey("vote")]; n != 1 {
		t.Errorf("a vote saved through SaveWork moved its result %d times, want 1", n)
	}
	if snap.Boards[session.ResultsKey("mine")] != 1 {
		t.Errorf("own list work saved through SaveWork did not move its result")
	}
	if got := snap.Seq; got != before+1 {
		t.Errorf("one save published %d changes, want 1", got-before)
	}
	if _, err := h.SaveWork(ctx, ps[0].ID, "team", 1, []byte(`{"shared":true}`), true); err != nil {
		t.Fatal(err)
	}
	if n := h.Snapshot().Boards[session.ResultsKey("team")]; n != 0 {
		t.Errorf("done on a team board moved a result %d times", n)
	}
}

// The hub refuses what the rule refuses, whatever a screen sends: team work from someone in no
// team, a closed vote, a locked step.
func TestHubEnforcesWritableRule(t *testing.T) {
	h, _, ps := boardCohort(t, "Ana", "Bea")
	ctx := context.Background()
	if _, err := h.SaveWork(ctx, ps[0].ID, "team-vote", 1, []byte(`{"dots":{}}`), false); !errors.Is(err, session.ErrNoTeam) {
		t.Errorf("a team vote saved by someone in no team: %v, want ErrNoTeam", err)
	}
	if _, err := h.SaveWork(ctx, ps[0].ID, "team", 1, []byte(`{"shared":true}`), true); !errors.Is(err, session.ErrNoTeam) {
		t.Errorf("done on a team board by someone in no team: %v, want ErrNoTeam", err)
	}
	if err := h.ChangeCohort(ctx, session.ShellActor("test"), "lock", "mine", func(c *session.Cohort) error {
		c.Live.Locked = []string{"mine"}
		c.Live.Votes = map[string]session.VoteState{"vote": {Closed: true}}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := h.SaveWork(ctx, ps[1].ID, "mine", 1, []byte(`{"items":[]}`), true); !errors.Is(err, session.ErrLocked) {
		t.Errorf("a save on a locked step: %v, want ErrLocked", err)
	}
	if _, err := h.SaveWork(ctx, ps[1].ID, "vote", 1, []byte(`{"dots":{}}`), true); !errors.Is(err, session.ErrVoteClosed) {
		t.Errorf("a save on a closed vote: %v, want ErrVoteClosed", err)
	}
}

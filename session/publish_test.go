package session_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"workshop/session"
	"workshop/session/work"
)

const wakeModule = `id: wake-module
title: Wake-ups
summary: A step of every shape a screen can watch.
language: en
duration: 30
version: "1.0"
steps:
  - id: intro
    title: Welcome
    phase: experience
    guidance: Read this.
  - id: think
    title: Think
    phase: reflect
    guidance: Write.
    exercise: {kind: reflection}
  - id: team
    title: Team ideas
    phase: reflect
    guidance: Add ideas with your team.
    exercise: {kind: list, team: true}
  - id: dots
    title: Vote
    phase: conceptualize
    guidance: Spend your dots.
    exercise: {kind: vote, from: team, dots: 3}
  - id: rate
    title: Rate
    phase: reflect
    guidance: Rate.
    exercise:
      kind: scale
      statements: [One, Two]
  - id: last
    title: Last
    phase: apply
    guidance: The end.
`

// wakeFixture is a cohort with a facilitator's console and one open screen per participant:
// Ana and Bea in Team 1, Cai in Team 2, Dan in no team.
type wakeFixture struct {
	h                  *session.Hub
	console            *session.Subscription
	ana, bea, cai, dan *session.Subscription
	ps                 []session.Participant
	teams              []session.Team
	all                map[*session.Subscription]string
}

func newWakeFixture(t *testing.T) *wakeFixture {
	t.Helper()
	ctx := context.Background()
	m, _, _ := openManager(t, wakeModule)
	c, err := m.CreateCohort(ctx, session.NewCohort{ModuleID: "wake-module", Name: "Wake", By: session.ShellActor("test")})
	if err != nil {
		t.Fatal(err)
	}
	h, err := m.Hub(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	x := &wakeFixture{h: h, all: map[*session.Subscription]string{}}
	x.console = x.open(t, 0, "console")
	subs := []**session.Subscription{&x.ana, &x.bea, &x.cai, &x.dan}
	for i, name := range []string{"Ana", "Bea", "Cai", "Dan"} {
		p, _, err := h.Join(ctx, session.Identity{}, name)
		if err != nil {
			t.Fatal(err)
		}
		x.ps = append(x.ps, p)
		*subs[i] = x.open(t, p.ID, name)
	}
	x.teams, err = h.SplitTeams(ctx, session.ShellActor("test"), session.TeamPlan{Count: 2, ByHand: true})
	if err != nil {
		t.Fatal(err)
	}
	for i, team := range []int64{x.teams[0].ID, x.teams[0].ID, x.teams[1].ID} {
		if err := h.MoveToTeam(ctx, session.ShellActor("test"), x.ps[i].ID, team); err != nil {
			t.Fatal(err)
		}
	}
	x.drain()
	return x
}

func (x *wakeFixture) open(t *testing.T, pid int64, name string) *session.Subscription {
	t.Helper()
	s, err := x.h.Subscribe(context.Background(), pid)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	x.all[s] = name
	return s
}

func (x *wakeFixture) drain() {
	for s := range x.all {
		select {
		case <-s.Updates():
		default:
		}
	}
}

// expect checks that exactly the given screens were woken since the last check, and clears
// every mailbox.
func (x *wakeFixture) expect(t *testing.T, what string, woken ...*session.Subscription) {
	t.Helper()
	var got, want []string
	for s, name := range x.all {
		select {
		case <-s.Updates():
			got = append(got, name)
		default:
		}
		if slices.Contains(woken, s) {
			want = append(want, name)
		}
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("%s woke %v, want %v", what, got, want)
	}
}

// A newcomer, someone coming online or leaving, and a submit show on the roster alone: only
// the facilitators' consoles wake.
func TestRosterChangesWakeOnlyConsoles(t *testing.T) {
	x := newWakeFixture(t)
	ctx := context.Background()
	eve, _, err := x.h.Join(ctx, session.Identity{}, "Eve")
	if err != nil {
		t.Fatal(err)
	}
	x.expect(t, "a join", x.console)

	screen := x.open(t, eve.ID, "Eve")
	<-screen.Updates() // a new screen starts with a signal of its own
	x.expect(t, "Eve coming online", x.console)
	if m, _ := x.console.Snapshot().Member(eve.ID); !m.Online {
		t.Error("the console's snapshot does not show Eve online")
	}
	screen.Close()
	x.expect(t, "Eve going offline", x.console)

	second := x.open(t, x.ps[0].ID, "Ana again")
	<-second.Updates()
	x.expect(t, "a second screen of someone already online")

	if _, err := x.h.SaveWork(ctx, x.ps[0].ID, "think", 1, []byte(`{"text":"mine"}`), true); err != nil {
		t.Fatal(err)
	}
	x.expect(t, "a submit", x.console)
	if m, _ := x.console.Snapshot().Member(x.ps[0].ID); m.Status != "" {
		t.Errorf("Ana is on step 1, yet the roster shows %q", m.Status)
	}
	if _, err := x.h.SaveWork(ctx, x.ps[0].ID, "think", 1, []byte(`{"text":"mine"}`), true); err != nil {
		t.Fatal(err)
	}
	x.expect(t, "saving again with nothing new to show")
}

// The cohort's state shows on every screen: a move wakes each screen once and publishes one
// change.
func TestMoveWakesEveryScreenOnce(t *testing.T) {
	x := newWakeFixture(t)
	ctx := context.Background()
	before := x.h.Snapshot().Seq
	if err := x.h.Move(ctx, session.ShellActor("test"), 1); err != nil {
		t.Fatal(err)
	}
	x.expect(t, "a move", x.console, x.ana, x.bea, x.cai, x.dan)
	if got := x.h.Snapshot().Seq; got != before+1 {
		t.Errorf("a move published %d changes, want 1", got-before)
	}
	if err := x.h.Lock(ctx, session.ShellActor("test"), "think"); err != nil {
		t.Fatal(err)
	}
	x.expect(t, "a lock", x.console, x.ana, x.bea, x.cai, x.dan)
	if _, err := x.h.SplitTeams(ctx, session.ShellActor("test"), session.TeamPlan{Count: 2}); err != nil {
		t.Fatal(err)
	}
	x.expect(t, "new teams", x.console, x.ana, x.bea, x.cai, x.dan)
}

// A participant's own record shows on their own screens: a hand, a team, a team's name.
func TestOwnRecordWakesOnlyItsScreens(t *testing.T) {
	x := newWakeFixture(t)
	ctx := context.Background()
	if err := x.h.RaiseHand(ctx, x.ps[1].ID, "help"); err != nil {
		t.Fatal(err)
	}
	x.expect(t, "Bea's hand", x.console, x.bea)
	if err := x.h.ClearHand(ctx, session.ShellActor("test"), x.ps[1].ID); err != nil {
		t.Fatal(err)
	}
	x.expect(t, "clearing Bea's hand", x.console, x.bea)
	if err := x.h.MoveToTeam(ctx, session.ShellActor("test"), x.ps[3].ID, x.teams[1].ID); err != nil {
		t.Fatal(err)
	}
	x.expect(t, "Dan joining Team 2", x.console, x.dan)
	if err := x.h.RenameTeam(ctx, session.ShellActor("test"), x.teams[1].ID, "Owls"); err != nil {
		t.Fatal(err)
	}
	x.expect(t, "renaming Team 2", x.console, x.cai, x.dan)
}

// A board change wakes exactly the screens showing that board: its team's screens on its step,
// and screens on a step that draws its items from that step.
func TestBoardChangeWakesItsViewers(t *testing.T) {
	x := newWakeFixture(t)
	ctx := context.Background()
	x.ana.Viewing("team")
	x.bea.Viewing("think")
	x.cai.Viewing("team")
	x.dan.Viewing("dots")
	add := func(v any) error {
		v.(*work.List).Add(work.Item{ID: work.NewID(), Text: "idea", By: x.ps[0].ID})
		return nil
	}
	if _, err := x.h.UpdateBoard(ctx, x.ps[0].ID, "team", add); err != nil {
		t.Fatal(err)
	}
	x.expect(t, "Team 1's board", x.console, x.ana, x.dan)

	x.bea.Viewing("team")
	x.ana.Viewing("intro")
	if _, err := x.h.UpdateBoard(ctx, x.ps[0].ID, "team", add); err != nil {
		t.Fatal(err)
	}
	x.expect(t, "Team 1's board, after Ana and Bea changed steps", x.console, x.bea, x.dan)
	if _, err := x.h.UpdateBoard(ctx, x.ps[2].ID, "team", add); err != nil {
		t.Fatal(err)
	}
	x.expect(t, "Team 2's board", x.console, x.cai, x.dan)
}

// A cohort result shows where it is shown: a scale's distribution always, a vote's tally only
// once revealed. Saving counted work publishes one change.
func TestResultChangeWakesScreensShowingIt(t *testing.T) {
	x := newWakeFixture(t)
	ctx := context.Background()
	x.ana.Viewing("rate")
	x.bea.Viewing("dots")
	x.cai.Viewing("dots")
	before := x.h.Snapshot().Seq
	if _, err := x.h.SaveCountedWork(ctx, x.ps[3].ID, "rate", work.Schema, []byte(`{"ratings":[3,4]}`), true); err != nil {
		t.Fatal(err)
	}
	x.expect(t, "a rating", x.console, x.ana)
	if got := x.h.Snapshot().Seq; got != before+1 {
		t.Errorf("one rating published %d changes, want 1", got-before)
	}
	if _, err := x.h.SaveCountedWork(ctx, x.ps[3].ID, "dots", work.Schema, []byte(`{"dots":{}}`), false); err != nil {
		t.Fatal(err)
	}
	x.expect(t, "a vote before the reveal", x.console)
	if err := x.h.RevealVote(ctx, session.ShellActor("test"), "dots"); err != nil {
		t.Fatal(err)
	}
	x.drain()
	if _, err := x.h.SaveCountedWork(ctx, x.ps[3].ID, "dots", work.Schema, []byte(`{"dots":{}}`), false); err != nil {
		t.Fatal(err)
	}
	x.expect(t, "a vote after the reveal", x.console, x.bea, x.cai)
}

// The sum a screen compares to know when to refresh its editor moves with exactly what the
// screen shows.
func TestWatchFollowsWhatTheScreenShows(t *testing.T) {
	x := newWakeFixture(t)
	ctx := context.Background()
	snap := x.h.Snapshot()
	anaM, _ := snap.Member(x.ps[0].ID)
	caiM, _ := snap.Member(x.ps[2].ID)
	ana, cai := anaM.Participant, caiM.Participant
	if w := snap.Watch(ana, "intro"); w != "" {
		t.Errorf("a step without exercise watches %q", w)
	}
	anaTeam, caiTeam, anaVote := snap.Watch(ana, "team"), snap.Watch(cai, "team"), snap.Watch(ana, "dots")
	if _, err := x.h.UpdateBoard(ctx, ana.ID, "team", func(v any) error {
		v.(*work.List).Add(work.Item{ID: work.NewID(), Text: "idea", By: ana.ID})
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	snap = x.h.Snapshot()
	if snap.Watch(ana, "team") == anaTeam || snap.Watch(ana, "dots") == anaVote {
		t.Error("Ana's board changed and her screens would not refresh")
	}
	if snap.Watch(cai, "team") != caiTeam {
		t.Error("Cai's screen would refresh for another team's board")
	}
	rate := snap.Watch(ana, "rate")
	if _, err := x.h.SaveCountedWork(ctx, cai.ID, "rate", work.Schema, []byte(`{"ratings":[1,2]}`), true); err != nil {
		t.Fatal(err)
	}
	if x.h.Snapshot().Watch(ana, "rate") == rate {
		t.Error("the cohort's ratings changed and the scale would not refresh")
	}
	vote := x.h.Snapshot().Watch(ana, "dots")
	if err := x.h.CloseVote(ctx, session.ShellActor("test"), "dots"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(vote, "vote false false") || x.h.Snapshot().Watch(ana, "dots") == vote {
		t.Errorf("closing the vote left the vote screen's sum at %q", vote)
	}
}

// A change nobody reads costs no snapshot; screens woken together share one; a participant
// whose screen was not woken does not make the hub build a new one.
func TestSnapshotsAreBuiltWhenRead(t *testing.T) {
	m, _, _ := newManager(t)
	h, _ := newCohort(t, m)
	ctx := context.Background()
	console, err := h.Subscribe(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer console.Close()
	var screens []*session.Subscription
	for i := range 20 {
		p, _, err := h.Join(ctx, session.Identity{}, fmt.Sprint("P", i))
		if err != nil {
			t.Fatal(err)
		}
		s, err := h.Subscribe(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		screens = append(screens, s)
	}
	built := session.SnapshotsBuilt(h)
	for i := range 100 {
		if _, _, err := h.Join(ctx, session.Identity{}, fmt.Sprint("Q", i)); err != nil {
			t.Fatal(err)
		}
	}
	if n := session.SnapshotsBuilt(h) - built; n != 0 {
		t.Errorf("100 joins nobody looked at built %d snapshots", n)
	}
	<-console.Updates()
	if s := console.Snapshot(); len(s.Roster) != 120 {
		t.Errorf("the console sees %d people, want 120", len(s.Roster))
	}
	if err := h.Move(ctx, session.ShellActor("fac"), 1); err != nil {
		t.Fatal(err)
	}
	built = session.SnapshotsBuilt(h)
	var first *session.Snapshot
	for _, s := range screens {
		<-s.Updates()
		snap := s.Snapshot()
		if first == nil {
			first = snap
		}
		if snap != first || snap.Cohort.Step != 1 {
			t.Fatal("screens woken by one move do not share its snapshot")
		}
	}
	if n := session.SnapshotsBuilt(h) - built; n != 1 {
		t.Errorf("20 screens reading one move built %d snapshots, want 1", n)
	}
	for i := range 10 {
		if _, _, err := h.Join(ctx, session.Identity{}, fmt.Sprint("R", i)); err != nil {
			t.Fatal(err)
		}
	}
	built = session.SnapshotsBuilt(h)
	for _, s := range screens {
		if s.Snapshot() != first {
			t.Fatal("a participant's screen got a new snapshot for joins it does not show")
		}
	}
	if n := session.SnapshotsBuilt(h) - built; n != 0 {
		t.Errorf("participants reading after joins they do not show built %d snapshots", n)
	}
	if s := console.Snapshot(); len(s.Roster) != 130 {
		t.Errorf("the console sees %d people, want 130", len(s.Roster))
	}
}

// Facilitators pressing "next" together move the cohort once each, and every press succeeds.
func TestMoveByIsAtomic(t *testing.T) {
	var steps strings.Builder
	steps.WriteString("id: long\ntitle: Long\nsummary: Many steps.\nlanguage: en\nduration: 30\nversion: \"1\"\nsteps:\n")
	const presses = 12
	for i := range presses + 1 {
		fmt.Fprintf(&steps, "  - id: s%d\n    title: Step %d\n    phase: experience\n    guidance: Read.\n", i, i)
	}
	m, st, _ := openManager(t, steps.String())
	ctx := context.Background()
	c, err := m.CreateCohort(ctx, session.NewCohort{ModuleID: "long", Name: "Long", By: session.ShellActor("test")})
	if err != nil {
		t.Fatal(err)
	}
	h, err := m.Hub(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range presses {
		wg.Go(func() {
			<-start
			if err := h.MoveBy(ctx, session.ShellActor(fmt.Sprint("fac", i)), +1); err != nil {
				t.Errorf("press %d: %v", i, err)
			}
		})
	}
	close(start)
	wg.Wait()
	if got := h.Snapshot().Cohort.Step; got != presses {
		t.Errorf("after %d presses of next the cohort is on step %d", presses, got)
	}
	stored, err := st.Cohort(ctx, c.ID)
	if err != nil || stored.Step != presses {
		t.Errorf("stored step %d (%v), want %d", stored.Step, err, presses)
	}
	tl, err := st.Timeline(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, ev := range tl {
		if ev.Action == "step" {
			if seen[ev.Detail] {
				t.Errorf("two presses made the same move: %s", ev.Detail)
			}
			seen[ev.Detail] = true
		}
	}
	if len(seen) != presses {
		t.Errorf("%d moves in the timeline, want %d", len(seen), presses)
	}
}

package session_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"workshop/content"
	"workshop/session"
	"workshop/session/sqlite"
	"workshop/session/work"
)

const facModule = `id: fac-module
title: Facilitation module
summary: Steps of every shape a facilitator acts on.
language: en
duration: 60
version: "1.0"
steps:
  - id: intro
    title: Welcome
    phase: experience
    guidance: Read this.
    notes: Say hello.
  - id: think
    title: Think
    phase: reflect
    timebox: 5
    guidance: Write what you think.
    exercise:
      kind: reflection
  - id: ideas
    title: Ideas
    phase: reflect
    guidance: Add ideas nobody can trace.
    exercise:
      kind: list
      anonymous: true
  - id: board
    title: Team board
    phase: conceptualize
    guidance: Add ideas with your team.
    exercise:
      kind: list
      team: true
  - id: dots
    title: Vote
    phase: conceptualize
    guidance: Spend your dots.
    exercise:
      kind: vote
      from: ideas
      dots: 3
  - id: last
    title: Last
    phase: apply
    guidance: The end.
`

// facClock is a settable clock for timer tests.
type facClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *facClock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *facClock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

type facFixture struct {
	m     *session.Manager
	st    *sqlite.Store
	path  string
	lib   *content.Library
	h     *session.Hub
	c     session.Cohort
	clock *facClock
}

func newFacFixture(t *testing.T) *facFixture {
	t.Helper()
	m, st, path := openManager(t, facModule)
	lib := m.Library()
	// The clock starts after the creation event, which the store stamps with the real time.
	clock := &facClock{t: time.Now().UTC().Add(time.Minute)}
	session.SetClock(m, clock.now)
	ctx := context.Background()
	c, err := m.CreateCohort(ctx, session.NewCohort{ModuleID: "fac-module", Name: "Group", By: session.ShellActor("ana")})
	if err != nil {
		t.Fatal(err)
	}
	h, err := m.Hub(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	return &facFixture{m: m, st: st, path: path, lib: lib, h: h, c: c, clock: clock}
}

// join adds participants and opens a screen for each, so they count as online.
func (f *facFixture) join(t *testing.T, names ...string) []session.Participant {
	t.Helper()
	ctx := context.Background()
	var ps []session.Participant
	for _, n := range names {
		p, _, err := f.h.Join(ctx, session.Identity{}, n)
		if err != nil {
			t.Fatal(err)
		}
		sub, err := f.h.Subscribe(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(sub.Close)
		ps = append(ps, p)
	}
	return ps
}

// lastEvent returns the newest timeline event.
func (f *facFixture) lastEvent(t *testing.T) session.Event {
	t.Helper()
	tl, err := f.st.Timeline(context.Background(), f.c.ID)
	if err != nil || len(tl) == 0 {
		t.Fatalf("timeline: %v %v", err, tl)
	}
	return tl[len(tl)-1]
}

func (f *facFixture) events(t *testing.T) int {
	t.Helper()
	tl, err := f.st.Timeline(context.Background(), f.c.ID)
	if err != nil {
		t.Fatal(err)
	}
	return len(tl)
}

// stored reads the cohort back from the store, as a restart would.
func (f *facFixture) stored(t *testing.T) session.Cohort {
	t.Helper()
	c, err := f.st.Cohort(context.Background(), f.c.ID)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestUndoMoveSwapsBackAndForth(t *testing.T) {
	f := newFacFixture(t)
	ctx := context.Background()
	if err := f.h.UndoMove(ctx, session.ShellActor("ana")); err == nil {
		t.Fatal("undo with no move before it succeeded")
	}
	if err := f.h.Move(ctx, session.ShellActor("ana"), 3); err != nil {
		t.Fatal(err)
	}
	if err := f.h.UndoMove(ctx, session.ShellActor("bo")); err != nil {
		t.Fatal(err)
	}
	if s := f.h.Snapshot().Cohort.Step; s != 0 {
		t.Fatalf("after undo on step %d, want 0", s)
	}
	if ev := f.lastEvent(t); ev.Action != "undo" || ev.Actor != "bo" || !strings.Contains(ev.Detail, "from 4 to 1") {
		t.Errorf("undo event %+v", ev)
	}
	if err := f.h.UndoMove(ctx, session.ShellActor("ana")); err != nil {
		t.Fatal(err)
	}
	if s := f.stored(t).Step; s != 3 {
		t.Errorf("undoing the undo stored step %d, want 3", s)
	}
}

func TestLockRefusesWorkAndIsIdempotent(t *testing.T) {
	f := newFacFixture(t)
	ctx := context.Background()
	p := f.join(t, "Ana")[0]
	if err := f.h.Lock(ctx, session.ShellActor("ana"), "nope"); err == nil {
		t.Error("locked a step that does not exist")
	}
	if err := f.h.Lock(ctx, session.ShellActor("ana"), "think"); err != nil {
		t.Fatal(err)
	}
	n := f.events(t)
	if err := f.h.Lock(ctx, session.ShellActor("ana"), "think"); err != nil || f.events(t) != n {
		t.Errorf("locking twice: %v, %d events, want %d", err, f.events(t), n)
	}
	if !f.stored(t).Live.IsLocked("think") {
		t.Error("lock not stored")
	}
	if _, err := f.h.SaveWork(ctx, p.ID, "think", 1, []byte(`{"text":"x"}`), false); err == nil {
		t.Error("work saved on a locked step")
	}
	if err := f.h.Unlock(ctx, session.ShellActor("bo"), "think"); err != nil {
		t.Fatal(err)
	}
	if ev := f.lastEvent(t); ev.Action != "unlock" || ev.Actor != "bo" || ev.Detail != "step 2: Think" {
		t.Errorf("unlock event %+v", ev)
	}
	if _, err := f.h.SaveWork(ctx, p.ID, "think", 1, []byte(`{"text":"x"}`), false); err != nil {
		t.Errorf("work refused after unlock: %v", err)
	}
}

func TestTimerLifecycle(t *testing.T) {
	f := newFacFixture(t)
	ctx := context.Background()
	for _, d := range []time.Duration{0, 500 * time.Millisecond, 25 * time.Hour} {
		if err := f.h.StartTimer(ctx, session.ShellActor("ana"), d); err == nil {
			t.Errorf("timer of %v accepted", d)
		}
	}
	if err := f.h.PauseTimer(ctx, session.ShellActor("ana")); !errors.Is(err, session.ErrNoTimer) {
		t.Errorf("pause with no timer: %v", err)
	}
	if err := f.h.StartTimer(ctx, session.ShellActor("ana"), 5*time.Minute); err != nil {
		t.Fatal(err)
	}
	now := f.clock.now
	f.clock.add(time.Minute)
	tm := f.h.Snapshot().Cohort.Live.Timer
	if got := tm.Remaining(now()); got != 4*time.Minute {
		t.Errorf("remaining %v after a minute", got)
	}
	if err := f.h.PauseTimer(ctx, session.ShellActor("ana")); err != nil {
		t.Fatal(err)
	}
	f.clock.add(10 * time.Minute)
	if got := f.stored(t).Live.Timer.Remaining(now()); got != 4*time.Minute {
		t.Errorf("paused timer moved: %v left", got)
	}
	if err := f.h.AddTime(ctx, session.ShellActor("bo"), 2*time.Minute); err != nil {
		t.Fatal(err)
	}
	if err := f.h.ResumeTimer(ctx, session.ShellActor("ana")); err != nil {
		t.Fatal(err)
	}
	f.clock.add(30 * time.Second)
	if got := f.h.Snapshot().Cohort.Live.Timer.Remaining(now()); got != 5*time.Minute+30*time.Second {
		t.Errorf("after +2m and 30s: %v left", got)
	}
	if err := f.h.AddTime(ctx, session.ShellActor("ana"), -time.Hour); err != nil {
		t.Fatal(err)
	}
	if got := f.h.Snapshot().Cohort.Live.Timer.Remaining(now()); got != 0 {
		t.Errorf("shortened past zero: %v left", got)
	}
	// Time is up; adding time starts it again.
	if err := f.h.AddTime(ctx, session.ShellActor("ana"), time.Minute); err != nil {
		t.Fatal(err)
	}
	if got := f.h.Snapshot().Cohort.Live.Timer.Remaining(now()); got != time.Minute {
		t.Errorf("restarted with %v", got)
	}
	if err := f.h.StopTimer(ctx, session.ShellActor("ana")); err != nil {
		t.Fatal(err)
	}
	if f.stored(t).Live.Timer != nil {
		t.Error("stopped timer still stored")
	}
	tl, _ := f.st.Timeline(ctx, f.c.ID)
	var details []string
	for _, ev := range tl {
		if ev.Action == "timer" {
			details = append(details, ev.Detail)
		}
	}
	want := []string{"started 5m", "paused with 4m left", "added 2m: 6m left", "resumed with 6m left", "took off 1h: 0s left", "added 1m: 1m left", "stopped"}
	if strings.Join(details, "|") != strings.Join(want, "|") {
		t.Errorf("timer events\n got %q\nwant %q", details, want)
	}
}

func TestParseTimerDuration(t *testing.T) {
	for in, want := range map[string]time.Duration{
		"5m": 5 * time.Minute, "90s": 90 * time.Second, "1h30m": 90 * time.Minute,
		"4:30": 4*time.Minute + 30*time.Second, "5": 5 * time.Minute, " 10 ": 10 * time.Minute,
	} {
		if got, err := session.ParseTimerDuration(in); err != nil || got != want {
			t.Errorf("%q: %v %v, want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "soon", "4:3", "4:75", "m5"} {
		if _, err := session.ParseTimerDuration(in); err == nil {
			t.Errorf("%q accepted", in)
		}
	}
	if got := session.FormatDuration(90*time.Minute + 5*time.Second); got != "1h30m5s" {
		t.Errorf("format %q", got)
	}
}

func TestAnnouncementIsCleanedAndBounded(t *testing.T) {
	f := newFacFixture(t)
	ctx := context.Background()
	if err := f.h.Announce(ctx, session.ShellActor("ana"), " \x1b[2J "); err == nil {
		t.Error("empty announcement accepted")
	}
	if err := f.h.Announce(ctx, session.ShellActor("ana"), strings.Repeat("x", session.MaxAnnouncementLen+1)); err == nil || !strings.Contains(err.Error(), "shorten it by 1") {
		t.Errorf("long announcement: %v", err)
	}
	if err := f.h.Announce(ctx, session.ShellActor("ana"), "Back at\n\x1b]0;pwned\x0710:30\u202e"); err != nil {
		t.Fatal(err)
	}
	a := f.stored(t).Live.Announcement
	if a == nil || a.Text != "Back at 10:30" || a.By != "ana" {
		t.Fatalf("stored announcement %+v", a)
	}
	if err := f.h.DismissAnnouncement(ctx, session.ShellActor("bo")); err != nil {
		t.Fatal(err)
	}
	n := f.events(t)
	if err := f.h.DismissAnnouncement(ctx, session.ShellActor("bo")); err != nil || f.events(t) != n {
		t.Errorf("second dismiss: %v, events %d→%d", err, n, f.events(t))
	}
	if f.h.Snapshot().Cohort.Live.Announcement != nil || f.stored(t).Live.Announcement != nil {
		t.Error("announcement not dismissed")
	}
}

func TestHandsAreClearedAndRecorded(t *testing.T) {
	f := newFacFixture(t)
	ctx := context.Background()
	ps := f.join(t, "Ana", "Bea", "Cai")
	for _, p := range ps {
		if err := f.h.RaiseHand(ctx, p.ID, "help with "+p.Name); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.h.ClearHand(ctx, session.ShellActor("fran"), ps[1].ID); err != nil {
		t.Fatal(err)
	}
	if ev := f.lastEvent(t); ev.Action != "hand" || ev.Actor != "fran" || !strings.Contains(ev.Detail, "Bea") {
		t.Errorf("event %+v", ev)
	}
	stored, _ := f.st.Participant(ctx, ps[1].ID)
	if m, _ := f.h.Snapshot().Member(ps[1].ID); m.Hand != nil || stored.Hand != nil {
		t.Error("hand not cleared")
	}
	n, err := f.h.ClearAllHands(ctx, session.ShellActor("fran"))
	if err != nil || n != 2 {
		t.Fatalf("clear all: %d %v", n, err)
	}
	for _, m := range f.h.Snapshot().Roster {
		if m.Hand != nil {
			t.Errorf("%s still has a hand up", m.Name)
		}
	}
	if n, _ := f.h.ClearAllHands(ctx, session.ShellActor("fran")); n != 0 {
		t.Errorf("cleared %d hands twice", n)
	}
}

func TestPaceSwitchStartsEveryoneFromTheGroupStep(t *testing.T) {
	f := newFacFixture(t)
	ctx := context.Background()
	ps := f.join(t, "Ana", "Bea")
	if err := f.h.Move(ctx, session.ShellActor("ana"), 2); err != nil {
		t.Fatal(err)
	}
	f.clock.add(3 * time.Minute)
	if err := f.h.SetPace(ctx, session.ShellActor("ana"), "sideways"); err == nil {
		t.Error("unknown pace accepted")
	}
	if err := f.h.SetPace(ctx, session.ShellActor("ana"), session.PaceSelf); err != nil {
		t.Fatal(err)
	}
	s := f.h.Snapshot()
	for _, m := range s.Roster {
		if s.StepOf(m.Participant) != 2 {
			t.Errorf("%s starts self-paced on step %d, want 2", m.Name, s.StepOf(m.Participant)+1)
		}
	}
	// The three minutes on "ideas" were credited before the switch.
	times, _ := f.st.StepTimes(ctx, f.c.ID)
	if got := times[ps[0].ID]["ideas"]; got != 3*time.Minute {
		t.Errorf("time on ideas %v", got)
	}
	if err := f.h.MoveParticipant(ctx, ps[0].ID, 4); err != nil {
		t.Fatal(err)
	}
	if ev := f.lastEvent(t); ev.Action != "pace" || !strings.Contains(ev.Detail, "self-paced") {
		t.Errorf("event %+v", ev)
	}
	if err := f.h.SetPace(ctx, session.ShellActor("bo"), session.PaceLed); err != nil {
		t.Fatal(err)
	}
	s = f.h.Snapshot()
	for _, m := range s.Roster {
		if s.StepOf(m.Participant) != 2 {
			t.Errorf("%s on step %d after going back to led", m.Name, s.StepOf(m.Participant)+1)
		}
	}
	if f.stored(t).Pace != session.PaceLed {
		t.Error("pace not stored")
	}
}

func TestSplitTeams(t *testing.T) {
	f := newFacFixture(t)
	ctx := context.Background()
	ps := f.join(t, "Ana", "Bea", "Cai", "Dan", "Eve")
	// Someone offline stays out of a random split.
	off, _, _ := f.h.Join(ctx, session.Identity{}, "Offline Olga")

	for _, plan := range []session.TeamPlan{{}, {Count: 2, Size: 2}, {Count: 6}, {Count: session.MaxTeams + 1, ByHand: true}} {
		if _, err := f.h.SplitTeams(ctx, session.ShellActor("ana"), plan); err == nil {
			t.Errorf("plan %+v accepted", plan)
		}
	}
	teams, err := f.h.SplitTeams(ctx, session.ShellActor("ana"), session.TeamPlan{Count: 2})
	if err != nil {
		t.Fatal(err)
	}
	sizes := map[int64]int{}
	for _, m := range f.h.Snapshot().Roster {
		if m.ID == off.ID {
			if m.TeamID != 0 {
				t.Error("an offline participant was put in a team")
			}
			continue
		}
		sizes[m.TeamID]++
	}
	if len(teams) != 2 || sizes[teams[0].ID]+sizes[teams[1].ID] != 5 || sizes[teams[0].ID] < 2 || sizes[teams[1].ID] < 2 {
		t.Errorf("teams %+v sizes %v", teams, sizes)
	}
	if ev := f.lastEvent(t); ev.Action != "teams" || ev.Detail != "5 people at random into 2 teams" {
		t.Errorf("event %+v", ev)
	}

	teams, err = f.h.SplitTeams(ctx, session.ShellActor("ana"), session.TeamPlan{Size: 2})
	if err != nil || len(teams) != 3 {
		t.Fatalf("teams of 2 for 5 people: %v %v", teams, err)
	}
	teams, err = f.h.SplitTeams(ctx, session.ShellActor("ana"), session.TeamPlan{Count: 3, ByHand: true})
	if err != nil || len(teams) != 3 {
		t.Fatal(err)
	}
	for _, m := range f.h.Snapshot().Roster {
		if m.TeamID != 0 {
			t.Errorf("%s is in a team after a by-hand split", m.Name)
		}
	}
	if err := f.h.MoveToTeam(ctx, session.ShellActor("bo"), ps[0].ID, teams[2].ID); err != nil {
		t.Fatal(err)
	}
	if err := f.h.MoveToTeam(ctx, session.ShellActor("bo"), ps[0].ID, 999); err == nil {
		t.Error("moved into a team that does not exist")
	}
	if err := f.h.RenameTeam(ctx, session.ShellActor("bo"), teams[2].ID, "  Blue \x1b[1m"); err != nil {
		t.Fatal(err)
	}
	if err := f.h.RenameTeam(ctx, session.ShellActor("bo"), teams[1].ID, "blue"); err == nil {
		t.Error("two teams may share a name")
	}
	s := f.h.Snapshot()
	m, _ := s.Member(ps[0].ID)
	team, _ := s.Team(m.TeamID)
	if team.Name != "Blue" {
		t.Errorf("Ana is in %+v", team)
	}
	if got, err := s.TeamByName("BLUE"); err != nil || got.ID != teams[2].ID {
		t.Errorf("team by name: %+v %v", got, err)
	}
	if got, err := s.TeamByName("1"); err != nil || got.ID != teams[0].ID {
		t.Errorf("team by number: %+v %v", got, err)
	}
	stored, _ := f.st.Participant(ctx, ps[0].ID)
	storedTeams, _ := f.st.Teams(ctx, f.c.ID)
	if stored.TeamID != teams[2].ID || storedTeams[2].Name != "Blue" {
		t.Errorf("stored %+v %+v", stored, storedTeams)
	}
}

func TestWallRespectsAnonymityAndSpotlightCopies(t *testing.T) {
	f := newFacFixture(t)
	ctx := context.Background()
	ps := f.join(t, "Ana", "Bea", "Cai")
	if _, err := f.h.SaveWork(ctx, ps[0].ID, "think", 1, []byte(`{"text":"Queues are long"}`), true); err != nil {
		t.Fatal(err)
	}
	if _, err := f.h.SaveWork(ctx, ps[1].ID, "think", 1, []byte(`{"text":"Forms are confusing"}`), false); err != nil {
		t.Fatal(err)
	}
	wall, err := f.h.Wall(ctx, session.ShellActor("fran"), "think")
	if err != nil || len(wall) != 2 {
		t.Fatalf("wall %+v %v", wall, err)
	}
	if wall[0].Author != "Ana" || wall[0].Status != session.StatusSubmitted || wall[1].Status != session.StatusDraft {
		t.Errorf("wall %+v", wall)
	}
	if err := f.h.Spotlight(ctx, session.ShellActor("fran"), "think", wall[1].Key); err != nil {
		t.Fatal(err)
	}
	sp := f.stored(t).Live.Spotlight
	if sp == nil || sp.Title != "An answer" || sp.Text != "Forms are confusing" || sp.By != "fran" || strings.Contains(sp.Title+sp.Text, "Bea") {
		t.Fatalf("spotlight %+v", sp)
	}
	// The spotlight is a copy: later edits do not change it.
	if _, err := f.h.SaveWork(ctx, ps[1].ID, "think", 1, []byte(`{"text":"Changed"}`), false); err != nil {
		t.Fatal(err)
	}
	if f.h.Snapshot().Cohort.Live.Spotlight.Text != "Forms are confusing" {
		t.Error("spotlight followed the edit")
	}

	// Anonymous items: listed one by one and as a whole, never with a name.
	for i, p := range ps {
		_, err := f.h.UpdateBoard(ctx, p.ID, "ideas", func(v any) error {
			l := v.(*work.List)
			l.Items = append(l.Items, work.Item{ID: work.NewID(), Text: fmt.Sprintf("idea %d", i), By: p.ID})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	wall, err = f.h.Wall(ctx, session.ShellActor("fran"), "ideas")
	if err != nil || len(wall) != 4 || wall[0].Key != "pool" {
		t.Fatalf("anonymous wall %+v %v", wall, err)
	}
	for _, e := range wall {
		for _, p := range ps {
			if e.Author != "" || strings.Contains(e.Text+e.Title(), p.Name) {
				t.Errorf("anonymous entry %+v names someone", e)
			}
		}
	}
	if err := f.h.Spotlight(ctx, session.ShellActor("fran"), "ideas", wall[2].Key); err != nil {
		t.Fatal(err)
	}
	if sp := f.h.Snapshot().Cohort.Live.Spotlight; sp.Title != "An item from the group" || !strings.HasPrefix(sp.Text, "idea") {
		t.Errorf("spotlit item %+v", sp)
	}
	if err := f.h.Spotlight(ctx, session.ShellActor("fran"), "ideas", "p1"); err == nil {
		t.Error("spotlit a participant's answer on an anonymous step")
	}

	// A team board is spotlit under its team's name.
	teams, err := f.h.SplitTeams(ctx, session.ShellActor("fran"), session.TeamPlan{Count: 1})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.h.SpotlightTeam(ctx, session.ShellActor("fran"), "board", teams[0].ID); err == nil || !strings.Contains(err.Error(), "nothing on its board") {
		t.Errorf("empty board spotlit: %v", err)
	}
	if _, err := f.h.UpdateBoard(ctx, ps[2].ID, "board", func(v any) error {
		v.(*work.List).Items = []work.Item{{ID: "a", Text: "Shared idea", By: ps[2].ID}}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := f.h.SpotlightTeam(ctx, session.ShellActor("fran"), "board", teams[0].ID); err != nil {
		t.Fatal(err)
	}
	if sp := f.h.Snapshot().Cohort.Live.Spotlight; sp.Title != "Team 1's board" || sp.Text != "• Shared idea" {
		t.Errorf("team spotlight %+v", sp)
	}
	if err := f.h.ReleaseSpotlight(ctx, session.ShellActor("bo")); err != nil {
		t.Fatal(err)
	}
	if f.stored(t).Live.Spotlight != nil {
		t.Error("spotlight not released")
	}
	if ev := f.lastEvent(t); ev.Action != "spotlight" || ev.Detail != "released" || ev.Actor != "bo" {
		t.Errorf("event %+v", ev)
	}
}

func TestVoteOpenCloseReveal(t *testing.T) {
	f := newFacFixture(t)
	ctx := context.Background()
	p := f.join(t, "Ana")[0]
	if err := f.h.CloseVote(ctx, session.ShellActor("ana"), "think"); err == nil {
		t.Error("closed a vote on a reflection step")
	}
	if err := f.h.CloseVote(ctx, session.ShellActor("ana"), "dots"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.h.SaveWork(ctx, p.ID, "dots", 1, []byte(`{"dots":{}}`), true); err == nil {
		t.Error("voted on a closed vote")
	}
	if err := f.h.RevealVote(ctx, session.ShellActor("ana"), "dots"); err != nil {
		t.Fatal(err)
	}
	if v := f.stored(t).Live.Vote("dots"); !v.Closed || !v.Revealed {
		t.Errorf("vote state %+v", v)
	}
	n := f.events(t)
	if err := f.h.RevealVote(ctx, session.ShellActor("ana"), "dots"); err != nil || f.events(t) != n {
		t.Errorf("reveal twice: %v", err)
	}
	if err := f.h.OpenVote(ctx, session.ShellActor("ana"), "dots"); err != nil {
		t.Fatal(err)
	}
	if err := f.h.HideVote(ctx, session.ShellActor("ana"), "dots"); err != nil {
		t.Fatal(err)
	}
	if v := f.h.Snapshot().Cohort.Live.Vote("dots"); v.Closed || v.Revealed {
		t.Errorf("vote state %+v", v)
	}
	if ev := f.lastEvent(t); ev.Action != "vote" || ev.Detail != "hid the results of step 5: Vote" {
		t.Errorf("event %+v", ev)
	}
}

func TestArchiveAndOverview(t *testing.T) {
	f := newFacFixture(t)
	ctx := context.Background()
	f.join(t, "Ana", "Bea")
	other, err := f.m.CreateCohort(ctx, session.NewCohort{ModuleID: "fac-module", Name: "Other", By: session.ShellActor("cli")})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.h.Archive(ctx, session.ShellActor("ana")); err != nil {
		t.Fatal(err)
	}
	list, err := f.m.CohortOverview(ctx, session.ShellActor("fran"))
	if err != nil || len(list) != 2 {
		t.Fatalf("overview %+v %v", list, err)
	}
	for _, info := range list {
		switch info.ID {
		case f.c.ID:
			if info.ArchivedAt.IsZero() || info.Participants != 2 || info.Online != 2 || info.ModuleTitle != "Facilitation module" || info.Steps != 6 {
				t.Errorf("archived cohort %+v", info)
			}
		case other.ID:
			if !info.ArchivedAt.IsZero() || info.Participants != 0 || info.LastActivity.IsZero() {
				t.Errorf("other cohort %+v", info)
			}
		}
	}
	if err := f.h.Unarchive(ctx, session.ShellActor("ana")); err != nil {
		t.Fatal(err)
	}
	if !f.stored(t).ArchivedAt.IsZero() {
		t.Error("still archived")
	}
}

// The live state survives a restart: a new manager on the same file sees it all.
func TestLiveStateSurvivesRestart(t *testing.T) {
	f := newFacFixture(t)
	ctx := context.Background()
	ps := f.join(t, "Ana", "Bea")
	steps := []error{
		f.h.Move(ctx, session.ShellActor("ana"), 1),
		f.h.Lock(ctx, session.ShellActor("ana"), "think"),
		f.h.StartTimer(ctx, session.ShellActor("ana"), 5*time.Minute),
		f.h.PauseTimer(ctx, session.ShellActor("ana")),
		f.h.Announce(ctx, session.ShellActor("ana"), "Coffee at 10:30"),
		f.h.CloseVote(ctx, session.ShellActor("ana"), "dots"),
		f.h.RaiseHand(ctx, ps[1].ID, "stuck"),
	}
	for i, err := range steps {
		if err != nil {
			t.Fatalf("action %d: %v", i, err)
		}
	}
	teams, err := f.h.SplitTeams(ctx, session.ShellActor("ana"), session.TeamPlan{Count: 2})
	if err != nil {
		t.Fatal(err)
	}
	st2, err := sqlite.Open(f.path)
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	h2, err := session.NewManager(st2, f.lib, nil).Hub(ctx, f.c.ID)
	if err != nil {
		t.Fatal(err)
	}
	s := h2.Snapshot()
	l := s.Cohort.Live
	if s.Cohort.Step != 1 || !l.IsLocked("think") || l.Timer == nil || !l.Timer.Paused || l.Announcement == nil || !l.Vote("dots").Closed || l.UndoStep == nil || *l.UndoStep != 0 {
		t.Errorf("live state after restart %+v", l)
	}
	if len(s.Teams) != 2 || s.Teams[0].ID != teams[0].ID {
		t.Errorf("teams after restart %+v", s.Teams)
	}
	if m, _ := s.Member(ps[1].ID); m.Hand == nil || m.Hand.Text != "stuck" || m.TeamID == 0 {
		t.Errorf("Bea after restart %+v", m)
	}
}

// Several facilitators acting at once: every action succeeds and lands exactly once (three
// pressing "next" together move the cohort three steps, and three "previous" bring it back),
// and memory agrees with the store.
func TestFacilitatorsActingTogether(t *testing.T) {
	f := newFacFixture(t)
	ctx := context.Background()
	f.join(t, "Ana", "Bea", "Cai", "Dan")
	names := []string{"ana", "bo", "cy"}
	errs := make(chan error, len(names)*10)
	var wg sync.WaitGroup
	for i, name := range names {
		who := session.ShellActor(name)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 10 {
				var err error
				// Each facilitator moves forward once before moving back once, so the cohort
				// stays within its six steps however the moves interleave.
				switch (i + j) % 5 {
				case 0:
					if j < 5 {
						err = f.h.MoveBy(ctx, who, 1)
					} else {
						err = f.h.MoveBy(ctx, who, -1)
					}
				case 1:
					err = f.h.Lock(ctx, who, "think")
				case 2:
					err = f.h.Announce(ctx, who, fmt.Sprintf("%s says %d", name, j))
				case 3:
					_, err = f.h.SplitTeams(ctx, who, session.TeamPlan{Count: 2})
				case 4:
					err = f.h.StartTimer(ctx, who, time.Duration(j+1)*time.Minute)
				}
				if err != nil {
					errs <- fmt.Errorf("%s, action %d: %w", name, j, err)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	s, stored := f.h.Snapshot(), f.stored(t)
	if s.Cohort.Step != 0 || stored.Step != 0 {
		t.Errorf("three moves forward and three back end on step %d (stored %d), not the first", s.Cohort.Step+1, stored.Step+1)
	}
	if s.Cohort.Live.Announcement.Text != stored.Live.Announcement.Text || s.Cohort.Live.Timer.Total != stored.Live.Timer.Total {
		t.Errorf("memory %+v disagrees with store %+v", s.Cohort, stored)
	}
	tl, err := f.st.Timeline(ctx, f.c.ID)
	if err != nil {
		t.Fatal(err)
	}
	moves := 0
	for _, ev := range tl {
		if ev.Action == "step" {
			moves++
		}
	}
	if moves != 6 {
		t.Errorf("%d moves recorded, want 6", moves)
	}
	if err := f.h.UndoMove(ctx, session.ShellActor("ana")); err != nil || f.h.Snapshot().Cohort.Step != 1 {
		t.Errorf("undo after the last move back: %v, on step %d (want 2)", err, f.h.Snapshot().Cohort.Step+1)
	}
	storedTeams, _ := f.st.Teams(ctx, f.c.ID)
	if len(storedTeams) != 2 || storedTeams[0].ID != s.Teams[0].ID {
		t.Errorf("teams in memory %+v, stored %+v", s.Teams, storedTeams)
	}
	recent, err := f.h.RecentActions(ctx, session.ShellActor("fran"), 5)
	if err != nil || len(recent) != 5 {
		t.Fatalf("recent %v %v", recent, err)
	}
}

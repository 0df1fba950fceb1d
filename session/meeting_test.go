package session_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"workshop/session"
)

// meetingModule is held as two meetings, with one homework step after the first.
const meetingModule = `id: weekly
title: Weekly
summary: Two meetings.
language: en
duration: 40
version: "1"
steps:
  - id: one
    title: One
    phase: experience
    guidance: g
  - id: homework
    title: Homework
    phase: apply
    guidance: g
    exercise:
      kind: reflection
  - id: two
    title: Two
    phase: reflect
    guidance: g
  - id: three
    title: Three
    phase: apply
    guidance: g
meetings:
  - title: Start
    steps: [one, homework]
    homework: Write **the plan**.
    homework_steps: [homework]
  - title: Finish
    steps: [two, three]
`

type meetingFixture struct {
	h     *session.Hub
	st    session.Store
	clock *facClock
	c     session.Cohort
}

func newMeetingFixture(t *testing.T) *meetingFixture {
	t.Helper()
	m, st, _ := openManager(t, meetingModule)
	clock := &facClock{t: time.Now().UTC().Add(time.Minute)}
	session.SetClock(m, clock.now)
	ctx := context.Background()
	c, err := m.CreateCohort(ctx, session.NewCohort{ModuleID: "weekly", Name: "Group", By: session.ShellActor("ana")})
	if err != nil {
		t.Fatal(err)
	}
	h, err := m.Hub(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	return &meetingFixture{h: h, st: st, clock: clock, c: c}
}

var fac = session.ShellActor("fac")

// A meeting opens and closes through the hub: stored, in the timeline, and between meetings
// everyone may move alone among the homework steps, and only there.
func TestMeetingStartAndEnd(t *testing.T) {
	f := newMeetingFixture(t)
	ctx := context.Background()
	p, _, err := f.h.Join(ctx, session.Identity{}, "Ana")
	if err != nil {
		t.Fatal(err)
	}
	if n := f.h.Snapshot().Meeting(); n.Number != 0 || n.Of != 2 {
		t.Fatalf("before any meeting: %+v", n)
	}
	if err := f.h.EndMeeting(ctx, fac); err == nil {
		t.Error("ending a meeting when none is open was accepted")
	}
	if err := f.h.StartMeeting(ctx, fac, 1); err != nil {
		t.Fatal(err)
	}
	n := f.h.Snapshot().Meeting()
	if !n.Open || n.Number != 1 || n.Title != "Start" {
		t.Fatalf("meeting 1 open: %+v", n)
	}
	if err := f.h.StartMeeting(ctx, fac, 2); session.ErrorCode(err) != session.EConflict {
		t.Errorf("opening meeting 2 while 1 is open: %v", err)
	}
	if err := f.h.MoveParticipant(ctx, p.ID, 1); err == nil {
		t.Error("during a led meeting a participant moved alone")
	}
	if err := f.h.EndMeeting(ctx, fac); err != nil {
		t.Fatal(err)
	}
	snap := f.h.Snapshot()
	n = snap.Meeting()
	if n.Open || !n.Between() || n.Homework != "Write **the plan**." || len(n.HomeworkSteps) != 1 || n.HomeworkSteps[0] != 1 {
		t.Fatalf("between meetings: %+v", n)
	}
	me, _ := snap.Member(p.ID)
	if got := snap.StepOf(me.Participant); got != 1 {
		t.Errorf("between meetings the participant is on step %d, want the homework step 2", got+1)
	}
	if !snap.MayMoveTo(1) || snap.MayMoveTo(2) || !snap.MovesAlone() {
		t.Error("between meetings: the homework step must be open to move to, and no other")
	}
	if err := f.h.MoveParticipant(ctx, p.ID, 2); err == nil || !strings.Contains(err.Error(), "homework steps alone: step 2") {
		t.Errorf("moving alone to a step of the next meeting: %v", err)
	}
	if err := f.h.MoveParticipant(ctx, p.ID, 1); err != nil {
		t.Errorf("moving alone to the homework step: %v", err)
	}

	// Stored: a cohort read again holds both runs.
	c, err := f.st.Cohort(ctx, f.c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Live.Meetings) != 1 || c.Live.Meetings[0].EndedAt.IsZero() {
		t.Errorf("stored meetings: %+v", c.Live.Meetings)
	}
	tl, err := f.st.Timeline(ctx, f.c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var details []string
	for _, ev := range tl {
		if ev.Action == "meeting" {
			details = append(details, ev.Detail)
		}
	}
	if len(details) != 2 || !strings.HasPrefix(details[0], "started meeting 1 of 2: Start") || !strings.HasPrefix(details[1], "ended meeting 1 of 2: Start") {
		t.Errorf("timeline: %q", details)
	}

	// The next meeting puts everyone on its first step again.
	if err := f.h.StartMeeting(ctx, fac, 2); err != nil {
		t.Fatal(err)
	}
	snap = f.h.Snapshot()
	me, _ = snap.Member(p.ID)
	if got := snap.StepOf(me.Participant); got != 2 || snap.Cohort.Step != 2 {
		t.Errorf("meeting 2 opened: participant on step %d, group on %d; want 3", got+1, snap.Cohort.Step+1)
	}
}

// A module without meetings refuses them; a facilitator key no longer registered is refused.
func TestMeetingRefusals(t *testing.T) {
	f := newFacFixture(t)
	ctx := context.Background()
	if err := f.h.StartMeeting(ctx, fac, 1); session.ErrorCode(err) != session.EInvalid {
		t.Errorf("a module without meetings: %v", err)
	}
	mf := newMeetingFixture(t)
	stranger := session.KeyActor(session.Identity{Fingerprint: "SHA256:nobody"})
	if err := mf.h.StartMeeting(ctx, stranger, 1); !errors.Is(err, session.ErrNotFacilitator) {
		t.Errorf("a stranger opened a meeting: %v", err)
	}
	if _, err := mf.h.Attendance(ctx, stranger); !errors.Is(err, session.ErrNotFacilitator) {
		t.Errorf("a stranger read the attendance: %v", err)
	}
}

// Attendance comes from the stored activity: on time, late (more than ten minutes after the
// start), gone early, and absent; with minutes online and hands raised.
func TestAttendanceFromActivity(t *testing.T) {
	f := newMeetingFixture(t)
	ctx := context.Background()
	join := func(name string) (session.Participant, *session.Subscription) {
		t.Helper()
		p, _, err := f.h.Join(ctx, session.Identity{}, name)
		if err != nil {
			t.Fatal(err)
		}
		sub, err := f.h.Subscribe(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		return p, sub
	}
	ana, _ := join("Ana")
	bea, beaSub := join("Bea")
	if err := f.h.StartMeeting(ctx, fac, 1); err != nil {
		t.Fatal(err)
	}
	f.clock.add(5 * time.Minute)
	if err := f.h.RaiseHand(ctx, ana.ID, "help"); err != nil {
		t.Fatal(err)
	}
	f.clock.add(10 * time.Minute)
	cai, _ := join("Cai") // 15 minutes in: late
	f.clock.add(5 * time.Minute)
	beaSub.Close() // 20 minutes in, 40 before the end: gone early
	_ = bea
	f.clock.add(40 * time.Minute)
	if err := f.h.EndMeeting(ctx, fac); err != nil {
		t.Fatal(err)
	}
	_, _ = join("Dan") // joined after the meeting: absent from it
	_ = cai

	got, err := f.h.Attendance(ctx, fac)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Number != 1 || got[0].Open {
		t.Fatalf("attendance: %+v", got)
	}
	m := got[0]
	want := map[string]struct {
		status  session.AttendanceStatus
		minutes int
		hands   int
	}{
		"Ana": {session.Present, 60, 1},
		"Bea": {session.LeftEarly, 20, 0},
		"Cai": {session.Late, 45, 0},
		"Dan": {session.Absent, 0, 0},
	}
	for _, pa := range m.People {
		w := want[pa.Name]
		if pa.Status != w.status || pa.Minutes() != w.minutes || pa.Hands != w.hands {
			t.Errorf("%s: %s, %d min, %d hands; want %s, %d min, %d hands", pa.Name, pa.Status, pa.Minutes(), pa.Hands, w.status, w.minutes, w.hands)
		}
	}
	if m.Present != 1 || m.Late != 1 || m.LeftEarly != 1 || m.Absent != 1 {
		t.Errorf("counts: %+v", m)
	}
	if r := f.h.Snapshot().Room(); r.Here != 3 || r.Total != 4 || len(r.Away) != 1 || r.Away[0] != "Bea" {
		t.Errorf("room: %+v", r)
	}
}

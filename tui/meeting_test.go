package tui

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"workshop/content"
	"workshop/session"
	"workshop/session/sqlite"
)

// weeklyCohort is a cohort of the built-in service-digitisation module, held as six meetings.
func weeklyCohort(t *testing.T, names ...string) (*session.Manager, *session.Hub, []session.Participant) {
	t.Helper()
	ctx := context.Background()
	lib, _, err := content.NewLibrary("")
	if err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "workshop.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	m := session.NewManager(st, lib, nil)
	c, err := m.CreateCohort(ctx, session.NewCohort{ModuleID: "service-digitisation", Name: "Weekly", By: session.ShellActor("test")})
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
	return m, h, ps
}

// The participant's header names the meeting being held; between meetings the screen shows
// the homework and ] goes from one homework step to the next over the steps between them.
func TestParticipantHeaderShowsMeeting(t *testing.T) {
	m, h, ps := weeklyCohort(t, "Ana")
	ctx := context.Background()
	fac := session.ShellActor("fran")
	ana := openParticipant(t, m, h, ps[0], 80, 24)
	ana.waitFor("Service digitisation journey")
	if err := h.StartMeeting(ctx, fac, 1); err != nil {
		t.Fatal(err)
	}
	ana.waitFor("Meeting 1 of 6 — Map potential services")
	if err := h.EndMeeting(ctx, fac); err != nil {
		t.Fatal(err)
	}
	if err := h.StartMeeting(ctx, fac, 2); err != nil {
		t.Fatal(err)
	}
	ana.waitFor("Meeting 2 of 6 — Explore the problem")
	if err := h.EndMeeting(ctx, fac); err != nil {
		t.Fatal(err)
	}
	notes, hw2 := h.Module().StepIndex("interview-notes"), h.Module().StepIndex("homework-2")
	s := ana.waitFor("Homework before meeting 3 of 6", "Homework from meeting 2", "at least three interviews")
	if !strings.Contains(s, "Interview notes") {
		t.Errorf("the first homework step is not on screen:\n%s", s)
	}
	ana.waitFor(fmt.Sprintf("Step %d of", notes+1))
	ana.keys("]") // over the steps between, to the next homework step
	ana.waitFor(fmt.Sprintf("Step %d of", hw2+1), "Before week 3: interview plan")
	ana.keys("]")
	ana.waitFor("homework steps only")

	small := openParticipant(t, m, h, ps[0], 40, 12)
	small.waitFor("Homework for meeting 3 of 6") // whole beside "● connected"
}

// The console says which meeting is open and who is here, and M opens the next meeting.
func TestConsoleMeetingLine(t *testing.T) {
	_, h, ps := weeklyCohort(t, "Ana", "Bea", "Cai")
	ctx := context.Background()
	sub, err := h.Subscribe(ctx, ps[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Close()
	r := snapshotRoom(h.Snapshot(), 80, 24)
	if v := r.View(); !strings.Contains(v, "No meeting open · M opens meeting 1 of 6") {
		t.Errorf("before the first meeting:\n%s", v)
	}
	if err := h.StartMeeting(ctx, session.ShellActor("fran"), 1); err != nil {
		t.Fatal(err)
	}
	r = snapshotRoom(h.Snapshot(), 80, 24)
	v := conFits(t, "meeting", r.View(), 80, 24)
	if !strings.Contains(v, "Meeting 1 of 6 · 1 of 3 here; absent: Bea, Cai") {
		t.Errorf("during meeting 1:\n%s", v)
	}
	r = snapshotRoom(h.Snapshot(), 40, 12)
	conFits(t, "meeting at 40×12", r.View(), 40, 12)
	roomPress(t, r, "M") // asks before ending: no action yet
	if !strings.Contains(r.confirm, "End meeting 1 of 6") {
		t.Errorf("M during a meeting asks %q", r.confirm)
	}
	if v := r.View(); !strings.Contains(v, "End meeting 1 of 6? y ends it") {
		t.Errorf("at 40×12 the question to end the meeting loses its key:\n%s", v)
	}
	if err := h.EndMeeting(ctx, session.ShellActor("fran")); err != nil {
		t.Fatal(err)
	}
	r = snapshotRoom(h.Snapshot(), 40, 12)
	if v := conFits(t, "between meetings at 40×12", r.View(), 40, 12); !strings.Contains(v, "Homework of 1 · M opens 2 of 6") {
		t.Errorf("between meetings at 40×12 the line loses the key or the meeting it opens:\n%s", v)
	}
	r = snapshotRoom(h.Snapshot(), 80, 24)
	if v := r.View(); !strings.Contains(v, "Between meetings: homework of meeting 1 · M opens meeting 2 of 6") {
		t.Errorf("between meetings at 80×24:\n%s", v)
	}
}

// At the start of meeting 2, w on the wall shows the homework step of meeting 1 instead of the
// current step, and w again goes back; the group does not move.
func TestWallShowsHomeworkForReportBack(t *testing.T) {
	_, h, _ := weeklyCohort(t, "Ana")
	ctx := context.Background()
	fac := session.ShellActor("fran")
	for _, act := range []func() error{
		func() error { return h.StartMeeting(ctx, fac, 1) }, func() error { return h.EndMeeting(ctx, fac) },
		func() error { return h.StartMeeting(ctx, fac, 2) },
	} {
		if err := act(); err != nil {
			t.Fatal(err)
		}
	}
	hw := h.Module().HomeworkStepIndexes(0)
	if len(hw) == 0 {
		t.Fatal("meeting 1 of service-digitisation has no homework steps")
	}
	r := snapshotRoom(h.Snapshot(), 80, 24)
	r.tab = tabWall
	if r.wallStep().ID != r.step().ID {
		t.Fatalf("the wall starts on %q, not the current step", r.wallStep().ID)
	}
	r.Update(conKey("b"))
	want := h.Module().Steps[hw[0]]
	if r.wallStep().ID != want.ID || !strings.Contains(r.status, "Report-back") {
		t.Errorf("b shows %q (%q), want the homework step %q", r.wallStep().ID, r.status, want.ID)
	}
	if v := ansi.Strip(r.View()); !strings.Contains(v, "Answers of step "+strconv.Itoa(hw[0]+1)+":") {
		t.Errorf("the wall does not say it shows the homework:\n%s", v)
	}
	for range hw {
		r.Update(conKey("b"))
	}
	if r.wallStep().ID != r.step().ID {
		t.Errorf("b after the last homework step shows %q, not the current step", r.wallStep().ID)
	}
}

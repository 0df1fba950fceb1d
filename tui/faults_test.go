package tui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"workshop/session"
	"workshop/session/work"
	"workshop/tui/exercise"
)

// faultyStore fails the next writes of work with one error, as a store on a locked database,
// a full disk or a read-only directory does, then works again.
type faultyStore struct {
	session.Store
	mu     sync.Mutex
	fault  error
	fails  int // writes still to fail
	failed int // writes failed so far
}

func (f *faultyStore) failNext(n int, fault error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fails, f.fault = n, fault
}

func (f *faultyStore) check() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fails == 0 {
		return nil
	}
	f.fails--
	f.failed++
	return f.fault
}

func (f *faultyStore) SaveArtifact(ctx context.Context, a session.Artifact) error {
	if err := f.check(); err != nil {
		// Worded as the SQLite store words it, ids and all.
		return fmt.Errorf("save artifact of participant %d for step %q in cohort %d: %w", a.ParticipantID, a.StepID, a.CohortID, err)
	}
	return f.Store.SaveArtifact(ctx, a)
}

func (f *faultyStore) SaveBoard(ctx context.Context, b session.Board) error {
	if err := f.check(); err != nil {
		return fmt.Errorf("save board %s of step %q in cohort %d: %w", b.Owner, b.StepID, b.CohortID, err)
	}
	return f.Store.SaveBoard(ctx, b)
}

// The shapes of the faults a real SQLite file gives.
var faultShapes = map[string]error{
	"locked":    errors.New("begin transaction: database is locked (5) (SQLITE_BUSY)"),
	"full":      errors.New("commit: database or disk is full (13) (SQLITE_FULL)"),
	"read-only": errors.New("attempt to write a readonly database (8) (SQLITE_READONLY)"),
}

// internalWords must never reach a participant's screen.
var internalWords = []string{"transaction", "SQLITE", "database", "artifact", "participant 1", "cohort 1", "commit", "readonly"}

// watch handles messages until the screen shows want, failing if any frame on the way shows
// one of never. It returns the last screen.
func (r *appRunner) watch(want string, never ...string) string {
	r.t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		s := ansi.Strip(r.app.(App).render())
		for _, bad := range never {
			if strings.Contains(s, bad) {
				r.t.Fatalf("screen shows %q before %q:\n%s", bad, want, s)
			}
		}
		if strings.Contains(s, want) {
			return s
		}
		select {
		case msg := <-r.msgs:
			r.handle(msg)
		case <-deadline:
			r.t.Fatalf("screen never showed %q; it shows:\n%s", want, s)
		}
	}
}

func openFaulty(t *testing.T, pace session.Pace) (*faultyStore, *session.Hub, []session.Participant, *appRunner) {
	t.Helper()
	fs := &faultyStore{}
	m, h, ps := exercisesCohortOn(t, func(s session.Store) session.Store { fs.Store = s; return fs }, pace, "Ana", "Bea")
	r := openParticipant(t, m, h, ps[0], 80, 24)
	r.app.(App).screen.(*participantView).env.Retry = 5 * time.Millisecond
	return fs, h, ps, r
}

// While the store cannot write, a participant's answer stays on screen with a plain sign that
// it is not saved yet; it is stored once the store works again, and nothing on the way said it
// was saved or showed the store's own words.
func TestAnswerTypedDuringAFaultIsStoredAfterwards(t *testing.T) {
	for name, fault := range faultShapes {
		t.Run(name, func(t *testing.T) {
			fs, h, ps, ana := openFaulty(t, session.PaceLed)
			ctx := context.Background()
			if err := h.Move(ctx, session.ShellActor("fran"), stepIndex(h, "reflect")); err != nil {
				t.Fatal(err)
			}
			ana.waitFor("Step 2 of 14", "Not started")
			fs.failNext(4, fault)
			ana.typeText("Open the counter on Saturdays")
			never := append([]string{"Draft saved", "Submitted"}, internalWords...)
			ana.watch(exercise.NotSavedYet, never...)
			ana.keys("ctrl+s") // a submit asked for during the fault is not lost either
			s := ana.watch("✓ Submitted", internalWords...)
			if !strings.Contains(s, "Open the counter on Saturdays") {
				t.Fatalf("the answer left the screen:\n%s", s)
			}
			a, found, err := h.Work(ctx, ps[0].ID, "reflect")
			if err != nil || !found {
				t.Fatalf("answer not stored: %v %v", found, err)
			}
			v, err := work.Decode(h.Module().Steps[stepIndex(h, "reflect")].Exercise, a.Schema, a.Data)
			if err != nil || v.(*work.Reflection).Text != "Open the counter on Saturdays" || a.Status != session.StatusSubmitted {
				t.Fatalf("stored %s as %s, %v", a.Data, a.Status, err)
			}
			if fs.failed != 4 {
				t.Fatalf("%d writes failed, want 4 (the retries stopped early or never ran)", fs.failed)
			}
		})
	}
}

// A change to a team's shared board made during a fault stays on screen and reaches the
// board once the store works again.
func TestBoardChangeDuringAFaultIsStoredAfterwards(t *testing.T) {
	fs, h, ps, ana := openFaulty(t, session.PaceLed)
	ctx := context.Background()
	if _, err := h.SplitTeams(ctx, session.ShellActor("fran"), session.TeamPlan{Count: 1}); err != nil {
		t.Fatal(err)
	}
	if err := h.Move(ctx, session.ShellActor("fran"), stepIndex(h, "team-ideas")); err != nil {
		t.Fatal(err)
	}
	ana.waitFor("Team: Team 1", "Saved at once for your team")
	fs.failNext(3, faultShapes["locked"])
	ana.keys("a")
	ana.typeText("Longer opening hours")
	ana.keys("enter")
	ana.watch(exercise.NotSavedYet, append([]string{"Saved at once"}, internalWords...)...)
	s := ana.watch("Saved at once for your team", internalWords...)
	if !strings.Contains(s, "Longer opening hours") {
		t.Fatalf("the item left the screen:\n%s", s)
	}
	v, _, err := h.Board(ctx, ps[0].ID, "team-ideas")
	if err != nil {
		t.Fatal(err)
	}
	if l := v.(*work.List); len(l.Items) != 1 || l.Items[0].Text != "Longer opening hours" {
		t.Fatalf("board holds %+v", l.Items)
	}
}

func (f *faultyStore) UpdateCohort(ctx context.Context, c session.Cohort, ev session.Event) error {
	if err := f.check(); err != nil {
		return fmt.Errorf("update cohort %d: %w", c.ID, err)
	}
	return f.Store.UpdateCohort(ctx, c, ev)
}

// A facilitator command that meets a fault answers with a plain message and logs the full
// error; a refusal and cobra's own word on the command line come through as they are.
func TestCommandsSayFaultsPlainly(t *testing.T) {
	fs := &faultyStore{}
	m, h, _ := exercisesCohortOn(t, func(s session.Store) session.Store { fs.Store = s; return fs }, session.PaceLed)
	var log bytes.Buffer
	door := NewFrontDoor(m, slog.New(slog.NewTextHandler(&log, nil)), JoinHint{})
	code := h.Snapshot().Cohort.Code
	run := func(args ...string) (string, int) {
		var out, errOut bytes.Buffer
		rc := door.RunCommand(context.Background(), session.Facilitator{Name: "fran"}, session.ShellActor("fran"), args, &out, &errOut)
		return errOut.String(), rc
	}
	fs.failNext(1, faultShapes["full"])
	msg, rc := run("announce", code, "Back at 10:30")
	if rc != 1 || msg != "error: "+session.FaultMessage+"\n" {
		t.Fatalf("exit %d, stderr %q", rc, msg)
	}
	if !strings.Contains(log.String(), "database or disk is full") || !strings.Contains(log.String(), "facilitator=fran") {
		t.Fatalf("fault not logged:\n%s", log.String())
	}
	if msg, _ := run("timer", code, "pause"); !strings.Contains(msg, "no timer is set") {
		t.Fatalf("refusal not shown as it is: %q", msg)
	}
	if msg, _ := run("announce", code, "x", "--bogus"); !strings.Contains(msg, "unknown flag: --bogus") {
		t.Fatalf("command-line error not shown as it is: %q", msg)
	}
}

// Work left unsaved on a step the person moved away from is named in the header while it
// waits, and the header says no more of it once the work is stored.
func TestHeaderDropsUnsavedWorkOnceStored(t *testing.T) {
	fs, h, _, ana := openFaulty(t, session.PaceLed)
	if err := h.Move(context.Background(), session.ShellActor("fran"), stepIndex(h, "reflect")); err != nil {
		t.Fatal(err)
	}
	ana.waitFor("Step 2 of 14", "Not started")
	fs.failNext(1_000_000, faultShapes["locked"])
	ana.typeText("Open the counter on Saturdays")
	ana.watch(exercise.NotSavedYet, internalWords...)
	ana.keys("tab", "[") // look at the step before, leaving the answer unsaved
	ana.waitFor("Step 1 of 14", "Work on another step is not saved yet")
	fs.failNext(0, nil)
	ana.waitGone("Work on another step is not saved yet")
}

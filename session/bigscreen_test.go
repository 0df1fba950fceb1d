package session_test

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"workshop/internal/testenv"
	"workshop/session"
	"workshop/session/work"
)

// woken says whether a signal waits in the subscription's mailbox, and takes it.
func woken(s *session.Subscription) bool {
	select {
	case <-s.Updates():
		return true
	default:
		return false
	}
}

func stepOf(t *testing.T, h *session.Hub, id string) int {
	t.Helper()
	i := h.Snapshot().Module.StepIndex(id)
	if i < 0 {
		t.Fatalf("no step %q", id)
	}
	return i
}

// A view code opens only a big screen and a join code never does; a view code has a shape of
// its own.
func TestViewCodeOpensOnlyTheBigScreen(t *testing.T) {
	env := testenv.New(t, testenv.Modules(t))
	ctx := context.Background()
	_, c := env.Cohort(t, session.NewCohort{ModuleID: "e2e-exercises", Name: "Room"})
	if !session.LooksLikeViewCode(c.ViewCode) || session.LooksLikeJoinCode(c.ViewCode) || session.LooksLikeRejoinCode(c.ViewCode) {
		t.Fatalf("view code %q: want a code of its own shape", c.ViewCode)
	}
	got, err := env.Manager.CohortByViewCode(ctx, strings.ToLower(c.ViewCode))
	if err != nil || got.ID != c.ID {
		t.Fatalf("by view code: %v %v", got.ID, err)
	}
	if _, err := env.Manager.CohortByViewCode(ctx, c.Code); !errors.Is(err, session.ErrUnknownCode) {
		t.Errorf("a join code opened a big screen: %v", err)
	}
	if _, err := env.Manager.CohortByCode(ctx, c.ViewCode); !errors.Is(err, session.ErrUnknownCode) {
		t.Errorf("a view code found a cohort to join: %v", err)
	}
	if _, err := env.Manager.FacilitatorScreen(ctx, session.KeyActor(session.Identity{Fingerprint: "SHA256:nobody"}), c.Code); !errors.Is(err, session.ErrNotFacilitator) {
		t.Errorf("an unregistered key opened a facilitator's big screen: %v", err)
	}
}

// A big screen wakes for what it shows (moves, the timer, a reveal, its step's result) and
// not for people joining, leaving or saving work it does not show.
func TestBigScreenWakesForWhatItShows(t *testing.T) {
	env := testenv.New(t, testenv.Modules(t))
	ctx := context.Background()
	by := testenv.Facilitator()
	h, _ := env.Cohort(t, session.NewCohort{ModuleID: "e2e-exercises", Name: "Room"})
	view := h.WatchScreen()
	defer view.Close()
	if !woken(view) {
		t.Fatal("a new big screen has no first signal")
	}
	ps := testenv.Join(t, h, "Ana", "Bea")
	sub, err := h.Subscribe(ctx, ps[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	sub.Close()
	if _, err := h.SaveWork(ctx, ps[0].ID, "ideas", work.Schema, []byte(`{"items":[{"id":"a","text":"Fewer forms"}]}`), true); err != nil {
		t.Fatal(err)
	}
	if woken(view) {
		t.Error("the big screen woke for people joining, leaving or saving another step's work")
	}
	if h.Subscribers() != 1 {
		t.Errorf("subscribers %d, want the big screen alone", h.Subscribers())
	}
	if on, _, _ := h.Snapshot().Counts(); on != 0 {
		t.Errorf("the big screen counts as someone online")
	}
	if err := h.Move(ctx, by, stepOf(t, h, "vote")); err != nil {
		t.Fatal(err)
	}
	if !woken(view) {
		t.Error("the big screen slept through a move")
	}
	if _, err := h.SaveWork(ctx, ps[1].ID, "vote", work.Schema, []byte(`{"dots":{"a":2}}`), true); err != nil {
		t.Fatal(err)
	}
	if !woken(view) {
		t.Error("the big screen slept through a change of its step's result")
	}
	if err := h.StartTimer(ctx, by, time.Minute); err != nil {
		t.Fatal(err)
	}
	if !woken(view) {
		t.Error("the big screen slept through a timer")
	}
}

// The big screen shows a vote's tally only once revealed, the cohort's matrix as most people
// placed it, and no one's name.
func TestBigScreenShowsRevealedResultsWithoutNames(t *testing.T) {
	env := testenv.New(t, testenv.Modules(t))
	ctx := context.Background()
	by := testenv.Facilitator()
	h, c := env.Cohort(t, session.NewCohort{ModuleID: "e2e-exercises", Name: "Room"})
	ps := testenv.Join(t, h, "Ana Souza", "Bea Lima", "Cai Rocha")
	for i, text := range []string{"Fewer forms", "One counter", "Call back"} {
		id := string(rune('a' + i))
		data := `{"items":[{"id":"` + id + `","text":"` + text + `"}]}`
		if _, err := h.SaveWork(ctx, ps[i].ID, "ideas", work.Schema, []byte(data), true); err != nil {
			t.Fatal(err)
		}
	}
	if err := h.Move(ctx, by, stepOf(t, h, "vote")); err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if _, err := h.SaveWork(ctx, p.ID, "vote", work.Schema, []byte(`{"dots":{"b":2,"a":1}}`), true); err != nil {
			t.Fatal(err)
		}
	}
	screen, err := h.Screen(ctx, h.Snapshot())
	if err != nil {
		t.Fatal(err)
	}
	if screen.Votes != nil || screen.JoinCode != c.Code || screen.Title == "" {
		t.Fatalf("before the reveal: %+v", screen)
	}
	if err := h.RevealVote(ctx, by, "vote"); err != nil {
		t.Fatal(err)
	}
	if screen, err = h.Screen(ctx, h.Snapshot()); err != nil {
		t.Fatal(err)
	}
	if len(screen.Votes) != 3 || screen.Votes[0] != (session.VoteBar{Text: "One counter", Dots: 6}) {
		t.Fatalf("revealed votes %+v", screen.Votes)
	}

	if err := h.Move(ctx, by, stepOf(t, h, "place")); err != nil {
		t.Fatal(err)
	}
	hi, lo := work.GridSize-1, 0
	places := []string{
		`{"places":{"a":{"x":` + strconv.Itoa(hi) + `,"y":` + strconv.Itoa(hi) + `},"b":{"x":0,"y":0}}}`,
		`{"places":{"a":{"x":` + strconv.Itoa(hi) + `,"y":` + strconv.Itoa(hi) + `}}}`,
		`{"places":{"a":{"x":` + strconv.Itoa(lo) + `,"y":` + strconv.Itoa(lo) + `}}}`,
	}
	for i, p := range places {
		if _, err := h.SaveWork(ctx, ps[i].ID, "place", work.Schema, []byte(p), true); err != nil {
			t.Fatal(err)
		}
	}
	if screen, err = h.Screen(ctx, h.Snapshot()); err != nil {
		t.Fatal(err)
	}
	m := screen.Matrix
	if m == nil || len(m.Cells[1]) != 1 || m.Cells[1][0] != (session.MatrixItem{Text: "Fewer forms", Count: 2}) || len(m.Cells[2]) != 1 || m.Cells[2][0].Text != "One counter" {
		t.Fatalf("matrix %+v", m)
	}

	if err := h.Move(ctx, by, stepOf(t, h, "reflect")); err != nil {
		t.Fatal(err)
	}
	if _, err := h.SaveWork(ctx, ps[0].ID, "reflect", work.Schema, []byte(`{"text":"Queues are long"}`), true); err != nil {
		t.Fatal(err)
	}
	if err := h.Spotlight(ctx, by, "reflect", "p"+strconv.Itoa(int(ps[0].ID))); err != nil {
		t.Fatal(err)
	}
	if screen, err = h.Screen(ctx, h.Snapshot()); err != nil {
		t.Fatal(err)
	}
	if screen.Spotlight == nil || !strings.Contains(screen.Spotlight.Text, "Queues are long") || screen.Spotlight.By != "" {
		t.Fatalf("spotlight %+v", screen.Spotlight)
	}
	all := strings.Join([]string{screen.Spotlight.Title, screen.Spotlight.Text, screen.Title, screen.Prompt}, "\n")
	for _, p := range ps {
		if strings.Contains(all, p.Name) {
			t.Errorf("the big screen names %q: %q", p.Name, all)
		}
	}
}

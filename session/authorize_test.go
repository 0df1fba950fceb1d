package session_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"workshop/session"
	"workshop/session/export"
)

// A facilitator removed while connected can do nothing more: every action and every read of
// the cohort's work is refused at the moment it is tried, and nothing changes or is recorded.
func TestRemovedFacilitatorActsNoMore(t *testing.T) {
	m, st, _ := newManager(t)
	ctx := context.Background()
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	key, err := gossh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m.Facilitators().Add(ctx, "fran", string(gossh.MarshalAuthorizedKey(key))); err != nil {
		t.Fatal(err)
	}
	fran := session.KeyActor(session.IdentityFromKey(key))
	c, err := m.CreateCohort(ctx, session.NewCohort{ModuleID: "test-module", Name: "Group", By: fran})
	if err != nil || c.CreatedBy != "fran" {
		t.Fatalf("create as fran: %v, created by %q", err, c.CreatedBy)
	}
	h, err := m.Hub(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	p, _, err := h.Join(ctx, session.Identity{}, "Ana")
	if err != nil {
		t.Fatal(err)
	}
	if err := h.RaiseHand(ctx, p.ID, "help"); err != nil {
		t.Fatal(err)
	}
	if err := h.Move(ctx, fran, 1); err != nil {
		t.Fatalf("a registered facilitator moves the cohort: %v", err)
	}

	if err := st.RemoveFacilitator(ctx, "fran"); err != nil {
		t.Fatal(err)
	}
	before, err := st.Timeline(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	actions := map[string]func() error{
		"move":     func() error { return h.Move(ctx, fran, 2) },
		"next":     func() error { return h.MoveBy(ctx, fran, 1) },
		"undo":     func() error { return h.UndoMove(ctx, fran) },
		"pace":     func() error { return h.SetPace(ctx, fran, session.PaceSelf) },
		"lock":     func() error { return h.Lock(ctx, fran, "think") },
		"timer":    func() error { return h.StartTimer(ctx, fran, time.Minute) },
		"announce": func() error { return h.Announce(ctx, fran, "hello") },
		"hand":     func() error { return h.ClearHand(ctx, fran, p.ID) },
		"hands":    func() error { _, err := h.ClearAllHands(ctx, fran); return err },
		"teams":    func() error { _, err := h.SplitTeams(ctx, fran, session.TeamPlan{Count: 1}); return err },
		"archive":  func() error { return h.Archive(ctx, fran) },
		"release":  func() error { return h.ReleaseSpotlight(ctx, fran) },
		"wall":     func() error { _, err := h.Wall(ctx, fran, "think"); return err },
		"timeline": func() error { _, err := h.RecentActions(ctx, fran, 5); return err },
		"cohorts":  func() error { _, err := m.CohortOverview(ctx, fran); return err },
		"create": func() error {
			_, err := m.CreateCohort(ctx, session.NewCohort{ModuleID: "test-module", Name: "Another", By: fran})
			return err
		},
		"export": func() error {
			return export.Export(ctx, &bytes.Buffer{}, m, fran, c.Code, export.Options{Format: export.JSON})
		},
		"export all": func() error {
			return export.ExportAll(ctx, &bytes.Buffer{}, m, fran, export.Options{Format: export.JSON})
		},
	}
	for name, act := range actions {
		if err := act(); !errors.Is(err, session.ErrNotFacilitator) {
			t.Errorf("%s after removal: %v, want ErrNotFacilitator", name, err)
		}
	}
	s := h.Snapshot()
	if s.Cohort.Step != 1 || s.Cohort.Pace != session.PaceLed || s.Cohort.Live.Announcement != nil || len(s.Teams) != 0 || s.Roster[0].Hand == nil {
		t.Errorf("a refused action changed the cohort: %+v", s.Cohort)
	}
	after, err := st.Timeline(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != len(before) {
		t.Errorf("refused actions were recorded: %d events, was %d", len(after), len(before))
	}
	if cs, _ := m.Cohorts(ctx); len(cs) != 1 {
		t.Errorf("%d cohorts after a refused create", len(cs))
	}

	// Anyone keyless is never a facilitator, and the server's shell always is.
	if err := h.Move(ctx, session.KeyActor(session.Identity{}), 0); !errors.Is(err, session.ErrNotFacilitator) {
		t.Errorf("keyless move: %v", err)
	}
	if err := h.Move(ctx, session.ShellActor("cli"), 0); err != nil {
		t.Errorf("shell move: %v", err)
	}
}

// The refusals of this file reach a person as they are written, never as a general fault.
func TestIdentityRefusalsArePlain(t *testing.T) {
	for _, err := range []error{
		session.ErrNotFacilitator,
		fmt.Errorf("step: %w", session.ErrNotFacilitator),
		session.ErrNameCharacters,
		&session.TooManyCodesError{Wait: 3 * time.Second},
	} {
		if !session.IsRefusal(err) || session.ErrorMessage(err) == session.FaultMessage {
			t.Errorf("%v is shown as %q", err, session.ErrorMessage(err))
		}
	}
	if msg := session.ErrorMessage(&session.TooManyCodesError{Wait: 3 * time.Second}); msg != "Too many wrong codes from here. Wait 3 seconds and try again." {
		t.Errorf("wait message %q", msg)
	}
}

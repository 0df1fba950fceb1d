package session_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"workshop/content"
	"workshop/internal/testenv"
	"workshop/session"
	"workshop/session/sqlite"
)

const testModule = `id: test-module
title: Test module
summary: A short module used by tests.
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
    timebox: 5
    guidance: Write what you think.
    exercise:
      kind: reflection
      prompt: What do you think?
  - id: last
    title: Last
    phase: apply
    guidance: The end.
`

func newManager(t *testing.T) (*session.Manager, *sqlite.Store, string) {
	return newManagerB(t)
}

// newManagerB opens a manager on a temp database with the test module, for tests and benchmarks.
func newManagerB(t testing.TB) (*session.Manager, *sqlite.Store, string) {
	return openManager(t, testModule)
}

// openManager opens a manager on a temp database whose library holds one module, given as
// its YAML text.
func openManager(t testing.TB, moduleYAML string) (*session.Manager, *sqlite.Store, string) {
	t.Helper()
	mods := filepath.Join(t.TempDir(), "mods")
	testenv.WriteFile(t, filepath.Join(mods, "module.yaml"), moduleYAML)
	env := testenv.New(t, testenv.Library(t, mods))
	return env.Manager, env.Store, env.Path
}

func newCohort(t *testing.T, m *session.Manager) (*session.Hub, session.Cohort) {
	return newCohortB(t, m)
}

func newCohortB(t testing.TB, m *session.Manager) (*session.Hub, session.Cohort) {
	t.Helper()
	return testenv.OpenCohort(t, m, session.NewCohort{ModuleID: "test-module", Name: "Group A", By: session.ShellActor("tester")})
}

func TestCreateCohortValidates(t *testing.T) {
	m, _, _ := newManager(t)
	ctx := context.Background()
	if _, err := m.CreateCohort(ctx, session.NewCohort{ModuleID: "nope", Name: "x", By: session.ShellActor("cli")}); err == nil {
		t.Error("unknown module accepted")
	}
	if _, err := m.CreateCohort(ctx, session.NewCohort{ModuleID: "test-module", Name: "  \x1b[2J ", By: session.ShellActor("cli")}); err == nil {
		t.Error("empty name accepted")
	}
	c, err := m.CreateCohort(ctx, session.NewCohort{ModuleID: "test-module", Name: "Ok", By: session.ShellActor("cli")})
	if err != nil {
		t.Fatal(err)
	}
	if !session.LooksLikeJoinCode(c.Code) || c.Pace != session.PaceLed {
		t.Errorf("cohort %+v", c)
	}
	got, err := m.CohortByCode(ctx, " "+c.Code[:3]+"-"+c.Code[3:]+" ")
	if err != nil || got.ID != c.ID {
		t.Errorf("lookup by typed code: %v %+v", err, got)
	}
	if _, err := m.CohortByCode(ctx, "ZZZZZZ"); !errors.Is(err, session.ErrUnknownCode) {
		t.Errorf("unknown code: %v", err)
	}
}

func TestJoinKeylessAndRejoin(t *testing.T) {
	m, _, _ := newManager(t)
	h, _ := newCohort(t, m)
	ctx := context.Background()
	p, back, err := h.Join(ctx, session.Identity{}, "Ana \x1b[31mSouza")
	if err != nil || back {
		t.Fatalf("join: %v back=%v", err, back)
	}
	if p.Name != "Ana Souza" || !session.LooksLikeRejoinCode(p.RejoinCode) {
		t.Fatalf("participant %+v", p)
	}
	again, err := m.ParticipantByRejoinCode(ctx, session.FormatRejoinCode(p.RejoinCode))
	if err != nil || again.ID != p.ID {
		t.Fatalf("rejoin: %v %+v", err, again)
	}
	if _, _, err := h.Join(ctx, session.Identity{}, ""); err == nil {
		t.Error("empty name accepted")
	}
	if _, _, err := h.Join(ctx, session.Identity{}, string(make([]rune, 0))+"An extremely long name that goes on and on and on"); err == nil {
		t.Error("long name accepted")
	}
}

func TestJoinByKeyReturns(t *testing.T) {
	m, _, _ := newManager(t)
	h, _ := newCohort(t, m)
	ctx := context.Background()
	id := session.Identity{Fingerprint: "SHA256:abc"}
	p, back, err := h.Join(ctx, id, "Key Holder")
	if err != nil || back || p.RejoinCode != "" {
		t.Fatalf("first join: %v back=%v %+v", err, back, p)
	}
	p2, back, err := h.Join(ctx, id, "Other Name")
	if err != nil || !back || p2.ID != p.ID || p2.Name != "Key Holder" {
		t.Fatalf("second join: %v back=%v %+v", err, back, p2)
	}
	ret, err := m.Memberships(ctx, id)
	if err != nil || len(ret) != 1 || ret[0].Participant.ID != p.ID {
		t.Fatalf("returning: %v %+v", err, ret)
	}
	if ms, err := m.Memberships(ctx, session.Identity{Fingerprint: "SHA256:new"}); err != nil || len(ms) != 0 {
		t.Errorf("unknown key: %v %v", ms, err)
	}
}

func TestMoveStoresThenPublishes(t *testing.T) {
	m, st, _ := newManager(t)
	h, c := newCohort(t, m)
	ctx := context.Background()
	sub, err := h.Subscribe(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Close()
	<-sub.Updates() // the subscription itself publishes once
	if err := h.MoveBy(ctx, session.ShellActor("fac"), +1); err != nil {
		t.Fatal(err)
	}
	select {
	case <-sub.Updates():
	case <-time.After(5 * time.Second):
		t.Fatal("no update after move")
	}
	if s := sub.Snapshot(); s.Cohort.Step != 1 {
		t.Errorf("snapshot step %d", s.Cohort.Step)
	}
	stored, err := st.Cohort(ctx, c.ID)
	if err != nil || stored.Step != 1 {
		t.Errorf("stored step %d %v", stored.Step, err)
	}
	tl, _ := st.Timeline(ctx, c.ID)
	if len(tl) != 2 || tl[1].Action != "step" || tl[1].Actor != "fac" {
		t.Errorf("timeline %+v", tl)
	}
	if err := h.Move(ctx, session.ShellActor("fac"), 3); err == nil {
		t.Error("move past the last step accepted")
	}
	if err := h.MoveBy(ctx, session.ShellActor("fac"), -5); err == nil {
		t.Error("move before the first step accepted")
	}
}

// A subscriber that never reads must not hold up publishing or other subscribers.
func TestStalledSubscriberDoesNotBlock(t *testing.T) {
	m, _, _ := newManager(t)
	h, _ := newCohort(t, m)
	ctx := context.Background()
	stalled, _ := h.Subscribe(ctx, 0)
	live, _ := h.Subscribe(ctx, 0)
	defer stalled.Close()
	defer live.Close()
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := range 100 {
			_ = h.Move(ctx, session.ShellActor("fac"), i%3)
		}
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("publishing blocked on a subscriber that does not read")
	}
	<-live.Updates()
	if live.Snapshot().Seq != h.Snapshot().Seq || stalled.Snapshot().Seq != h.Snapshot().Seq {
		t.Errorf("subscribers not on the latest snapshot: %d %d want %d", live.Snapshot().Seq, stalled.Snapshot().Seq, h.Snapshot().Seq)
	}
}

func TestPresenceAndWork(t *testing.T) {
	m, _, path := newManager(t)
	h, c := newCohort(t, m)
	ctx := context.Background()
	p, _, _ := h.Join(ctx, session.Identity{}, "Bea")
	s1, _ := h.Subscribe(ctx, p.ID)
	s2, _ := h.Subscribe(ctx, p.ID)
	if mb, _ := h.Snapshot().Member(p.ID); !mb.Online {
		t.Fatal("not online with two screens")
	}
	s1.Close()
	s1.Close() // closing twice is harmless
	if mb, _ := h.Snapshot().Member(p.ID); !mb.Online {
		t.Fatal("offline while one screen is still open")
	}
	s2.Close()
	if mb, _ := h.Snapshot().Member(p.ID); mb.Online {
		t.Fatal("online with no screen")
	}
	if h.Subscribers() != 0 {
		t.Errorf("%d subscribers left", h.Subscribers())
	}

	if _, err := h.SaveWork(ctx, p.ID, "intro", 1, []byte(`{"text":"x"}`), true); err == nil {
		t.Error("saved work on a step without exercise")
	}
	a, err := h.SaveWork(ctx, p.ID, "think", 1, []byte(`{"text":"my \u001b[31manswer"}`), true)
	if err != nil {
		t.Fatal(err)
	}
	if a.Status != session.StatusSubmitted || string(a.Data) != `{"text":"my answer"}` {
		t.Errorf("artifact %+v %s", a, a.Data)
	}
	if err := h.Move(ctx, session.ShellActor("fac"), 1); err != nil {
		t.Fatal(err)
	}
	if mb, _ := h.Snapshot().Member(p.ID); mb.Status != session.StatusSubmitted {
		t.Errorf("roster status %q", mb.Status)
	}

	// A fresh manager on the same file (a restart) sees the same work and step.
	st2, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	m2 := session.NewManager(st2, m.Library(), nil)
	h2, err := m2.Hub(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	got, found, err := h2.Work(ctx, p.ID, "think")
	if err != nil || !found || string(got.Data) != `{"text":"my answer"}` {
		t.Fatalf("after restart: %v %v %s", err, found, got.Data)
	}
	if h2.Snapshot().Cohort.Step != 1 {
		t.Errorf("step after restart %d", h2.Snapshot().Cohort.Step)
	}
}

func TestSelfPaced(t *testing.T) {
	m, _, _ := newManager(t)
	ctx := context.Background()
	c, err := m.CreateCohort(ctx, session.NewCohort{ModuleID: "test-module", Name: "Solo", Pace: session.PaceSelf, By: session.ShellActor("cli")})
	if err != nil {
		t.Fatal(err)
	}
	h, _ := m.Hub(ctx, c.ID)
	p, _, _ := h.Join(ctx, session.Identity{}, "Cai")
	if err := h.MoveParticipant(ctx, p.ID, 2); err != nil {
		t.Fatal(err)
	}
	mb, _ := h.Snapshot().Member(p.ID)
	if h.Snapshot().StepOf(mb.Participant) != 2 {
		t.Errorf("self-paced step %d", h.Snapshot().StepOf(mb.Participant))
	}
	led, _ := newCohort(t, m)
	q, _, _ := led.Join(ctx, session.Identity{}, "Dan")
	if err := led.MoveParticipant(ctx, q.ID, 2); err == nil {
		t.Error("participant moved themselves in a led cohort")
	}
}

// The cohort keeps its module version even when the module file changes or disappears.
func TestCohortKeepsModuleVersion(t *testing.T) {
	m, st, _ := newManager(t)
	_, c := newCohort(t, m)
	empty, _, _ := content.NewLibrary("")
	m2 := session.NewManager(st, empty, nil)
	h, err := m2.Hub(context.Background(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if h.Module().Hash != c.ModuleHash || len(h.Module().Steps) != 3 {
		t.Errorf("module %s with %d steps", h.Module().Hash, len(h.Module().Steps))
	}
}

package session_test

import (
	"context"
	"strings"
	"testing"

	"workshop/session"
)

func TestDirectMessageWakesOnlyItsParticipantAndIsDismissed(t *testing.T) {
	f := newFacFixture(t)
	ctx := context.Background()
	ps := f.join(t, "Ana", "Bea")
	anaSub, err := f.h.Subscribe(ctx, ps[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	defer anaSub.Close()
	beaSub, err := f.h.Subscribe(ctx, ps[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	defer beaSub.Close()
	<-anaSub.Updates() // the first signal every new screen finds
	<-beaSub.Updates()

	if _, err := f.h.Message(ctx, session.ShellActor("ana"), ps[0].ID, "  "); err == nil {
		t.Fatal("an empty message was sent")
	}
	if _, err := f.h.Message(ctx, session.ShellActor("ana"), ps[0].ID, strings.Repeat("x", session.MaxMessageLen+1)); err == nil {
		t.Fatal("a message over the limit was sent")
	}
	m, err := f.h.Message(ctx, session.ShellActor("fran"), ps[0].ID, "Could you \x1b[31mshare\x1b[0m your screen?")
	if err != nil {
		t.Fatal(err)
	}
	if m.Text != "Could you share your screen?" {
		t.Fatalf("message stored as %q: control sequences must go", m.Text)
	}
	select {
	case <-anaSub.Updates():
	default:
		t.Fatal("the participant's screen was not woken by their message")
	}
	select {
	case <-beaSub.Updates():
		t.Fatal("another participant's screen was woken by a message not for them")
	default:
	}
	if got := anaSub.Messages(); len(got) != 1 || got[0].Text != m.Text || got[0].By != "fran" {
		t.Fatalf("Ana's screen reads %+v", got)
	}
	if got := beaSub.Messages(); len(got) != 0 {
		t.Fatalf("Bea's screen reads someone else's message: %+v", got)
	}
	if ev := f.lastEvent(t); ev.Action != "message" || ev.Actor != "fran" || !strings.Contains(ev.Detail, "Ana") || !strings.Contains(ev.Detail, m.Text) {
		t.Fatalf("timeline event %+v", ev)
	}

	// A new hub (a restart) shows the message still, until it is dismissed.
	m2 := session.NewManager(f.st, f.lib, nil)
	h2, err := m2.Hub(ctx, f.c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := h2.Messages(ps[0].ID); len(got) != 1 || got[0].ID != m.ID {
		t.Fatalf("after a restart the participant has %+v", got)
	}
	if err := f.h.DismissMessage(ctx, ps[0].ID, m.ID); err != nil {
		t.Fatal(err)
	}
	if got := f.h.Messages(ps[0].ID); len(got) != 0 {
		t.Fatalf("dismissed message still shows: %+v", got)
	}
	if err := f.h.DismissMessage(ctx, ps[0].ID, m.ID); err != nil {
		t.Fatalf("dismissing twice: %v", err)
	}
	m3 := session.NewManager(f.st, f.lib, nil)
	h3, err := m3.Hub(ctx, f.c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := h3.Messages(ps[0].ID); len(got) != 0 {
		t.Fatalf("a dismissed message came back after a restart: %+v", got)
	}
}

func TestStepNotesAreForFacilitatorsAndTheRecord(t *testing.T) {
	f := newFacFixture(t)
	ctx := context.Background()
	ps := f.join(t, "Ana")
	sub, err := f.h.Subscribe(ctx, ps[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Close()
	<-sub.Updates()
	console, err := f.h.Subscribe(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer console.Close()
	<-console.Updates()

	step := f.h.Module().Steps[0].ID
	if _, err := f.h.AddNote(ctx, session.ShellActor("fran"), "no-such-step", "x"); err == nil {
		t.Fatal("a note on a step that does not exist was kept")
	}
	if _, err := f.h.AddNote(ctx, session.ShellActor("fran"), step, " \n "); err == nil {
		t.Fatal("an empty note was kept")
	}
	if _, err := f.h.AddNote(ctx, session.KeyActor(session.Identity{Fingerprint: "SHA256:nobody"}), step, "sneaky"); err == nil {
		t.Fatal("someone who is not a facilitator kept a note")
	}
	n, err := f.h.AddNote(ctx, session.ShellActor("fran"), step, "Ana's group\nneeds more time")
	if err != nil {
		t.Fatal(err)
	}
	select {
	case <-console.Updates():
	default:
		t.Fatal("the console was not told of the new note")
	}
	select {
	case <-sub.Updates():
		t.Fatal("a participant's screen woke for a facilitator's note")
	default:
	}
	got, err := f.h.Notes(ctx, session.ShellActor("gil"), step)
	if err != nil || len(got) != 1 || got[0].Text != n.Text || got[0].By != "fran" {
		t.Fatalf("another facilitator reads %+v, %v", got, err)
	}
	if n, last := f.h.NoteSummary(step); n != 1 || last.ID != got[0].ID {
		t.Fatal("the note summary of the step is wrong")
	}
	if n, _ := f.h.NoteSummary(f.h.Module().Steps[1].ID); n != 0 {
		t.Fatal("note counts per step are wrong")
	}
	if _, err := f.h.Notes(ctx, session.KeyActor(session.Identity{Fingerprint: "SHA256:nobody"}), step); err == nil {
		t.Fatal("someone who is not a facilitator read the notes")
	}
	rec, err := f.st.CohortRecord(ctx, f.c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Notes) != 1 || rec.Notes[0].StepID != step || rec.Notes[0].Text != n.Text {
		t.Fatalf("the record holds notes %+v", rec.Notes)
	}
	// Reloaded with the hub.
	h2, err := session.NewManager(f.st, f.lib, nil).Hub(ctx, f.c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := h2.NoteSummary(step); n != 1 {
		t.Fatal("notes were not loaded with the hub")
	}
}

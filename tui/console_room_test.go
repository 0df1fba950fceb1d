package tui

import (
	"context"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"workshop/session"
	"workshop/session/work"
)

// The wall shows the answers of another step without moving the group; from the roster, w
// sends a message to the selected person alone; N keeps a note on the step the wall shows.
func TestConsoleWallOnAnotherStepMessageAndNote(t *testing.T) {
	x := newConRunner(t)
	ctx := context.Background()
	ana := x.hub.Snapshot().Roster[0]
	data, err := work.Encode(&work.Reflection{Text: "The form lost my draft"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := x.hub.SaveWork(ctx, ana.ID, "recall", work.Schema, data, true); err != nil {
		t.Fatal(err)
	}
	view := func() string { return ansi.Strip(x.r.View()) }
	waitView := func(what string, ok func(string) bool) string {
		t.Helper()
		var s string
		x.until(what, func(*session.Snapshot) bool { s = view(); return ok(s) })
		return s
	}

	x.press("3")
	waitView("the wall of the group's step", func(s string) bool { return strings.Contains(s, "Step 1 has no exercise") })
	x.press(">")
	s := waitView("the wall of step 2", func(s string) bool { return strings.Contains(s, "The form lost my draft") })
	if !strings.Contains(s, "Answers of step 2") || !strings.Contains(s, "the group stays on step 1") {
		t.Fatalf("the wall does not say which step it shows:\n%s", s)
	}
	if st := x.hub.Snapshot().Cohort.Step; st != 0 {
		t.Fatalf("browsing the wall moved the group to step %d", st+1)
	}
	// A note written now is on the step the wall shows.
	x.press("N")
	for _, r := range "ask Ana to share" {
		x.press(string(r))
	}
	x.press("enter")
	waitView("the note kept", func(s string) bool { return strings.Contains(s, "Our notes (1): fran: ask Ana to share") })
	if n, last := x.hub.NoteSummary("recall"); n != 1 || last.Text != "ask Ana to share" {
		t.Fatalf("the note on step 2: %d %+v", n, last)
	}
	x.press("<")
	waitView("the wall back on the group's step", func(s string) bool {
		return strings.Contains(s, "Step 1 has no exercise") && !strings.Contains(s, "Answers of step")
	})

	// From the roster: w, the text, enter.
	x.press("1", "w")
	if s := view(); !strings.Contains(s, "Message to Ana alone") {
		t.Fatalf("no message prompt for the selected person:\n%s", s)
	}
	for _, r := range "come back at 3" {
		x.press(string(r))
	}
	x.press("enter")
	waitView("the message sent", func(string) bool { return len(x.hub.Messages(ana.ID)) == 1 })
	if got := x.hub.Messages(ana.ID); got[0].Text != "come back at 3" {
		t.Fatalf("message %+v", got)
	}
	if bea := x.hub.Snapshot().Roster[1]; len(x.hub.Messages(bea.ID)) != 0 {
		t.Fatal("the message reached someone else")
	}
}

package tui

import (
	"context"
	"strings"
	"testing"

	"workshop/session"
)

// A direct message shows on its participant's screen alone, at 80×24 and at 40×12, with the
// key that dismisses it, which works while they are typing an answer.
func TestDirectMessageNotice(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 24}, {40, 12}} {
		m, h, ps := teaCohort(t, "reflect", "Ana", "Bea")
		ana := startTea(t, m, h, ps[0], size.w, size.h)
		bea := startTea(t, m, h, ps[1], size.w, size.h)
		ana.waitFor("Step 2 of", "Write your answer here…")
		bea.waitFor("Step 2 of")
		// Ana is typing her reflection when the message comes.
		ana.typeText("first")
		ana.waitFor("│ first")
		if _, err := h.Message(context.Background(), session.ShellActor("fran"), ps[0].ID, "Could you share this with the group at the end?"); err != nil {
			t.Fatal(err)
		}
		s := ana.waitFor("✉ fran to you: Could", "ctrl+o")
		for _, l := range strings.Split(s, "\n") {
			if w := cellWidth(l); w > size.w {
				t.Fatalf("%d×%d: a line is %d cells wide:\n%s", size.w, size.h, w, s)
			}
		}
		// Bea's screen is redrawn by a change everyone sees, and still shows no message.
		if err := h.Announce(context.Background(), session.ShellActor("fran"), "Two minutes"); err != nil {
			t.Fatal(err)
		}
		if s := bea.waitFor("Announcement: Two minutes"); strings.Contains(s, "✉") || strings.Contains(s, "share this") {
			t.Fatalf("%d×%d: another participant's screen shows the message:\n%s", size.w, size.h, s)
		}
		ana.keys("ctrl+o")
		ana.waitGone("✉")
		if got := h.Messages(ps[0].ID); len(got) != 0 {
			t.Fatalf("%d×%d: the message was not dismissed in the record: %+v", size.w, size.h, got)
		}
		// The key did not reach the answer being typed.
		ana.typeText(" draft")
		ana.waitFor("│ first draft")
		ana.quit()
		bea.quit()
	}
}

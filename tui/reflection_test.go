package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"workshop/session"
	"workshop/session/work"
)

func TestReflectionDraftSubmitAndLimit(t *testing.T) {
	x := newExHarness(t, `
kind: reflection
prompt: Describe a public service you used this month, what you needed, which channel you tried first and where you got stuck on the way.
max_length: 40`, 80, 12)
	x.open(exData{})
	// A long prompt wraps instead of being cut to one line.
	x.mustShow("Describe a public service", "where you got stuck on the way.", "Not started", "0/40")

	x.keys("ctrl+s")
	x.mustShow("Write something before submitting.")
	if x.saves != 0 {
		t.Fatal("an empty answer was stored")
	}

	x.typeText("The queue was long")
	if got := x.stored().(*work.Reflection).Text; got != "The queue was long" {
		t.Fatalf("draft %q", got)
	}
	x.mustShow("Draft saved", "18/40")

	// A paste is cleaned of control sequences and cut to the limit, with a message.
	x.send(tea.PasteMsg{Content: " and \x1b[31mred\x1b[0m staff were kind and helpful to all"})
	v := x.mustShow("cut to fit the 40-character limit", "40/40")
	if strings.Contains(x.stored().(*work.Reflection).Text, "\x1b") || strings.Contains(v, "[31m") {
		t.Fatal("control sequence kept")
	}
	if n := len([]rune(x.stored().(*work.Reflection).Text)); n != 40 {
		t.Fatalf("stored %d characters, want 40", n)
	}

	x.keys("ctrl+s")
	if x.art.Status != session.StatusSubmitted {
		t.Fatalf("status %s after ctrl+s", x.art.Status)
	}
	x.mustShow("✓ Submitted")

	// Reopened later, the answer is there and still editable.
	x.open(exData{})
	x.mustShow("The queue was long", "✓ Submitted")
	x.keys("backspace")
	x.mustShow("Changed since you submitted")
}

func TestReflectionLockedRefusesChanges(t *testing.T) {
	x := newExHarness(t, "kind: reflection", 60, 10)
	x.art = &session.Artifact{Schema: 1, Data: []byte(`{"text":"kept"}`), Status: session.StatusDraft}
	x.env.snap.Cohort.Live.Locked = []string{x.step.ID}
	x.open(exData{})
	x.typeText("more")
	x.send(tea.PasteMsg{Content: "pasted"})
	x.mustShow("kept", "locked this step")
	x.mustNotShow("more", "pasted")
	if x.saves != 0 {
		t.Fatal("a locked answer was stored")
	}
	x.keys("left") // moving the cursor is still fine
	x.mustShow("kept")
}

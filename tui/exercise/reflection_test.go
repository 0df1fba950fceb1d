package exercise

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"workshop/session"
	"workshop/session/work"
	"workshop/tui/ui/uitest"
)

func TestReflectionDraftSubmitAndLimit(t *testing.T) {
	x := newExHarness(t, `
kind: reflection
prompt: Describe a public service you used this month, what you needed, which channel you tried first and where you got stuck on the way.
max_length: 40`, 80, 12)
	x.open(Data{})
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
	x.open(Data{})
	x.mustShow("The queue was long", "✓ Submitted")
	x.keys("backspace")
	x.mustShow("Changed since you submitted")
}

func TestReflectionLockedRefusesChanges(t *testing.T) {
	x := newExHarness(t, "kind: reflection", 60, 10)
	x.art = &session.Artifact{Schema: 1, Data: []byte(`{"text":"kept"}`), Status: session.StatusDraft}
	x.env.Snap.Cohort.Live.Locked = []string{x.step.ID}
	x.open(Data{})
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

// The editor's keys work in a reflection: by word and line, the deletions of a shell, across
// wrapped rows; what is typed is cleaned as a paste is; and the full help lists them.
func TestReflectionEditingKeys(t *testing.T) {
	x := newExHarness(t, "kind: reflection", 30, 10)
	x.open(Data{})
	x.typeText("the queue was long and slow")
	x.keys("alt+left", "alt+left", "ctrl+w")
	x.mustShow("│ the queue was and slow")
	x.keys("ctrl+e", "enter")
	x.typeText("staff")
	x.send(tea.KeyPressMsg{Code: 0x202e, Text: "\u202e"}) // a bidi override, typed
	x.typeText("helped")
	x.keys("ctrl+a", "alt+right", "ctrl+k")
	if got := x.stored().(*work.Reflection).Text; got != "the queue was and slow\nstaffhelped" {
		t.Fatalf("stored %q", got)
	}
	x.keys("up", "home", "ctrl+k")
	if got := x.stored().(*work.Reflection).Text; got != "\nstaffhelped" {
		t.Fatalf("stored %q after ctrl+k on the first line", got)
	}

	var help []string
	for _, g := range x.ex.FullHelp() {
		for _, b := range g {
			help = append(help, b.Help().Key+" "+b.Help().Desc)
		}
	}
	for _, want := range []string{"ctrl+s submit", "enter new line", "alt+←→ word by word", "ctrl+w delete word", "ctrl+k/u delete to end/start"} {
		if !slices.Contains(help, want) {
			t.Errorf("full help %q lacks %q", help, want)
		}
	}
}

// A locked answer refuses every change, and lets every move through.
func TestReflectionLockedAllowsMoves(t *testing.T) {
	x := newExHarness(t, "kind: reflection", 60, 10)
	x.art = &session.Artifact{Schema: 1, Data: []byte(`{"text":"kept as it was"}`), Status: session.StatusDraft}
	x.env.Snap.Cohort.Live.Locked = []string{x.step.ID}
	x.open(Data{})
	x.keys("ctrl+a", "alt+right", "ctrl+e", "alt+left", "ctrl+home", "ctrl+end", "up", "pgdown")
	x.mustNotShow("locked this step")
	x.keys("ctrl+w")
	x.mustShow("kept as it was", "locked this step")
}

// A wide answer (CJK, emoji with skin tones and joiners, combining accents) is wrapped by the
// editor so that every row fits however the terminal counts cells: no row is left for the
// frame to cut, so the whole answer shows.
func TestReflectionWideTextFits(t *testing.T) {
	for _, w := range []int{80, 40, 24} {
		x := newExHarness(t, "kind: reflection\nmax_length: 4000", w, 30)
		data, _ := json.Marshal(work.Reflection{Text: uitest.WideAnswer()})
		x.art = &session.Artifact{Schema: 1, Data: data, Status: session.StatusDraft}
		x.open(Data{})
		x.keys("ctrl+home")
		v := x.mustShow("山田", "end")
		for _, l := range strings.Split(v, "\n") {
			if strings.HasPrefix(l, "│") && strings.Contains(l, "…") {
				t.Errorf("at %d columns a row was cut:\n%s", w, v)
			}
		}
		uitest.FitsEveryCount(t, "reflection", x.ex.View(), w, 30)
	}
}

package tui

import (
	"strings"
	"testing"
	"unicode/utf8"

	"workshop/session"
	"workshop/session/work"
)

// A newcomer joins with the cohort's code and a name, keeps their rejoin code, and writes a
// reflection: a draft is stored once typing pauses, a paste is cut to the length limit with a
// message, typing stops at the limit, and ctrl+s stores the answer as submitted.
func TestTeatestReflection(t *testing.T) {
	t.Parallel()
	m, h, _ := teaCohort(t, "reflect")
	s := startTeaApp(t, m, h, session.Participant{}, "", 80, 24)

	s.waitFor("Join a workshop", "Code ›")
	s.typeText(strings.ToLower(h.Snapshot().Cohort.Code))
	s.keys("enter")
	s.waitFor("Cohort: Tuesday", "Name ›")
	s.typeText("Ana Souza")
	s.keys("enter")
	s.waitFor("You are in. Keep this code:", "Press enter to continue.")
	s.keys("enter")
	s.waitFor("Step 2 of 14 — A service you used", "Not started · ctrl+s submits", "0/500", "Write your answer here…")
	members := h.Snapshot().MembersByName("Ana Souza")
	if len(members) != 1 || members[0].RejoinCode == "" {
		t.Fatalf("joined as %+v", members)
	}
	s.me = members[0].Participant

	s.keys("ctrl+s")
	s.waitFor("Write something before submitting.")

	s.typeText("The queue was long")
	s.waitFor("│ The queue was long", "Editing · saves as you go", "18/500")
	s.waitFor("Draft saved", "18/500") // once typing pauses
	v, status := s.decoded("reflect")
	if got := v.(*work.Reflection).Text; got != "The queue was long" || status != session.StatusDraft {
		t.Fatalf("draft %q %s", got, status)
	}

	s.keys("enter")
	s.typeText("Staff helped")
	s.waitFor("│ Staff helped", "31/500")

	// A paste is cleaned and cut to the limit, with a message; typing stops at the limit.
	s.paste(" \x1b[31m" + strings.Repeat("slow counter ", 50))
	scr := s.waitFor("The pasted text was cut to fit the 500-character limit.", "500/500")
	if strings.Contains(scr, "[31m") {
		t.Fatalf("escape sequence shown:\n%s", scr)
	}
	s.typeText("zzz")
	s.keys("ctrl+s")
	s.waitFor("✓ Submitted", "you can still change it", "500/500")
	v, status = s.decoded("reflect")
	text := v.(*work.Reflection).Text
	if status != session.StatusSubmitted || utf8.RuneCountInString(text) != 500 ||
		!strings.HasPrefix(text, "The queue was long\nStaff helped slow counter") || strings.ContainsAny(text, "\x1bz") {
		t.Fatalf("stored %s %d characters: %q", status, utf8.RuneCountInString(text), text)
	}

	// A change after submitting is a change, until stored again.
	s.keys("backspace")
	s.waitFor("Editing · saves as you go", "499/500")
	final := s.finalScreen()
	if !strings.Contains(final, "499/500") || !strings.Contains(final, "│ The queue was long") {
		t.Fatalf("final frame:\n%s", final)
	}
}

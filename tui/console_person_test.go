package tui

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"
	"github.com/charmbracelet/x/vt"

	"workshop/internal/testenv"
	"workshop/session"
	"workshop/session/work"
)

// startTeaConsole runs the whole app for a facilitator in a w×h terminal without colour.
func startTeaConsole(t *testing.T, m *session.Manager, w, hgt int) *teaSession {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	conn := &Conn{}
	deps := conDeps(ctx, m)
	deps.Conn, deps.Log = conn, slog.New(slog.DiscardHandler)
	s := &teaSession{t: t, emu: vt.NewEmulator(w, hgt), w: w, h: hgt}
	go func() { _, _ = io.Copy(io.Discard, s.emu) }()
	s.tm = teatest.NewTestModel(t, NewApp(deps), teatest.WithInitialTermSize(w, hgt),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	t.Cleanup(func() {
		s.quit()
		cancel()
		conn.Close()
		if c, ok := s.emu.InputPipe().(io.Closer); ok {
			_ = c.Close()
		}
	})
	return s
}

// Enter on a roster row opens that person's page, read from what is stored: their work, the
// message sent to them; it scrolls, fits the window, and esc goes back to the roster.
func TestPersonPageFromTheRoster(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			ctx := context.Background()
			env := testenv.New(t, testenv.Modules(t))
			h, _ := env.Cohort(t, session.NewCohort{ModuleID: "facilitation", Name: "Thursday"})
			ps := testenv.Join(t, h, "Ana", "Bea")
			data, err := work.Encode(&work.Reflection{Text: "The queue went round the block"})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := h.SaveWork(ctx, ps[1].ID, "recall", work.Schema, data, true); err != nil {
				t.Fatal(err)
			}
			if _, err := h.Message(ctx, testenv.Facilitator(), ps[1].ID, "Share it with the group"); err != nil {
				t.Fatal(err)
			}

			s := startTeaConsole(t, env.Manager, size[0], size[1])
			s.waitFor("Thursday")
			s.keys("enter")
			s.waitFor("Bea")
			s.keys("down", "enter")
			s.waitFor("Bea · esc back", "joined ")
			s.keys("end")
			screen := s.waitFor("Share it with")
			if strings.Contains(screen, "Ana") {
				t.Errorf("Bea's page shows Ana:\n%s", screen)
			}
			for range 12 {
				s.keys("up")
			}
			s.waitFor("The queue went")
			s.keys("esc")
			s.waitFor("Ana", "Bea", "2 of 2 shown")
			s.keys("enter") // the row selected before is still selected: Bea's page again
			s.waitFor("Bea · esc")
			s.keys("end")
			s.waitFor("Share it with")
			screen = s.finalScreen()
			if !strings.Contains(screen, "Bea · esc") {
				t.Errorf("final screen:\n%s", screen)
			}
		})
	}
}

// From the page, e renames the person, c shows their rejoin code and D removes them (after y),
// through the same hub calls as the person command; a removed person's page goes back to the
// roster.
func TestPersonPageActs(t *testing.T) {
	x := newConRunner(t)
	ana := x.hub.Snapshot().Roster[0]
	view := func() string { return ansi.Strip(x.r.View()) }
	x.press("enter")
	x.until("the page read", func(*session.Snapshot) bool { return x.r.person != nil && x.r.person.page != nil })
	x.press("e")
	if s := view(); !strings.Contains(s, "New name for Ana") {
		t.Fatalf("no rename prompt:\n%s", s)
	}
	for range 3 {
		x.press("backspace")
	}
	for _, r := range "Ana Souza" {
		x.press(string(r))
	}
	x.press("enter")
	x.until("the rename", func(s *session.Snapshot) bool { m, _ := s.Member(ana.ID); return m.Name == "Ana Souza" })
	x.press("c")
	code, err := x.hub.RejoinCode(context.Background(), testenv.Facilitator(), ana.ID)
	if err != nil {
		t.Fatal(err)
	}
	x.until("the code shown", func(*session.Snapshot) bool { return strings.Contains(x.r.status, code) })
	x.press("D")
	if !strings.Contains(view(), "Remove Ana Souza and all their work") {
		t.Fatalf("no question before removing:\n%s", view())
	}
	x.press("y")
	x.until("the removal", func(s *session.Snapshot) bool { _, ok := s.Member(ana.ID); return !ok && x.r.person == nil })
	if s := view(); !strings.Contains(s, "1 of 1 shown") {
		t.Fatalf("not back on the roster:\n%s", s)
	}
}

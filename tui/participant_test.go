package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"workshop/session"
)

func change(t *testing.T, h *session.Hub, fn func(c *session.Cohort)) {
	t.Helper()
	if err := h.ChangeCohort(context.Background(), session.ShellActor("test"), "change", "", func(c *session.Cohort) error { fn(c); return nil }); err != nil {
		t.Fatal(err)
	}
}

func stepIndex(h *session.Hub, id string) int { return h.Module().StepIndex(id) }

func TestParticipantShowsLiveState(t *testing.T) {
	m, h, ps := exercisesCohort(t, session.PaceLed, "Ana", "Bea")
	ctx := context.Background()
	ana := openParticipant(t, m, h, ps[0], 80, 24)
	ana.waitFor("Step 1 of 14 — Welcome", "connected")

	if _, err := h.SplitTeams(ctx, session.ShellActor("fran"), session.TeamPlan{Count: 1}); err != nil {
		t.Fatal(err)
	}
	ana.waitFor("Team: Team 1")

	change(t, h, func(c *session.Cohort) {
		c.Live.Timer = &session.Timer{Total: 5 * time.Minute, EndsAt: time.Now().Add(5 * time.Minute)}
	})
	s := ana.waitFor("⏱ 0")
	if !strings.Contains(s, "⏱ 05:00") && !strings.Contains(s, "⏱ 04:5") {
		t.Fatalf("timer not shown as MM:SS:\n%s", s)
	}
	change(t, h, func(c *session.Cohort) {
		c.Live.Timer = &session.Timer{Total: time.Minute, Paused: true, Left: 90 * time.Second}
	})
	ana.waitFor("⏸ 01:30")
	change(t, h, func(c *session.Cohort) {
		c.Live.Timer = &session.Timer{Total: time.Minute, EndsAt: time.Now().Add(-time.Second)}
	})
	ana.waitFor("Time is up")

	change(t, h, func(c *session.Cohort) {
		c.Live.Announcement = &session.Announcement{Text: "Back in five minutes", By: "fran", At: time.Now()}
	})
	ana.waitFor("Announcement: Back in five minutes")
	change(t, h, func(c *session.Cohort) {
		c.Live.Spotlight = &session.Spotlight{StepID: "ideas", Title: "Team 2's board", Text: "Open the counter on Saturdays", By: "fran", At: time.Now()}
	})
	ana.waitFor("Spotlight: Team 2's board", "Open the counter on Saturdays")
	change(t, h, func(c *session.Cohort) { c.Live.Announcement, c.Live.Spotlight = nil, nil })
	ana.waitGone("Announcement")
	ana.waitGone("Spotlight")

	// The hand: ctrl+r asks for an optional message, enter raises it, ctrl+r lowers it.
	ana.keys("ctrl+r")
	ana.waitFor("Ask for help (optional message):")
	ana.typeText("stuck on the grid")
	ana.keys("enter")
	ana.waitFor("✋ Hand raised")
	if mb, _ := h.Snapshot().Member(ps[0].ID); mb.Hand == nil || mb.Hand.Text != "stuck on the grid" {
		t.Fatalf("hand not stored: %+v", mb.Hand)
	}
	ana.keys("ctrl+r")
	ana.waitFor("Hand lowered.")
	if mb, _ := h.Snapshot().Member(ps[0].ID); mb.Hand != nil {
		t.Fatal("hand still raised")
	}

	// A locked step says so, and its editor refuses changes with the hub's words.
	if err := h.Move(ctx, session.ShellActor("fran"), stepIndex(h, "reflect")); err != nil {
		t.Fatal(err)
	}
	change(t, h, func(c *session.Cohort) { c.Live.Locked = []string{"reflect"} })
	ana.waitFor("Step 2 of 14", "Locked", "Locked: you can read your work but not change it")
	ana.typeText("x")
	ana.waitFor("The facilitator has locked this step")
}

func TestParticipantSeesRevealedVote(t *testing.T) {
	m, h, ps := exercisesCohort(t, session.PaceLed, "Ana", "Bea")
	ctx := context.Background()
	for i, p := range ps {
		data := []byte(fmt.Sprintf(`{"items":[{"id":"a%d","text":"Idea of %s","by":%d}]}`, i, p.Name, p.ID))
		if _, err := h.SaveWork(ctx, p.ID, "ideas", 1, data, true); err != nil {
			t.Fatal(err)
		}
	}
	if err := h.Move(ctx, session.ShellActor("fran"), stepIndex(h, "vote")); err != nil {
		t.Fatal(err)
	}
	ana := openParticipant(t, m, h, ps[0], 80, 24)
	ana.waitFor("Step 6 of 14 — Vote", "Idea of Ana", "Idea of Bea", "3 of 3 dots left")
	ana.keys("down", "l", "l")
	ana.waitFor("1 of 3 dots left", "Draft saved")
	if _, err := h.SaveCountedWork(ctx, ps[1].ID, "vote", 1, []byte(`{"dots":{"a1":1,"a0":1}}`), true); err != nil {
		t.Fatal(err)
	}
	change(t, h, func(c *session.Cohort) {
		c.Live.Votes = map[string]session.VoteState{"vote": {Closed: true, Revealed: true}}
	})
	s := ana.waitFor("Results", "the whole cohort's dots")
	var bea, anaLine string
	for _, l := range strings.Split(s, "\n") {
		switch {
		case strings.Contains(l, "1. Idea of Bea"):
			bea = l
		case strings.Contains(l, "2. Idea of Ana"):
			anaLine = l
		}
	}
	if !strings.Contains(bea, " 3") || !strings.Contains(anaLine, " 1") {
		t.Fatalf("tally wrong or not ranked:\n%s", s)
	}
}

// Every step of the module draws a whole frame at 80×24 and at 40×12, in both focus states,
// with the short help inside 80 columns (leave included); below 40×12 the app asks for more.
func TestParticipantEveryStepFits(t *testing.T) {
	m, h, ps := exercisesCohort(t, session.PaceSelf, "Ana")
	if _, err := h.SplitTeams(context.Background(), session.ShellActor("fran"), session.TeamPlan{Count: 1}); err != nil {
		t.Fatal(err)
	}
	ana := openParticipant(t, m, h, ps[0], 80, 24)
	n := len(h.Module().Steps)
	for i := range n {
		step := h.Module().Steps[i]
		ana.resize(80, 24)
		s := ana.waitFor(stepHeader(i, n))
		if step.Exercise != nil {
			s = ana.waitFor(stepHeader(i, n), "tab guide")
		}
		help := lastLine(s)
		if !strings.Contains(help, "ctrl+c leave") || !strings.Contains(help, "more keys") {
			t.Errorf("step %d: help line at 80 columns lost keys: %q", i+1, help)
		}
		if step.Exercise != nil {
			ana.keys("tab")
			help = lastLine(ana.waitFor("tab answer"))
			if !strings.Contains(help, "ctrl+c leave") {
				t.Errorf("step %d, guidance: help line lost keys: %q", i+1, help)
			}
			ana.keys("tab")
			ana.waitFor("tab guide")
		}
		ana.screen()
		ana.resize(40, 12)
		ana.waitFor(fmt.Sprintf("Step %d of", i+1))
		ana.screen()
		ana.resize(39, 11)
		ana.waitFor("Please enlarge")
		ana.resize(80, 24)
		if step.Exercise != nil {
			ana.keys("esc")
		}
		ana.keys("]")
	}
}

func stepHeader(i, n int) string { return fmt.Sprintf("Step %d of %d", i+1, n) }

func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

func TestBellRingsOnceAtZeroWhenOn(t *testing.T) {
	m, h, ps := exercisesCohort(t, session.PaceLed, "Ana")
	ana := openParticipant(t, m, h, ps[0], 80, 24)
	ana.waitFor("Welcome")
	ana.keys("b")
	ana.waitFor("Bell on")
	pv := ana.app.(App).screen.(*participantView)
	pv.live.lastLeft = 1
	snap := *pv.snap // published snapshots are shared: change a copy
	snap.Cohort.Live.Timer = &session.Timer{EndsAt: time.Now().Add(-time.Second)}
	pv.snap = &snap
	if !rings(pv.tick()) {
		t.Fatal("no bell when time ran out with the bell on")
	}
	if rings(pv.tick()) {
		t.Fatal("the bell rang twice")
	}
	pv.live.bell, pv.live.lastLeft = false, 1
	if rings(pv.tick()) {
		t.Fatal("the bell rang while off")
	}
}

// rings says whether a command writes the terminal bell.
func rings(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	switch m := cmd().(type) {
	case tea.RawMsg:
		return m.Msg == "\a"
	case tea.BatchMsg:
		for _, c := range m {
			if c != nil {
				if r, ok := c().(tea.RawMsg); ok && r.Msg == "\a" {
					return true
				}
			}
		}
	}
	return false
}

// The full help (? or f1) of every step, in every editor, fits 80×24 without cutting a key.
func TestFullHelpFits(t *testing.T) {
	m, h, ps := exercisesCohort(t, session.PaceSelf, "Ana")
	if _, err := h.SplitTeams(context.Background(), session.ShellActor("fran"), session.TeamPlan{Count: 1}); err != nil {
		t.Fatal(err)
	}
	ana := openParticipant(t, m, h, ps[0], 80, 24)
	keys := DefaultKeyMap()
	for i := range h.Module().Steps {
		ana.waitFor(stepHeader(i, len(h.Module().Steps)))
		if h.Module().Steps[i].Exercise != nil {
			ana.waitFor("tab guide")
		}
		pv := ana.app.(App).screen.(*participantView)
		groups := append(pv.FullHelp(), []key.Binding{keys.Help, keys.Quit})
		view := help.New().FullHelpView(groups)
		lines := strings.Split(view, "\n")
		if len(lines) > 24-5 {
			t.Errorf("step %d: full help is %d lines high", i+1, len(lines))
		}
		for _, l := range lines {
			if w := cellWidth(l); w > 80 {
				t.Errorf("step %d: full help is %d wide: %q", i+1, w, ansi.Strip(l))
				break
			}
		}
		if pv.ex != nil {
			ana.keys("esc")
		}
		ana.keys("]")
	}
}

package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"workshop/content"
	"workshop/i18n"
	"workshop/session"
	"workshop/session/work"
	"workshop/tui/ui/uitest"
)

var bigSizes = [][2]int{{80, 24}, {40, 12}, {200, 50}}

// frozen is the clock of the code guards of these tests: a wait, once set, never passes.
var frozen = time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)

// fullBigScreen is a big screen with everything on it at once, long texts included.
func fullBigScreen(now time.Time) session.BigScreen {
	s := session.BigScreen{
		Name: "Tuesday group", JoinCode: "K7MQ2P", Step: 5, Steps: 14,
		Title:        "Vote on the ideas that would help the people at the counter most, before lunch",
		Prompt:       "Spend your dots on the ideas you would try first. You can put several dots on one idea if it matters a lot to you.",
		Meeting:      session.MeetingNow{Number: 2, Of: 6, Open: true},
		Timer:        &session.Timer{Total: 5 * time.Minute, EndsAt: now.Add(4*time.Minute + 30*time.Second)},
		Announcement: "Back at 10:30",
		Spotlight:    &session.Spotlight{Title: "An answer", Text: "People wait too long at the counter.\nThe form asks the same thing twice."},
		Matrix: &session.MatrixView{
			XAxis: content.Axis{Label: "Effort", Low: "low", High: "high"}, YAxis: content.Axis{Label: "Impact", Low: "low", High: "high"},
			Quadrants: [4]string{"Quick wins", "Big bets", "Fill-ins", "Money pits"},
		},
	}
	for i := range 30 {
		s.Votes = append(s.Votes, session.VoteBar{Text: fmt.Sprintf("Idea number %d with a rather long text", i+1), Dots: 30 - i})
		s.Matrix.Cells[i%4] = append(s.Matrix.Cells[i%4], session.MatrixItem{Text: fmt.Sprintf("Item %d", i+1), Count: i%3 + 1})
	}
	return s
}

// The big screen fills 80×24, 40×12 and a projector's 200×50 exactly, with the join line, the
// step, the meeting, the countdown and the results on it.
func TestBigScreenFitsEveryWindow(t *testing.T) {
	st := uitest.Styles()
	hint := JoinHint{Host: "localhost", Port: 2222}
	now := time.Now()
	for _, size := range bigSizes {
		w, h := size[0], size[1]
		full := fullBigScreen(now)
		votes, matrix := full, full
		matrix.Votes = nil
		votes.Matrix = nil
		for name, s := range map[string]session.BigScreen{"votes": votes, "matrix": matrix, "empty": {Name: "x", JoinCode: "K7MQ2P", Steps: 1, Title: "Welcome"}} {
			what := fmt.Sprintf("%s at %d×%d", name, w, h)
			text := conFits(t, what, renderBig(i18n.New(i18n.English), st, hint, s, now, "", w, h), w, h)
			for _, want := range []string{"Join: ssh -p 2222 K7MQ2P@localhost", "Step ", s.Title[:7]} {
				if !strings.Contains(text, want) {
					t.Errorf("%s: no %q:\n%s", what, want, text)
				}
			}
			if name == "empty" {
				continue
			}
			for _, want := range []string{"Meeting 2 of 6", "Spotlight: An answer"} {
				if !strings.Contains(text, want) {
					t.Errorf("%s: no %q:\n%s", what, want, text)
				}
			}
			if h >= 20 && !strings.Contains(text, "█") {
				t.Errorf("%s: the countdown is not drawn large:\n%s", what, text)
			}
			if h < 20 && !strings.Contains(text, "04:30") {
				t.Errorf("%s: no countdown:\n%s", what, text)
			}
			if name == "votes" && !strings.Contains(text, "Idea number 1") {
				t.Errorf("%s: no bars:\n%s", what, text)
			}
			if name == "matrix" && h >= 24 && !strings.Contains(text, "Quick wins") {
				t.Errorf("%s: no matrix:\n%s", what, text)
			}
		}
	}
}

// bigRunner opens the big screen of a cohort, as a facilitator's `screen CODE` when code is
// given and by typing a view code otherwise.
func bigRunner(t *testing.T, m *session.Manager, code string, w, h int) *appRunner {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	conn := &Conn{}
	t.Cleanup(conn.Close)
	deps := &Deps{Ctx: ctx, Manager: m, Conn: conn, Actor: session.ShellActor("fran"), Hint: JoinHint{Host: "localhost", Port: 2222},
		ScreenCode: code, BigScreen: code == "", Codes: session.NewCodeGuard(nil, func() time.Time { return frozen })}
	com := newCommon(deps, uitest.Styles(), nil)
	b := newBigScreen(com)
	a := App{Common: com, help: newHelp(), width: w, height: h, screen: b}
	a.screen = b.Resize(a.bodySize())
	r := &appRunner{t: t, app: a, msgs: make(chan tea.Msg, 64), ctx: ctx, w: w, h: h}
	r.run(b.Init())
	return r
}

// The big screen follows the facilitator, shows a revealed vote, and never shows who wrote
// what on an anonymous step; keys do nothing but leave.
func TestBigScreenFollowsTheRoomWithoutNames(t *testing.T) {
	m, h, ps := exercisesCohort(t, session.PaceLed, "Ana Souza", "Bea Lima")
	ctx := context.Background()
	by := session.ShellActor("fran")
	c := h.Snapshot().Cohort
	views := []*appRunner{bigRunner(t, m, c.Code, 80, 24), bigRunner(t, m, c.Code, 40, 12), bigRunner(t, m, c.Code, 200, 50)}
	for _, v := range views {
		v.waitFor("Welcome", c.Code)
		v.keys("n", "?", "]")
		if s := v.screen(); strings.Contains(s, "Keys") || !strings.Contains(s, "Welcome") {
			t.Errorf("a key changed the big screen:\n%s", s)
		}
	}

	if err := h.Move(ctx, by, stepIndex(h, "roundtable")); err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if _, err := h.UpdateBoard(ctx, p.ID, "roundtable", func(v any) error {
			v.(*work.List).Add(work.Item{ID: work.NewID(), Text: "Idea of " + p.Name, By: p.ID})
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	if err := h.Spotlight(ctx, by, "roundtable", "pool"); err != nil {
		t.Fatal(err)
	}
	for _, v := range views {
		v.waitFor("Spotlight", "Idea of")
		s := v.screen()
		for _, p := range ps {
			if strings.Contains(strings.ReplaceAll(s, "Idea of "+p.Name, ""), p.Name) {
				t.Errorf("the big screen names %s on an anonymous step:\n%s", p.Name, s)
			}
		}
	}

	for i, p := range ps {
		data := fmt.Sprintf(`{"items":[{"id":"i%d","text":"Shorter queue %d"}]}`, i, i)
		if _, err := h.SaveWork(ctx, p.ID, "ideas", work.Schema, []byte(data), true); err != nil {
			t.Fatal(err)
		}
	}
	if err := h.ReleaseSpotlight(ctx, by); err != nil {
		t.Fatal(err)
	}
	if err := h.Move(ctx, by, stepIndex(h, "vote")); err != nil {
		t.Fatal(err)
	}
	if _, err := h.SaveWork(ctx, ps[0].ID, "vote", work.Schema, []byte(`{"dots":{"i1":3}}`), true); err != nil {
		t.Fatal(err)
	}
	for _, v := range views {
		v.waitFor("Step 6 of")
		if s := v.screen(); strings.Contains(s, "Vote results") {
			t.Errorf("the big screen shows a vote before it is revealed:\n%s", s)
		}
	}
	if err := h.RevealVote(ctx, by, "vote"); err != nil {
		t.Fatal(err)
	}
	for _, v := range views {
		v.waitFor("Vote results", "Shorter queue 1")
	}
}

// A viewer types the view code; a join code opens nothing.
func TestBigScreenAsksForTheViewCode(t *testing.T) {
	m, h, _ := exercisesCohort(t, session.PaceLed, "Ana")
	c := h.Snapshot().Cohort
	v := bigRunner(t, m, "", 80, 24)
	v.waitFor("View code")
	v.typeText(c.Code)
	v.keys("enter")
	v.waitFor("No big screen has that view code")
	v.typeText(strings.ToLower(c.ViewCode))
	v.keys("enter")
	v.waitFor("Welcome", "Join: ssh -p 2222 "+c.Code+"@localhost")
	v.screen()

	// Wrong view codes are bounded like join codes: past the allowance, the next try waits.
	w := bigRunner(t, m, "", 40, 12)
	for range session.CodeTriesPerConn + 2 {
		w.waitFor("View code")
		w.typeText("WRONG22")
		w.keys("enter")
		w.waitGone("WRONG22")
	}
	w.waitFor("Too many wrong codes")
	w.screen()
}

package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"workshop/content"
	"workshop/internal/testenv"
	"workshop/session"
)

// conKey makes the key press a terminal sends for a key name ("n", "L", "enter", "pgdown").
func conKey(name string) tea.KeyPressMsg {
	named := map[string]rune{"enter": tea.KeyEnter, "esc": tea.KeyEscape, "tab": tea.KeyTab, "space": tea.KeySpace,
		"up": tea.KeyUp, "down": tea.KeyDown, "pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "home": tea.KeyHome, "end": tea.KeyEnd,
		"backspace": tea.KeyBackspace}
	if code, ok := named[name]; ok {
		k := tea.KeyPressMsg{Code: code}
		if code == tea.KeySpace {
			k.Text = " "
		}
		return k
	}
	r := []rune(name)[0]
	return tea.KeyPressMsg{Code: r, Text: name}
}

// conFits fails unless a drawing is exactly h lines of at most w cells, and returns its text.
func conFits(t *testing.T, what, s string, w, h int) string {
	t.Helper()
	lines := strings.Split(s, "\n")
	if len(lines) != h {
		t.Errorf("%s: %d lines at %d×%d, want %d:\n%s", what, len(lines), w, h, h, ansi.Strip(s))
	}
	for i, l := range lines {
		if n := cellWidth(l); n > w {
			t.Errorf("%s: line %d is %d cells wide at %d×%d: %q", what, i+1, n, w, h, ansi.Strip(l))
		}
	}
	return ansi.Strip(s)
}

func conModule(t *testing.T) *content.Module {
	t.Helper()
	mod, ok := testenv.Modules(t).Get("facilitation")
	if !ok {
		t.Fatal("no facilitation module")
	}
	return mod
}

func conDeps(ctx context.Context, m *session.Manager) *Deps {
	return &Deps{Ctx: ctx, Manager: m, Facilitator: &session.Facilitator{Name: "fran"}, Actor: session.ShellActor("fran"), Hint: JoinHint{Host: "localhost", Port: 2222}, Conn: &Conn{}}
}

// bigRoster is a cohort of n people in three teams: every seventh with a raised hand, every
// third offline, drafts and submissions mixed, some names long.
func bigRoster(mod *content.Module, n int) *session.Snapshot {
	now := time.Now()
	s := &session.Snapshot{Module: mod, Cohort: session.Cohort{ID: 1, Code: "K7MQ2P", Name: "A cohort with a rather long name for a narrow window", Pace: session.PaceLed, Step: 1}}
	s.Teams = []session.Team{{ID: 1, Name: "Team 1"}, {ID: 2, Name: "Blue"}, {ID: 3, Name: "A team with a long name"}}
	for i := range n {
		m := session.Member{Participant: session.Participant{ID: int64(i + 1), Name: fmt.Sprintf("Person %03d", i+1), TeamID: int64(i%3 + 1)}, Online: i%3 != 0}
		if i%10 == 4 {
			m.Name = "Maria da Conceição Aparecida dos Santos"
		}
		switch i % 4 {
		case 1:
			m.Status = session.StatusDraft
		case 2:
			m.Status = session.StatusSubmitted
		}
		if i%7 == 0 {
			m.Hand = &session.Hand{Text: "I cannot see the form", At: now.Add(-time.Duration(i) * time.Minute)}
		}
		s.Roster = append(s.Roster, m)
	}
	return s
}

// snapshotRoom is a room drawn from a snapshot alone, for views and keys that need no hub.
func snapshotRoom(s *session.Snapshot, w, h int) *cohortRoom {
	st := NewStyles(true, colorprofile.Ascii)
	r := &cohortRoom{Common: newCommon(conDeps(context.Background(), nil), &st, nil), ck: newConsoleKeys(DefaultKeyMap(), nil), snap: s, now: time.Now()}
	r.wall.drafts = true
	r.Resize(w, h)
	return r
}

// roomPress sends keys to a room that has no hub, failing if one would act.
func roomPress(t *testing.T, r *cohortRoom, keys ...string) {
	t.Helper()
	for _, k := range keys {
		if _, cmd := r.Update(conKey(k)); cmd != nil && r.prompt == promptNone && r.confirm == "" {
			t.Fatalf("key %q started an action in a room with no hub", k)
		}
	}
}

// The roster stays usable with 300 people: a summary, scrolling that keeps the selection in
// view, filters for who needs attention, finding by name and sorting.
func TestRosterOfThreeHundred(t *testing.T) {
	s := bigRoster(conModule(t), 300)
	r := snapshotRoom(s, 80, 23)
	view := conFits(t, "roster", r.View(), 80, 23)
	online, submitted, _ := s.Counts()
	for _, want := range []string{fmt.Sprintf("%d of 300 submitted · %d online", submitted, online), "✋ 43", "1–", "of 300 shown", "Person 001", "● online", "✓ submitted", "Team 1"} {
		if !strings.Contains(view, want) {
			t.Errorf("roster does not show %q:\n%s", want, view)
		}
	}
	roomPress(t, r, "end")
	if view := conFits(t, "roster at the end", r.View(), 80, 23); !strings.Contains(view, "› Person 300") || strings.Contains(view, "Person 001") {
		t.Errorf("end does not scroll to the last person:\n%s", view)
	}
	roomPress(t, r, "home", "pgdown")
	if view := ansi.Strip(r.View()); strings.Contains(view, "› Person 001") || !strings.Contains(view, "›") {
		t.Errorf("pgdown does not move the selection:\n%s", view)
	}

	// Raised hands only, longest waiting first when sorted by status.
	roomPress(t, r, "f", "s", "s", "home")
	view = conFits(t, "hands filter", r.View(), 80, 23)
	if !strings.Contains(view, "of 43 shown (300 in all) · showing raised hands (f) · sorted by status (s)") {
		t.Errorf("hands filter summary:\n%s", view)
	}
	rows := 0
	for _, l := range strings.Split(view, "\n") {
		if strings.Contains(l, "Person") || strings.Contains(l, "Maria") {
			rows++
			if !strings.Contains(l, "✋") {
				t.Errorf("a row without a raised hand under the hands filter: %q", l)
			}
		}
	}
	if rows == 0 {
		t.Errorf("no rows under the hands filter:\n%s", view)
	}
	if first := conLine(view, "›"); !strings.Contains(first, "✋ 4h54") {
		t.Errorf("longest waiting hand (4h54) not first:\n%s", view)
	}

	// Not submitted, then offline, then everyone again.
	roomPress(t, r, "f")
	if view := ansi.Strip(r.View()); strings.Contains(view, "✓ submitted") || !strings.Contains(view, "showing not submitted") {
		t.Errorf("not-submitted filter shows a submission:\n%s", view)
	}
	roomPress(t, r, "f")
	if view := ansi.Strip(r.View()); strings.Contains(view, "● online") || !strings.Contains(view, "of 100 shown") {
		t.Errorf("offline filter:\n%s", view)
	}
	roomPress(t, r, "f")

	// Finding by name narrows as it is typed; esc clears it.
	roomPress(t, r, "/", "0", "4", "2")
	if !r.Typing() {
		t.Fatal("the find prompt does not take typing")
	}
	view = conFits(t, "find", r.View(), 80, 23)
	if !strings.Contains(view, "Person 042") || strings.Contains(view, "Person 041") || !strings.Contains(view, `find "042"`) {
		t.Errorf("find 042:\n%s", view)
	}
	roomPress(t, r, "esc")
	if view := ansi.Strip(r.View()); !strings.Contains(view, "of 300 shown") {
		t.Errorf("esc does not clear the find:\n%s", view)
	}

	// Sorted by name (from status: team, joined, name), then by team.
	roomPress(t, r, "s", "s", "s", "home")
	if view := ansi.Strip(r.View()); !strings.Contains(conLine(view, "›"), "Maria") {
		t.Errorf("name sort does not start with Maria:\n%s", view)
	}
	roomPress(t, r, "s", "s", "end")
	if view := ansi.Strip(r.View()); !strings.Contains(conLine(view, "›"), "A team wi") || !strings.Contains(view, "sorted by team") {
		t.Errorf("team sort does not end with the last team:\n%s", view)
	}
}

// Self-paced, the roster has a step column with each person's own step.
func TestRosterShowsOwnStepsWhenSelfPaced(t *testing.T) {
	s := bigRoster(conModule(t), 3)
	s.Cohort.Pace = session.PaceSelf
	s.Roster[1].Step = 4
	r := snapshotRoom(s, 80, 23)
	view := conFits(t, "self-paced roster", r.View(), 80, 23)
	if !strings.Contains(view, "STEP") || !strings.Contains(conLine(view, "Person 002"), "step 5") || !strings.Contains(conLine(view, "Person 001"), "step 1") {
		t.Errorf("self-paced roster:\n%s", view)
	}
}

// Every view of the room, with everything switched on, fits windows from the smallest the
// app draws in to large ones, in plain text.
func TestRoomViewsFitEveryWindow(t *testing.T) {
	s := bigRoster(conModule(t), 40)
	now := time.Now()
	s.Cohort.Live = session.Live{
		Locked:       []string{"recall"},
		Timer:        &session.Timer{Total: 3 * time.Minute, EndsAt: now.Add(2*time.Minute + 30*time.Second)},
		Announcement: &session.Announcement{Text: strings.Repeat("Back at 10:30, bring your notes. ", 5), By: "fran", At: now},
		Spotlight:    &session.Spotlight{StepID: "recall", Title: "An answer", Text: "Long wait", By: "fran", At: now},
	}
	for _, size := range [][2]int{{40, 11}, {52, 15}, {80, 23}, {120, 39}} {
		w, h := size[0], size[1]
		for tab := range tabCount {
			r := snapshotRoom(s, w, h)
			r.tab = tab
			r.wall.step = "recall"
			r.wall.entries = []session.WallEntry{{Key: "p1", Author: "Person 001", Status: session.StatusSubmitted, At: now, Text: strings.Repeat("A very long answer that wraps. ", 20)}}
			r.events.list = []session.Event{{At: now, Actor: "fran", Action: "timer", Detail: "started 3m"}, {At: now, Actor: "gil", Action: "announce", Detail: strings.Repeat("x", 300)}}
			view := conFits(t, fmt.Sprintf("%s view", r.tabName(tab)), r.View(), w, h)
			for _, want := range []string{"Code K7MQ2P", "⏱ 02:30", "Step 2 of 6"} {
				if !strings.Contains(view, want) {
					t.Errorf("%s view at %d×%d does not show %q:\n%s", r.tabName(tab), w, h, want, view)
				}
			}
		}
		r := snapshotRoom(s, w, h)
		roomPress(t, r, "a")
		conFits(t, "announcement prompt", r.View(), w, h)
		roomPress(t, r, "esc", "c")
		if view := conFits(t, "join card", r.View(), w, h); !strings.Contains(view, "ssh -p 2222 K7MQ2P@localhost") {
			t.Errorf("join card at %d×%d has no ssh line:\n%s", w, h, view)
		}
	}
}

// The timer reads the way participants see it: counting, paused, and at zero.
func TestRoomTimerText(t *testing.T) {
	s := bigRoster(conModule(t), 1)
	r := snapshotRoom(s, 80, 23)
	s.Cohort.Live.Timer = &session.Timer{Total: 5 * time.Minute, Paused: true, Left: 4*time.Minute + 1500*time.Millisecond}
	if got := ansi.Strip(r.timerText()); got != "⏸ 04:02" {
		t.Errorf("paused timer %q", got)
	}
	s.Cohort.Live.Timer = &session.Timer{Total: 5 * time.Minute, EndsAt: r.now.Add(-time.Second)}
	if got := ansi.Strip(r.timerText()); got != "⏱ 00:00 Time is up" {
		t.Errorf("timer at zero %q", got)
	}
}

// conRunner drives a room on a real hub: commands run in goroutines and their messages come
// back to the test's goroutine, which alone calls Update, as Bubble Tea's loop does.
type conRunner struct {
	t    *testing.T
	r    *cohortRoom
	hub  *session.Hub
	msgs chan tea.Msg
	ctx  context.Context
}

func newConRunner(t *testing.T) *conRunner {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	env := testenv.New(t, testenv.Modules(t))
	m := env.Manager
	h, _ := env.Cohort(t, session.NewCohort{ModuleID: "facilitation", Name: "Thursday"})
	testenv.Join(t, h, "Ana", "Bea")
	sub, err := h.Subscribe(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(sub.Close)
	st := NewStyles(true, colorprofile.Ascii)
	x := &conRunner{t: t, hub: h, msgs: make(chan tea.Msg, 64), ctx: ctx}
	x.r = newCohortRoom(newCommon(conDeps(ctx, m), &st, nil), h, sub)
	x.r.Resize(80, 23)
	x.run(x.r.Init())
	// Cleanups run last-registered first: stop the commands still running before the store
	// under them closes.
	t.Cleanup(cancel)
	return x
}

func (x *conRunner) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	go func() {
		if msg := cmd(); msg != nil {
			select {
			case x.msgs <- msg:
			case <-x.ctx.Done():
			}
		}
	}()
}

func (x *conRunner) send(msg tea.Msg) {
	if batch, ok := msg.(tea.BatchMsg); ok {
		for _, c := range batch {
			x.run(c)
		}
		return
	}
	_, cmd := x.r.Update(msg)
	x.run(cmd)
}

func (x *conRunner) press(keys ...string) {
	for _, k := range keys {
		x.send(conKey(k))
	}
}

// until handles messages until ok holds, failing after a bounded time.
func (x *conRunner) until(what string, ok func(s *session.Snapshot) bool) {
	x.t.Helper()
	deadline := time.After(5 * time.Second)
	// The room's own snapshot is what the next key acts on, so wait for it, not only the hub.
	for !ok(x.hub.Snapshot()) || !ok(x.r.snap) {
		select {
		case msg := <-x.msgs:
			x.send(msg)
		case <-deadline:
			x.t.Fatalf("%s never happened; the room shows:\n%s", what, ansi.Strip(x.r.View()))
		}
	}
}

// Keys act through the hub, and a key typed into a prompt is text, never an action.
func TestRoomKeysActThroughTheHub(t *testing.T) {
	x := newConRunner(t)
	x.press("n")
	x.until("moving to step 2", func(s *session.Snapshot) bool { return s.Cohort.Step == 1 })
	x.press("u")
	x.until("undoing the move", func(s *session.Snapshot) bool { return s.Cohort.Step == 0 })
	x.press("u")
	x.until("redoing the move", func(s *session.Snapshot) bool { return s.Cohort.Step == 1 })
	x.press("L")
	x.until("locking step 2", func(s *session.Snapshot) bool { return s.Cohort.Live.IsLocked("recall") })

	x.press("t", "enter")
	x.until("a timer of the step's time box", func(s *session.Snapshot) bool {
		return s.Cohort.Live.Timer != nil && s.Cohort.Live.Timer.Total == 3*time.Minute
	})
	x.press("space")
	x.until("pausing the timer", func(s *session.Snapshot) bool { return s.Cohort.Live.Timer.Paused })
	x.press("+")
	x.until("adding a minute", func(s *session.Snapshot) bool { return s.Cohort.Live.Timer.Total == 4*time.Minute })

	// "n" and "u" typed into the announcement are text.
	x.press("a", "n", "u", "m", "space", "9", "enter")
	x.until("the announcement", func(s *session.Snapshot) bool {
		return s.Cohort.Live.Announcement != nil && s.Cohort.Live.Announcement.Text == "num 9"
	})
	if s := x.hub.Snapshot(); s.Cohort.Step != 1 || s.Cohort.Pace != session.PaceLed {
		t.Errorf("keys typed into the announcement acted: step %d, pace %s", s.Cohort.Step+1, s.Cohort.Pace)
	}
	x.press("m")
	x.until("switching to self-paced", func(s *session.Snapshot) bool { return s.Cohort.Pace == session.PaceSelf })

	// Teams split from the teams view, with a question before replacing them.
	x.press("4", "s", "2", "enter")
	x.until("two teams", func(s *session.Snapshot) bool { return len(s.Teams) == 2 })
	first := x.hub.Snapshot().Teams[0].ID
	x.press("s", "1", "enter")
	if !strings.Contains(ansi.Strip(x.r.View()), "Replace the 2 teams") {
		t.Fatalf("no question before replacing teams:\n%s", ansi.Strip(x.r.View()))
	}
	x.press("n")
	x.press("s", "1", "enter", "y")
	x.until("one team replacing them", func(s *session.Snapshot) bool { return len(s.Teams) == 1 && s.Teams[0].ID != first })

	// The recent actions strip shows what was done, by whom.
	x.until("the timeline reaching the strip", func(*session.Snapshot) bool {
		return strings.Contains(ansi.Strip(x.r.View()), "fran teams")
	})
}

// The list of cohorts shows active ones with their module, people and step; archived ones on
// request.
func TestConsoleListsCohorts(t *testing.T) {
	ctx := context.Background()
	x := newConRunner(t)
	m := x.r.deps.Manager
	other, err := m.CreateCohort(ctx, session.NewCohort{ModuleID: "facilitation", Name: "Finished group", By: session.ShellActor("test")})
	if err != nil {
		t.Fatal(err)
	}
	h, _ := m.Hub(ctx, other.ID)
	if err := h.Archive(ctx, session.ShellActor("fran")); err != nil {
		t.Fatal(err)
	}
	st := NewStyles(true, colorprofile.Ascii)
	c := newConsole(newCommon(x.r.deps, &st, nil))
	c.Resize(80, 23)
	list, err := m.CohortOverview(ctx, session.ShellActor("fran"))
	if err != nil {
		t.Fatal(err)
	}
	c.Update(cohortsMsg{cohorts: list})
	view := conFits(t, "cohort list", c.View(), 80, 23)
	if row := conLine(view, "Thursday"); !strings.Contains(row, "Running a live coh") || !strings.Contains(row, " 2 ") || !strings.Contains(row, "1/6") {
		t.Errorf("cohort row %q", row)
	}
	if strings.Contains(view, "Finished group") || !strings.Contains(view, "Join: ssh -p 2222") {
		t.Errorf("cohort list:\n%s", view)
	}
	if !strings.Contains(strings.Join(strings.Fields(view), " "), "created by test") {
		t.Errorf("the selected cohort's details are cut before who created it:\n%s", view)
	}
	c.Update(conKey("A"))
	if view := ansi.Strip(c.View()); !strings.Contains(view, "(archived) Finishe") {
		t.Errorf("archived cohorts not shown on A:\n%s", view)
	}
	conFits(t, "narrow cohort list", func() string { c.Resize(40, 11); return c.View() }(), 40, 11)
}

func TestParseTeamPlan(t *testing.T) {
	for in, want := range map[string]session.TeamPlan{
		"5": {Count: 5}, "5 teams": {Count: 5}, "size 4": {Size: 4}, "teams of 3": {Size: 3},
		"5 hand": {Count: 5, ByHand: true}, "size 2 by hand": {Size: 2, ByHand: true},
	} {
		if got, err := parseTeamPlan(in); err != nil || got != want {
			t.Errorf("%q: %+v %v, want %+v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "hand", "size", "five", "0", "-2"} {
		if _, err := parseTeamPlan(in); err == nil {
			t.Errorf("%q accepted", in)
		}
	}
}

// Every character a join code can hold has a block letter, all the same size.
func TestBigCodeCoversTheAlphabet(t *testing.T) {
	for _, r := range session.CodeAlphabet {
		g, ok := bigGlyphs[r]
		if !ok {
			t.Errorf("no block letter for %q", r)
			continue
		}
		for _, row := range g {
			if len([]rune(row)) != 5 {
				t.Errorf("block letter %q has a row of %d cells", r, len([]rune(row)))
			}
		}
	}
	if rows := bigCode("K7MQ2P", 80); len(rows) != 5 || ansi.StringWidth(rows[0]) != 42 {
		t.Errorf("big code rows %q", rows)
	}
	if bigCode("K7MQ2P", 30) != nil {
		t.Error("big code drawn wider than the window")
	}
}

// lineWith returns the first line of s containing text, or "".
func conLine(s, text string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, text) {
			return l
		}
	}
	return ""
}

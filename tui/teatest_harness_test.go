package tui

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"
	"github.com/charmbracelet/x/vt"

	"workshop/internal/testenv/keypress"
	"workshop/session"
	"workshop/session/work"
	"workshop/tui/ui/uitest"
)

// teaWait bounds every wait for a screen; a passing test never comes near it.
const teaWait = 10 * time.Second

// teaSession is one participant's whole app running as a real Bubble Tea program (teatest),
// in a terminal without colour. What the program writes is played into a terminal emulator,
// so a test reads the screen the participant would see, whatever the renderer chose to redraw.
type teaSession struct {
	t    *testing.T
	tm   *teatest.TestModel
	emu  *vt.Emulator
	hub  *session.Hub
	me   session.Participant
	w, h int
	done bool
}

// startTea opens the app of participant p in a w×h terminal. The participant comes back with
// their personal rejoin code as the SSH user name, so the lobby takes them straight to the
// cohort's current step.
func startTea(t *testing.T, m *session.Manager, h *session.Hub, p session.Participant, w, hgt int) *teaSession {
	t.Helper()
	if p.RejoinCode == "" {
		t.Fatal("startTea needs a keyless participant with a rejoin code")
	}
	return startTeaApp(t, m, h, p, p.RejoinCode, w, hgt)
}

// startTeaApp runs the app for an SSH user name (a join code, a rejoin code or anything else).
func startTeaApp(t *testing.T, m *session.Manager, h *session.Hub, p session.Participant, user string, w, hgt int) *teaSession {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	conn := &Conn{}
	deps := &Deps{
		Ctx:      ctx,
		Manager:  m,
		Identity: session.Identity{},
		User:     user,
		Conn:     conn,
		Log:      slog.New(slog.DiscardHandler),
	}
	s := &teaSession{t: t, emu: vt.NewEmulator(w, hgt), hub: h, me: p, w: w, h: hgt}
	// The emulator answers the program's terminal queries; nobody sends the answers back, but
	// they must be read or the emulator blocks.
	go func() { _, _ = io.Copy(io.Discard, s.emu) }()
	s.tm = teatest.NewTestModel(t, NewApp(deps),
		teatest.WithInitialTermSize(w, hgt),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)),
	)
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

// quit ends the program (as ctrl+c would) and waits for it.
func (s *teaSession) quit() {
	if s.done {
		return
	}
	s.done = true
	_ = s.tm.Quit()
	s.tm.WaitFinished(s.t, teatest.WithFinalTimeout(teaWait))
}

// final ends the program and returns its last model.
func (s *teaSession) final() App {
	s.t.Helper()
	s.quit()
	a, ok := s.tm.FinalModel(s.t, teatest.WithFinalTimeout(teaWait)).(App)
	if !ok {
		s.t.Fatal("the final model is not the app")
	}
	return a
}

// finalScreen ends the program and returns its last frame as plain text, after checking that
// the frame fills the window exactly and no line is wider than the window.
func (s *teaSession) finalScreen() string {
	s.t.Helper()
	a := s.final()
	return uitest.CheckFits(s.t, a.render(), s.w, s.h)
}

// feed plays program output into the emulator. The program writes for a terminal that turns
// a newline into carriage return and newline, as a pty does.
func (s *teaSession) feed(p []byte) {
	if len(p) == 0 {
		return
	}
	_, _ = s.emu.Write([]byte(strings.ReplaceAll(string(p), "\n", "\r\n")))
}

// waitTB reports a wait that failed with the screen as it stood, not the raw output.
type waitTB struct {
	testing.TB
	what   string
	screen func() string
}

func (w waitTB) Fatal(...any) {
	w.Helper()
	w.Fatalf("screen never showed %s; it shows:\n%s", w.what, w.screen())
}

// waitUntil waits until the screen satisfies ok, and returns it.
func (s *teaSession) waitUntil(what string, ok func(screen string) bool) string {
	s.t.Helper()
	var screen string
	fed := 0
	tb := waitTB{TB: s.t, what: what, screen: func() string { return screen }}
	teatest.WaitFor(tb, s.tm.Output(), func(b []byte) bool {
		s.feed(b[fed:])
		fed = len(b)
		screen = s.emu.String()
		return ok(screen)
	}, teatest.WithDuration(teaWait), teatest.WithCheckInterval(5*time.Millisecond))
	return screen
}

// waitFor waits until the screen shows every one of texts.
func (s *teaSession) waitFor(texts ...string) string {
	s.t.Helper()
	return s.waitUntil(quoteAll(texts), func(screen string) bool {
		for _, want := range texts {
			if !strings.Contains(screen, want) {
				return false
			}
		}
		return true
	})
}

// waitGone waits until the screen no longer shows text.
func (s *teaSession) waitGone(text string) string {
	s.t.Helper()
	return s.waitUntil("no "+quoteAll([]string{text}), func(screen string) bool {
		return !strings.Contains(screen, text)
	})
}

func quoteAll(texts []string) string {
	q := make([]string, len(texts))
	for i, s := range texts {
		q[i] = "“" + s + "”"
	}
	return strings.Join(q, ", ")
}

// keys presses keys by name: "a", "K", "enter", "esc", "ctrl+s", "shift+up", "space"…
func (s *teaSession) keys(names ...string) {
	for _, n := range names {
		s.tm.Send(keypress.Named(n))
	}
}

// typeText types text one key at a time.
func (s *teaSession) typeText(text string) { s.tm.Type(text) }

// paste sends text as a bracketed paste.
func (s *teaSession) paste(text string) { s.tm.Send(tea.PasteMsg{Content: text}) }

// work reads the participant's own stored work on a step back from the hub.
func (s *teaSession) work(stepID string) session.Artifact {
	s.t.Helper()
	a, found, err := s.hub.Work(context.Background(), s.me.ID, stepID)
	if err != nil {
		s.t.Fatal(err)
	}
	if !found {
		s.t.Fatalf("nothing stored for step %s", stepID)
	}
	return a
}

// decoded reads the participant's own stored work on a step and decodes it.
func (s *teaSession) decoded(stepID string) (any, session.Status) {
	s.t.Helper()
	a := s.work(stepID)
	ex := s.hub.Module().Steps[s.hub.Module().StepIndex(stepID)].Exercise
	v, err := work.Decode(ex, a.Schema, a.Data)
	if err != nil {
		s.t.Fatal(err)
	}
	return v, a.Status
}

// board reads the shared board the participant works on for a step back from the hub.
func (s *teaSession) board(stepID string) (any, string) {
	s.t.Helper()
	v, owner, err := s.hub.Board(context.Background(), s.me.ID, stepID)
	if err != nil {
		s.t.Fatal(err)
	}
	return v, owner
}

// teaCohort starts the cohort with every exercise kind over a real store, joins the people
// keyless (each gets a rejoin code) and moves the group to the step.
func teaCohort(t *testing.T, stepID string, names ...string) (*session.Manager, *session.Hub, []session.Participant) {
	t.Helper()
	m, h, ps := exercisesCohort(t, session.PaceLed, names...)
	if i := stepIndex(h, stepID); i < 0 {
		t.Fatalf("no step %s", stepID)
	} else if err := h.Move(context.Background(), session.ShellActor("fran"), i); err != nil {
		t.Fatal(err)
	}
	return m, h, ps
}

// splitIntoOneTeam puts everyone in one team, "Team 1".
func splitIntoOneTeam(t *testing.T, h *session.Hub) {
	t.Helper()
	if _, err := h.SplitTeams(context.Background(), session.ShellActor("fran"), session.TeamPlan{Count: 1}); err != nil {
		t.Fatal(err)
	}
}

// lineWith returns the first line of screen that contains text.
func lineWith(screen, text string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, text) {
			return l
		}
	}
	return ""
}

// seedIdeas stores a submitted list on the "ideas" step for each participant, so the vote and
// matrix steps that draw on it have items; lists[i] belongs to ps[i].
func seedIdeas(t *testing.T, h *session.Hub, ps []session.Participant, lists ...[]string) {
	t.Helper()
	for i, texts := range lists {
		l := &work.List{Items: []work.Item{}}
		for j, text := range texts {
			l.Add(work.Item{ID: fmt.Sprintf("p%di%d", i+1, j+1), Text: text, By: ps[i].ID})
		}
		data, err := work.Encode(l)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := h.SaveCountedWork(context.Background(), ps[i].ID, "ideas", work.Schema, data, true); err != nil {
			t.Fatal(err)
		}
	}
}

// addToBoard adds an item to the board participant p works on for a step, as p's own screen
// would.
func addToBoard(t *testing.T, h *session.Hub, p session.Participant, stepID, text string) string {
	t.Helper()
	id := work.NewID()
	_, err := h.UpdateBoard(context.Background(), p.ID, stepID, func(v any) error {
		v.(*work.List).Add(work.Item{ID: id, Text: text, By: p.ID})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// waitBoard waits until the shared board the participant works on for a step satisfies ok,
// looking again after every change the hub publishes. A board change shows on the screen
// before the hub has stored it, so tests read the board back this way.
func (s *teaSession) waitBoard(stepID, what string, ok func(v any) bool) any {
	s.t.Helper()
	sub, err := s.hub.Subscribe(context.Background(), 0)
	if err != nil {
		s.t.Fatal(err)
	}
	defer sub.Close()
	deadline := time.After(teaWait)
	for {
		v, _ := s.board(stepID)
		if ok(v) {
			return v
		}
		select {
		case <-sub.Updates():
		case <-deadline:
			s.t.Fatalf("the board of %s never held %s; it holds %+v", stepID, what, v)
		}
	}
}

package tui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"workshop/i18n"
	"workshop/internal/testenv"
	"workshop/internal/testenv/keypress"
	"workshop/session"
	"workshop/tui/ui/uitest"
)

// exercisesCohort starts a cohort on the module with every exercise kind (the one the
// end-to-end tests use), over a real store, and joins the given people.
func exercisesCohort(t *testing.T, pace session.Pace, names ...string) (*session.Manager, *session.Hub, []session.Participant) {
	t.Helper()
	return exercisesCohortOn(t, nil, pace, names...)
}

// exercisesCohortOn is exercisesCohort over the real store as wrap returns it (nil: as it is).
func exercisesCohortOn(t *testing.T, wrap func(session.Store) session.Store, pace session.Pace, names ...string) (*session.Manager, *session.Hub, []session.Participant) {
	t.Helper()
	var opts []testenv.Option
	if wrap != nil {
		opts = append(opts, testenv.WithStore(wrap))
	}
	env := testenv.New(t, testenv.Modules(t), opts...)
	h, _ := env.Cohort(t, session.NewCohort{ModuleID: "e2e-exercises", Name: "Tuesday", Pace: pace})
	return env.Manager, h, testenv.Join(t, h, names...)
}

// appRunner runs a participant's whole app (screen, help line, size checks) without a
// terminal: commands run in goroutines and their messages come back to the test's goroutine,
// which alone calls Update and View, as Bubble Tea's loop does.
type appRunner struct {
	t    *testing.T
	app  tea.Model
	msgs chan tea.Msg
	ctx  context.Context
	w, h int
}

// openParticipant opens the participant screen of p in an app of w×h.
func openParticipant(t *testing.T, m *session.Manager, h *session.Hub, p session.Participant, w, hgt int) *appRunner {
	t.Helper()
	return openParticipantIn(t, m, h, p, w, hgt, nil)
}

// openParticipantIn is openParticipant speaking the printer's language (English for nil).
func openParticipantIn(t *testing.T, m *session.Manager, h *session.Hub, p session.Participant, w, hgt int, pr *i18n.Printer) *appRunner {
	t.Helper()
	return openParticipantWith(t, m, h, p, w, hgt, pr, uitest.Styles())
}

// openParticipantWith is openParticipantIn drawing in the styles st, through the render cache
// they carry (none when st.Cache is nil).
func openParticipantWith(t *testing.T, m *session.Manager, h *session.Hub, p session.Participant, w, hgt int, pr *i18n.Printer, st *Styles) *appRunner {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	conn := &Conn{}
	t.Cleanup(conn.Close)
	deps := &Deps{Ctx: ctx, Manager: m, Conn: conn, Render: st.Cache}
	sub, err := h.Subscribe(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	conn.Track(sub)
	com := newCommon(deps, st, pr)
	pv := newParticipantView(com, h, sub, p)
	pv.env.Typing = 0
	a := App{Common: com, help: newHelp(), width: w, height: hgt, screen: pv}
	a.help.SetWidth(w)
	a.screen = pv.Resize(a.bodySize())
	r := &appRunner{t: t, app: a, msgs: make(chan tea.Msg, 64), ctx: ctx, w: w, h: hgt}
	r.run(pv.Init())
	return r
}

func (r *appRunner) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	go func() {
		msg := cmd()
		if msg == nil {
			return
		}
		select {
		case r.msgs <- msg:
		case <-r.ctx.Done():
		}
	}()
}

func (r *appRunner) handle(msg tea.Msg) {
	if b, ok := msg.(tea.BatchMsg); ok {
		for _, c := range b {
			r.run(c)
		}
		return
	}
	var cmd tea.Cmd
	r.app, cmd = r.app.Update(msg)
	r.run(cmd)
}

func (r *appRunner) keys(names ...string) {
	for _, n := range names {
		r.handle(keypress.Named(n))
	}
}

func (r *appRunner) typeText(s string) {
	for _, k := range keypress.Typed(s) {
		r.handle(k)
	}
}

func (r *appRunner) resize(w, h int) {
	r.w, r.h = w, h
	r.handle(tea.WindowSizeMsg{Width: w, Height: h})
}

// screen draws the app, checks that the frame fits the window, and returns its text.
func (r *appRunner) screen() string {
	r.t.Helper()
	return uitest.CheckFits(r.t, r.app.(App).render(), r.w, r.h)
}

// waitFor handles messages until the screen shows every text.
func (r *appRunner) waitFor(texts ...string) string {
	r.t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		s := ansi.Strip(r.app.(App).render())
		missing := ""
		for _, want := range texts {
			if !strings.Contains(s, want) {
				missing = want
				break
			}
		}
		if missing == "" {
			return s
		}
		select {
		case msg := <-r.msgs:
			r.handle(msg)
		case <-deadline:
			r.t.Fatalf("screen never showed %q; it shows:\n%s", missing, s)
		}
	}
}

// waitGone handles messages until the screen no longer shows text.
func (r *appRunner) waitGone(text string) string {
	r.t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		s := ansi.Strip(r.app.(App).render())
		if !strings.Contains(s, text) {
			return s
		}
		select {
		case msg := <-r.msgs:
			r.handle(msg)
		case <-deadline:
			r.t.Fatalf("screen still shows %q:\n%s", text, s)
		}
	}
}

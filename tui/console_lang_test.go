package tui

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"workshop/i18n"
	"workshop/internal/testenv"
	"workshop/session"
	"workshop/session/work"
)

// everySize is the body of an 80×24 and of a 40×12 window: the app keeps the last line for
// its help.
var everySize = [][2]int{{80, 23}, {40, 11}}

// strictCommon is a session's Common in l, with every message missing from l's catalogs
// marked ⟦…⟧.
func strictCommon(l i18n.Lang, deps *Deps) *Common {
	st := NewStyles(true, colorprofile.Ascii)
	return newCommon(deps, &st, i18n.Strict(l))
}

// seeIn fails when a drawing has untranslated text, a line wider than w or more than h lines,
// and returns its text.
func seeIn(t *testing.T, l i18n.Lang, what, view string, w, h int) string {
	t.Helper()
	s := ansi.Strip(strings.TrimSuffix(view, "\n"))
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		t.Errorf("%s, %s: %d lines at %d×%d:\n%s", l, what, len(lines), w, h, s)
	}
	for i, line := range lines {
		if n := cellWidth(line); n > w {
			t.Errorf("%s, %s: line %d is %d cells wide at %d×%d: %q", l, what, i+1, n, w, h, line)
		}
	}
	if strings.Contains(s, "⟦") {
		t.Errorf("%s, %s at %d×%d shows untranslated text:\n%s", l, what, w, h, s)
	}
	return s
}

// helpIn fails when a key in a screen's help is labelled with untranslated text.
func helpIn(t *testing.T, l i18n.Lang, what string, sc screen) {
	t.Helper()
	for _, group := range append(sc.FullHelp(), sc.ShortHelp()) {
		for _, b := range group {
			if h := b.Help(); strings.Contains(h.Key+h.Desc, "⟦") {
				t.Errorf("%s, %s: the help labels a key %q %q", l, what, h.Key, h.Desc)
			}
		}
	}
}

// spot fails unless a Portuguese drawing shows each of words.
func spot(t *testing.T, l i18n.Lang, what, view string, words ...string) {
	t.Helper()
	if l != i18n.Portuguese {
		return
	}
	flat := strings.Join(strings.Fields(view), " ")
	for _, w := range words {
		if !strings.Contains(flat, w) {
			t.Errorf("pt-BR, %s does not show %q:\n%s", what, w, view)
		}
	}
}

// The cohort list in every language and window: loading, the list with its details, the
// archive question and its answer, archived cohorts shown, and no cohort at all.
func TestEveryLanguageConsoleList(t *testing.T) {
	ctx := context.Background()
	env := testenv.New(t, testenv.Modules(t))
	m := env.Manager
	env.Cohort(t, session.NewCohort{ModuleID: "facilitation", Name: "Thursday", By: session.ShellActor("fran")})
	_, old := env.Cohort(t, session.NewCohort{ModuleID: "facilitation", Name: "Finished group", By: session.ShellActor("fran")})
	h, err := m.Hub(ctx, old.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := h.Archive(ctx, session.ShellActor("fran")); err != nil {
		t.Fatal(err)
	}
	list, err := m.CohortOverview(ctx, session.ShellActor("fran"))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range i18n.Languages {
		for _, size := range everySize {
			w, h := size[0], size[1]
			c := newConsole(strictCommon(l, conDeps(ctx, m)))
			c.Resize(w, h)
			seeIn(t, l, "loading list", c.View(), w, h)
			c.Update(cohortsMsg{cohorts: list})
			v := seeIn(t, l, "cohort list", c.View(), w, h)
			if head := strings.Split(v, "\n")[2]; strings.Contains(head, "…") {
				t.Errorf("%s: the cohort list's headings are cut at %d×%d: %q", l, w, h, head)
			}
			spot(t, l, "the cohort list", v, "console de facilitação", "TURMA")
			helpIn(t, l, "cohort list", c)
			c.Update(conKey("a"))
			v = seeIn(t, l, "archive question", c.View(), w, h)
			spot(t, l, "the archive question", v, "Arquivar")
			c.Update(conKey("n"))
			seeIn(t, l, "nothing archived", c.View(), w, h)
			c.Update(conKey("A"))
			v = seeIn(t, l, "archived shown", c.View(), w, h)
			spot(t, l, "the archived cohorts", v, "(arquivada)")
			c.Update(archivedMsg{code: old.Code, archived: true})
			seeIn(t, l, "archived note", c.View(), w, h)
			c.Update(cohortsMsg{cohorts: list[:0]})
			seeIn(t, l, "no cohorts", c.View(), w, h)
			c.Update(cohortsMsg{cohorts: []session.CohortInfo{list[len(list)-1]}})
			c.showArchived = false
			seeIn(t, l, "archived only", c.View(), w, h)
		}
	}
}

// Creating a cohort in every language: the modules, naming with the pace, and a name missing.
func TestEveryLanguageConsoleCreate(t *testing.T) {
	env := testenv.New(t, testenv.Modules(t))
	for _, l := range i18n.Languages {
		for _, size := range everySize {
			w, h := size[0], size[1]
			c := newConsoleCreate(strictCommon(l, conDeps(context.Background(), env.Manager)))
			c.Resize(w, h)
			v := seeIn(t, l, "modules", c.View(), w, h)
			spot(t, l, "the modules", v, "Nova turma", "Escolha o módulo")
			helpIn(t, l, "modules", c)
			c.Update(conKey("enter"))
			v = seeIn(t, l, "naming", c.View(), w, h)
			spot(t, l, "naming", v, "Nome ›", "Ritmo:")
			helpIn(t, l, "naming", c)
			c.Update(conKey("enter"))
			v = seeIn(t, l, "no name", c.View(), w, h)
			spot(t, l, "no name", v, "Digite um nome")
			c.busy = true
			seeIn(t, l, "creating", c.View(), w, h)
		}
	}
}

// The join card and the revoked notice in every language.
func TestEveryLanguageConsoleCardAndRevoked(t *testing.T) {
	co := session.Cohort{ID: 1, Name: "Tuesday group", Code: "K7MQ2P"}
	for _, l := range i18n.Languages {
		for _, size := range everySize {
			w, h := size[0], size[1]
			deps := conDeps(context.Background(), nil)
			deps.Hint.Fingerprint = "SHA256:4u5n0bD2Xo8Qm0r1Yd0G4m3m6e0pQe1p2c9vI4yq3kE"
			com := strictCommon(l, deps)
			j := newJoinCard(com, co, true)
			j.Resize(w, h)
			v := seeIn(t, l, "join card", j.View(), w, h)
			spot(t, l, "the join card", v, "Código da turma")
			helpIn(t, l, "join card", j)
			j.err = com.T("Could not open the cohort: %s", "x")
			seeIn(t, l, "join card refusal", j.View(), w, h)

			v = seeIn(t, l, "revoked", (&revoked{Common: com, width: w, height: h}).View(), w, h)
			spot(t, l, "the revoked notice", v, "Sua chave de facilitação foi removida")
			helpIn(t, l, "revoked", &revoked{Common: com})
		}
	}
}

// roomCase is one state of the room to draw.
type roomCase struct {
	name string
	prep func(r *cohortRoom)
	pt   []string // words the Portuguese drawing shows, where both windows show them
}

// roomCases are the room's views and states: every tab, every prompt, questions, outcomes,
// the wall of each kind of step, meetings and the timer's states.
func roomCases(t *testing.T) []roomCase {
	meetings, ok := testenv.Modules(t).Get("e2e-meetings")
	if !ok {
		t.Fatal("no meetings module")
	}
	now := time.Now()
	onStep := func(r *cohortRoom, i int) {
		r.snap.Cohort.Step = i
		r.wall.step = r.snap.Module.Steps[i].ID
	}
	cases := []roomCase{
		{name: "roster", prep: func(r *cohortRoom) {}, pt: []string{"Código K7MQ2P", "Etapa 2 de 6", "Lista"}},
		{name: "roster self-paced", prep: func(r *cohortRoom) { r.snap.Cohort.Pace = session.PaceSelf }},
		{name: "roster of nobody", prep: func(r *cohortRoom) { r.snap.Roster = nil }, pt: []string{"Ninguém entrou ainda"}},
		{name: "roster finding no one", prep: func(r *cohortRoom) { r.roster.query, r.roster.filter = "zzz", showOffline }},
		{name: "hands", prep: func(r *cohortRoom) { r.tab = tabHands }, pt: []string{"Mãos"}},
		{name: "no hands", prep: func(r *cohortRoom) {
			r.tab = tabHands
			for i := range r.snap.Roster {
				r.snap.Roster[i].Hand = nil
			}
		}, pt: []string{"Nenhuma mão levantada"}},
		{name: "wall", prep: func(r *cohortRoom) { r.tab = tabWall }, pt: []string{"Mural"}},
		{name: "wall without drafts", prep: func(r *cohortRoom) { r.tab, r.wall.drafts = tabWall, false }},
		{name: "wall loading", prep: func(r *cohortRoom) { r.tab, r.wall.step = tabWall, "" }},
		{name: "wall of another step", prep: func(r *cohortRoom) { r.tab, r.wall.view, r.wall.step = tabWall, "barriers", "barriers" }},
		{name: "wall of no exercise", prep: func(r *cohortRoom) { r.tab = tabWall; onStep(r, 0) }},
		{name: "wall anonymous", prep: func(r *cohortRoom) {
			r.tab = tabWall
			onStep(r, 2)
			r.wall.entries = []session.WallEntry{{Key: "pool", Text: "a\nb"}, {Key: "i1", Text: "a"}, {Key: "i2", Text: "b"}}
		}},
		{name: "wall of teams", prep: func(r *cohortRoom) {
			r.tab = tabWall
			onStep(r, 3)
			r.wall.entries = []session.WallEntry{{Key: "t2", Team: "Blue", Text: "queues"}}
		}},
		{name: "vote tally", prep: func(r *cohortRoom) {
			r.tab = tabWall
			onStep(r, 4)
			r.wall.tally = []work.Tally{{Item: work.Item{ID: "1", Text: "Long queues"}, Dots: 4}, {Item: work.Item{ID: "2", Text: "Lost forms"}, Dots: 1}}
		}},
		{name: "vote closed and shown", prep: func(r *cohortRoom) {
			r.tab = tabWall
			onStep(r, 4)
			r.snap.Cohort.Live.Votes = map[string]session.VoteState{"dots": {Closed: true, Revealed: true}}
		}},
		{name: "teams", prep: func(r *cohortRoom) { r.tab = tabTeams }, pt: []string{"Equipes"}},
		{name: "teams on a team step", prep: func(r *cohortRoom) { r.tab = tabTeams; onStep(r, 3) }},
		{name: "no teams", prep: func(r *cohortRoom) {
			r.tab, r.snap.Teams = tabTeams, nil
			for i := range r.snap.Roster {
				r.snap.Roster[i].TeamID = 0
			}
		}, pt: []string{"Nenhuma equipe ainda"}},
		{name: "steps", prep: func(r *cohortRoom) { r.tab = tabSteps }, pt: []string{"Etapas"}},
		{name: "steps self-paced", prep: func(r *cohortRoom) { r.tab, r.snap.Cohort.Pace = tabSteps, session.PaceSelf }},
		{name: "log", prep: func(r *cohortRoom) { r.tab = tabLog }, pt: []string{"Registro"}},
		{name: "log loading", prep: func(r *cohortRoom) { r.tab, r.events.list = tabLog, nil }},
		{name: "join card", prep: func(r *cohortRoom) { r.showCard = true }},
		{name: "archived", prep: func(r *cohortRoom) { r.snap.Cohort.ArchivedAt = now }},
		{name: "timer paused", prep: func(r *cohortRoom) {
			r.snap.Cohort.Live.Timer = &session.Timer{Total: time.Minute, Paused: true, Left: time.Minute}
		}},
		{name: "time is up", prep: func(r *cohortRoom) {
			r.snap.Cohort.Live.Timer = &session.Timer{Total: time.Minute, EndsAt: now.Add(-time.Second)}
		}},
		{name: "split question", prep: func(r *cohortRoom) { r.submitPrompt(promptSplit, 0, "2") }, pt: []string{"Substituir as 3 equipes"}},
		{name: "cancelled", prep: func(r *cohortRoom) { r.submitPrompt(promptSplit, 0, "2"); r.onKey(conKey("n")) }},
		{name: "not a vote", prep: func(r *cohortRoom) { r.voteKey(conKey("v")) }},
		{name: "no meetings", prep: func(r *cohortRoom) { r.meetingKey() }},
		{name: "no timer", prep: func(r *cohortRoom) { r.snap.Cohort.Live.Timer = nil; r.onKey(conKey("space")) }, pt: []string{"Nenhum cronômetro"}},
		{name: "no report-back", prep: func(r *cohortRoom) { r.tab, r.status = tabWall, r.reportBackKey() }},
		{name: "bad team plan", prep: func(r *cohortRoom) { r.submitPrompt(promptSplit, 0, "lots") }},
		{name: "no time box", prep: func(r *cohortRoom) { onStep(r, 0); r.submitPrompt(promptTimer, 0, "") }},
		{name: "meeting open", prep: func(r *cohortRoom) {
			r.snap.Module = meetings
			r.snap.Cohort.Live.Meetings = []session.MeetingRun{{Number: 1, StartedAt: now}}
		}},
		{name: "ending a meeting", prep: func(r *cohortRoom) {
			r.snap.Module = meetings
			r.snap.Cohort.Live.Meetings = []session.MeetingRun{{Number: 1, StartedAt: now}}
			r.meetingKey()
		}},
		{name: "between meetings", prep: func(r *cohortRoom) {
			r.snap.Module = meetings
			r.snap.Cohort.Live.Meetings = []session.MeetingRun{{Number: 1, StartedAt: now, EndedAt: now}}
		}},
		{name: "every meeting held", prep: func(r *cohortRoom) {
			r.snap.Module = meetings
			r.snap.Cohort.Live.Meetings = []session.MeetingRun{{Number: 1, StartedAt: now, EndedAt: now}, {Number: 2, StartedAt: now, EndedAt: now}}
		}},
	}
	for _, p := range []promptKind{promptJump, promptTimer, promptAnnounce, promptFilter, promptSplit, promptRename, promptMove, promptMessage, promptNote} {
		cases = append(cases, roomCase{name: "prompt", prep: func(r *cohortRoom) {
			target := int64(1)
			r.ask(p, target, "")
		}})
	}
	return cases
}

// Every view and state of the room in every language, at 80×24 and 40×12.
func TestEveryLanguageConsoleRoom(t *testing.T) {
	mod := conModule(t)
	now := time.Now()
	for _, l := range i18n.Languages {
		for _, size := range everySize {
			w, h := size[0], size[1]
			for _, c := range roomCases(t) {
				s := bigRoster(mod, 40)
				s.Cohort.ViewCode = "VW4K7MQ2"
				s.Cohort.Live = session.Live{
					Locked:       []string{"recall"},
					Timer:        &session.Timer{Total: 3 * time.Minute, EndsAt: now.Add(2*time.Minute + 30*time.Second)},
					Announcement: &session.Announcement{Text: "Back at 10:30", By: "fran", At: now},
					Spotlight:    &session.Spotlight{StepID: "recall", Title: "Blue's board", Text: "Long wait", By: "fran", At: now},
				}
				com := strictCommon(l, conDeps(context.Background(), nil))
				r := &cohortRoom{Common: com, ck: newConsoleKeys(com.keys, com.Printer), snap: s, now: now}
				r.wall.drafts, r.wall.step = true, "recall"
				r.wall.entries = []session.WallEntry{
					{Key: "p1", Author: "Person 001", Status: session.StatusSubmitted, At: now, Text: "The form lost my draft"},
					{Key: "p2", Author: "Person 002", Status: session.StatusDraft, At: now, Text: "Queues"},
				}
				r.events.list = []session.Event{{At: now.Add(-48 * time.Hour), Actor: "fran", Action: "timer", Detail: "started 3m"}, {At: now, Actor: "gil", Action: "announce", Detail: "Back at 10:30"}}
				r.Resize(w, h)
				c.prep(r)
				v := seeIn(t, l, c.name, r.View(), w, h)
				spot(t, l, c.name, v, c.pt...)
				helpIn(t, l, c.name, r)
			}
		}
	}
}

// conApp drives an App as Bubble Tea's loop would: commands run in goroutines and their
// messages come back to the test's goroutine, which alone calls Update.
type conApp struct {
	t    *testing.T
	app  tea.Model
	msgs chan tea.Msg
	ctx  context.Context
}

func newConApp(t *testing.T, deps *Deps) *conApp {
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	a := NewApp(deps)
	a.profile = colorprofile.Ascii
	x := &conApp{t: t, app: a, msgs: make(chan tea.Msg, 64), ctx: ctx}
	x.run(a.Init())
	return x
}

func (x *conApp) run(cmd tea.Cmd) {
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

func (x *conApp) send(msg tea.Msg) {
	if batch, ok := msg.(tea.BatchMsg); ok {
		for _, c := range batch {
			x.run(c)
		}
		return
	}
	var cmd tea.Cmd
	x.app, cmd = x.app.Update(msg)
	x.run(cmd)
}

func (x *conApp) view() string { return ansi.Strip(x.app.(App).render()) }

// waitFor handles messages until the screen shows every text, failing after a bounded time.
func (x *conApp) waitFor(texts ...string) {
	x.t.Helper()
	deadline := time.After(5 * time.Second)
	for {
		v := x.view()
		all := true
		for _, s := range texts {
			all = all && strings.Contains(v, s)
		}
		if all {
			return
		}
		select {
		case msg := <-x.msgs:
			x.send(msg)
		case <-deadline:
			x.t.Fatalf("the console never showed %q:\n%s", texts, v)
		}
	}
}

// F3 moves the console to the next language at once and stores the choice: a console opened
// later by the same facilitator starts in it, whatever the terminal says; the cohort list's
// help line names the language in use.
func TestConsoleLanguageKeyIsStored(t *testing.T) {
	env := testenv.New(t, testenv.Modules(t))
	m := env.Manager
	registerKey(t, m, "fran")
	env.Cohort(t, session.NewCohort{ModuleID: "facilitation", Name: "Thursday", By: session.ShellActor("fran")})
	deps := conDeps(context.Background(), m)
	deps.Terminal = []string{"es_MX.UTF-8"}

	x := newConApp(t, deps)
	x.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	x.waitFor("consola de facilitación", "Thursday", "f3 Español")
	x.send(tea.KeyPressMsg{Code: tea.KeyF3})
	x.waitFor("console di facilitazione", "GRUPPO", "f3 Italiano")
	x.stored(m, i18n.Italian)

	// In the room F3 goes on round the languages, and the room keeps its view.
	x.send(tea.KeyPressMsg{Code: tea.KeyEnter, Text: ""})
	x.waitFor("Passo 1 di 6")
	x.send(conKey("5"))
	x.send(tea.KeyPressMsg{Code: tea.KeyF3})
	x.waitFor("Step 1 of 6", "[5 Steps]")

	x.stored(m, i18n.English)

	again := newConApp(t, deps)
	again.send(tea.WindowSizeMsg{Width: 40, Height: 12})
	again.waitFor("facilitator console", "f3 English")
}

// stored handles messages until the facilitator's stored language is want, failing after a
// bounded time.
func (x *conApp) stored(m *session.Manager, want i18n.Lang) {
	x.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		l, err := m.FacilitatorLanguage(context.Background(), "fran")
		if err != nil {
			x.t.Fatal(err)
		}
		if l == want {
			return
		}
		if time.Now().After(deadline) {
			x.t.Fatalf("the choice stored is %q, want %q", l, want)
		}
		select {
		case msg := <-x.msgs:
			x.send(msg)
		case <-time.After(20 * time.Millisecond): // polling the store, not waiting for a screen
		}
	}
}

// langReads counts the reads of facilitators' stored languages.
type langReads struct {
	session.Store
	n atomic.Int32
}

func (s *langReads) FacilitatorLanguage(ctx context.Context, name string) (string, error) {
	s.n.Add(1)
	return s.Store.FacilitatorLanguage(ctx, name)
}

// The stored language is read once, as the session opens: the list shown again after a room
// keeps the language on screen, so a choice made in the room and still being stored is not
// undone by the older one.
func TestConsoleReadsStoredLanguageOnce(t *testing.T) {
	reads := &langReads{}
	env := testenv.New(t, testenv.Modules(t), testenv.WithStore(func(st session.Store) session.Store { reads.Store = st; return reads }))
	m := env.Manager
	registerKey(t, m, "fran")
	if err := m.SetFacilitatorLanguage(context.Background(), "fran", i18n.Portuguese); err != nil {
		t.Fatal(err)
	}
	env.Cohort(t, session.NewCohort{ModuleID: "facilitation", Name: "Thursday", By: session.ShellActor("fran")})
	x := newConApp(t, conDeps(context.Background(), m))
	x.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	x.waitFor("console de facilitação", "Thursday")
	x.send(tea.KeyPressMsg{Code: tea.KeyEnter})
	x.waitFor("Etapa 1 de 6")
	x.send(tea.KeyPressMsg{Code: tea.KeyEscape})
	x.waitFor("console de facilitação", "TURMA")
	if n := reads.n.Load(); n != 1 {
		t.Fatalf("the stored language was read %d times, want once", n)
	}
}

// A room shows the module's step titles in the console's language where the cohort pinned a
// translation: the header and the steps view read Spanish for a Spanish console.
func TestConsoleRoomShowsTheModuleInItsLanguage(t *testing.T) {
	env := testenv.New(t, testenv.Modules(t))
	m := env.Manager
	registerKey(t, m, "fran")
	env.Cohort(t, session.NewCohort{ModuleID: "warmup", Name: "Martes", By: session.ShellActor("fran")})
	deps := conDeps(context.Background(), m)
	deps.Terminal = []string{"es_MX.UTF-8"}

	x := newConApp(t, deps)
	x.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	x.waitFor("Martes")
	x.send(tea.KeyPressMsg{Code: tea.KeyEnter, Text: ""})
	x.waitFor("Paso 1 de 3 — Por qué empezamos")
}

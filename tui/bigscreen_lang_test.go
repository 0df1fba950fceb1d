package tui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"workshop/i18n"
	"workshop/internal/testenv"
	"workshop/session"
	"workshop/tui/ui/uitest"
)

// bigScreens are the big screen's states, each drawn in every language: results of every
// kind, a paused and an elapsed countdown, a meeting over, an empty vote, a waiting body.
func bigScreens(now time.Time) map[string]session.BigScreen {
	full := fullBigScreen(now)
	votes, matrix, paused, over, empty := full, full, full, full, full
	votes.Matrix, matrix.Votes = nil, nil
	paused.Matrix, paused.Votes = nil, []session.VoteBar{}
	paused.Timer = &session.Timer{Total: 5 * time.Minute, Paused: true, Left: 90 * time.Second}
	over.Votes, over.Spotlight = nil, nil
	over.Timer = &session.Timer{Total: 5 * time.Minute, EndsAt: now.Add(-time.Minute)}
	over.Meeting.Open = false
	empty.Votes, empty.Matrix, empty.Spotlight, empty.Timer, empty.Announcement = nil, nil, nil, nil, ""
	return map[string]session.BigScreen{"votes": votes, "matrix": matrix, "paused": paused, "over": over, "empty": empty}
}

// TestEveryLanguageBigScreenRoom: the big screen in every language at 80×24, 40×12 and 200×50, the room in each of its
// states, the view-code prompt and its refusal, the opening line; nothing untranslated, and
// every drawing exactly the window.
func TestEveryLanguageBigScreenRoom(t *testing.T) {
	st := uitest.Styles()
	hint := JoinHint{Host: "localhost", Port: 2222}
	now := time.Now()
	for _, l := range i18n.Languages {
		p := i18n.Strict(l)
		for _, size := range bigSizes {
			w, h := size[0], size[1]
			var seen []string
			for name, s := range bigScreens(now) {
				what := fmt.Sprintf("%s %s at %d×%d", l, name, w, h)
				seen = append(seen, conFits(t, what, renderBig(p, st, hint, s, now, p.T("Some results could not be read: %s", "x"), w, h), w, h))
			}
			deps := &Deps{Ctx: context.Background(), Hint: hint}
			b := newBigScreen(newCommon(deps, st, p))
			b.Resize(w, h)
			seen = append(seen, conFits(t, "prompt", b.View(), w, h))
			b.onOpened(bigOpenedMsg{err: session.ErrUnknownCode})
			seen = append(seen, conFits(t, "wrong code", b.View(), w, h))
			for _, k := range b.ShortHelp() {
				seen = append(seen, k.Help().Desc)
			}
			b.asking, b.busy, b.err = false, true, ""
			seen = append(seen, conFits(t, "opening", b.View(), w, h))
			text := strings.Join(seen, "\n")
			if strings.Contains(text, "⟦") {
				t.Errorf("%s at %d×%d: untranslated:\n%s", l, w, h, text)
			}
			if l == i18n.Portuguese && h >= 24 {
				for _, want := range []string{"Entrar: ssh -p 2222 K7MQ2P@localhost", "Encontro 2 de 6", "Após o encontro 2 de 6", "Etapa 6 de 14", "Destaque: An answer",
					"Resultado da votação", "em pausa", "Acabou o tempo", "Aviso: Back at 10:30", "Telão", "Digite o código de exibição"} {
					if !strings.Contains(text, want) {
						t.Errorf("no %q in Portuguese at %d×%d:\n%s", want, w, h, text)
					}
				}
			}
		}
	}
}

// TestEveryLanguageBigScreenCommand: the screen command's own answers in every language.
func TestEveryLanguageBigScreenCommand(t *testing.T) {
	for _, l := range i18n.Languages {
		p := i18n.Strict(l)
		text := p.T("usage: %s — opens the big screen of the cohort with join code CODE", "x") + "\n" + p.T("the big screen needs a terminal: run %s", "x")
		if strings.Contains(text, "⟦") {
			t.Errorf("%s:\n%s", l, text)
		}
	}
}

// bigIn opens the big screen of a cohort in an app whose client sent terminal, as facilitator
// fac's `screen CODE` when code is given (fac may be nil) and by typing the view code otherwise.
func bigIn(t *testing.T, m *session.Manager, c session.Cohort, code string, fac *session.Facilitator, terminal ...string) *appRunner {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	conn := &Conn{}
	t.Cleanup(conn.Close)
	deps := &Deps{Ctx: ctx, Manager: m, Conn: conn, Actor: session.ShellActor("fran"), Facilitator: fac, Hint: JoinHint{Host: "localhost", Port: 2222},
		ScreenCode: code, BigScreen: code == "", Terminal: terminal, Codes: session.NewCodeGuard(nil, func() time.Time { return frozen })}
	com := newCommon(deps, uitest.Styles(), i18n.New(i18n.Choose("", terminal, "")))
	b := newBigScreen(com)
	a := App{Common: com, help: newHelp(), width: 80, height: 24, screen: b}
	a.screen = b.Resize(a.bodySize())
	r := &appRunner{t: t, app: a, msgs: make(chan tea.Msg, 64), ctx: ctx, w: 80, h: 24}
	r.run(b.Init())
	if code == "" {
		r.typeText(c.ViewCode)
		r.keys("enter")
	}
	return r
}

// Which language the big screen speaks: a viewer's terminal locale over the cohort's module
// language, the module's language when the terminal names none, and a facilitator's own
// stored choice over both; the step's words come from the module's translation in it.
func TestBigScreenLanguage(t *testing.T) {
	dir := t.TempDir()
	it, err := os.ReadFile(filepath.Join(testenv.Root(), "content", "modules", "warmup.it.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	own := strings.Replace(strings.Replace(string(it), "id: warmup", "id: riscaldamento", 1), "translated_from: en\n", "", 1)
	testenv.WriteFile(t, filepath.Join(dir, "riscaldamento.yaml"), own)
	env := testenv.New(t, testenv.Library(t, dir))
	_, italian := env.Cohort(t, session.NewCohort{ModuleID: "riscaldamento", Name: "Torino"})
	_, english := env.Cohort(t, session.NewCohort{ModuleID: "warmup", Name: "Thursday"})
	m := env.Manager

	bigIn(t, m, italian, "", nil).waitFor("Passo 1 di", "Perché iniziamo", "Schermo grande di Torino")
	bigIn(t, m, italian, "", nil, "C.UTF-8").waitFor("Passo 1 di")
	bigIn(t, m, italian, "", nil, "pt_BR.UTF-8").waitFor("Etapa 1 de", "Telão de Torino")
	bigIn(t, m, english, "", nil).waitFor("Step 1 of", "Big screen of Thursday")
	bigIn(t, m, english, "", nil, "es_MX.UTF-8").waitFor("Paso 1 de", "Pantalla grande de Thursday")
	bigIn(t, m, english, "", nil, "it_IT.UTF-8").waitFor("Passo 1 di", "Perché iniziamo")

	registerKey(t, m, "fran")
	fran := &session.Facilitator{Name: "fran"}
	bigIn(t, m, english, english.Code, fran, "pt_BR.UTF-8").waitFor("Etapa 1 de")
	if err := m.SetFacilitatorLanguage(context.Background(), "fran", i18n.Spanish); err != nil {
		t.Fatal(err)
	}
	s := bigIn(t, m, english, english.Code, fran, "pt_BR.UTF-8").waitFor("Paso 1 de", "Pantalla grande de Thursday")
	if strings.Contains(ansi.Strip(s), "Etapa") {
		t.Errorf("the terminal's language over the facilitator's choice:\n%s", s)
	}
}

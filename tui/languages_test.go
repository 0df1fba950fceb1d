package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"workshop/i18n"
	"workshop/internal/testenv/keypress"
	"workshop/session"
	"workshop/tui/ui/uitest"
)

// sizes are the windows every screen is checked at: the usual terminal and the smallest.
var sizes = [][2]int{{80, 24}, {40, 12}}

// noneMissing fails when a drawing shows a message with no translation (a strict printer
// draws it as ⟦key⟧).
func noneMissing(t *testing.T, what, s string) {
	t.Helper()
	if strings.Contains(s, "⟦") {
		t.Errorf("%s shows an untranslated message:\n%s", what, s)
	}
}

// testCommon is a session's Common in the test styles, speaking p's language (English for nil).
func testCommon(deps *Deps, p *i18n.Printer) *Common {
	return newCommon(deps, uitest.Styles(), p)
}

// lobbyApp is the app on a fresh lobby in a strict printer of lang, at w×h.
func lobbyApp(lang i18n.Lang, w, h int) (App, *lobby) {
	com := testCommon(&Deps{Mode: &modeSwitch{}}, i18n.Strict(lang))
	l := newLobby(com)
	a := App{Common: com, help: newHelp(), width: w, height: h, screen: l}
	a.help.SetWidth(w)
	a.screen = l.Resize(a.bodySize())
	return a, l
}

// Every stage of the lobby, its errors, its help and the request for a larger window, in every
// language at 80×24 and 40×12: no message is left untranslated and every line fits.
func TestEveryLanguageParticipantLobby(t *testing.T) {
	mine := []session.Membership{
		{Participant: session.Participant{ID: 1, CohortID: 1}, Cohort: session.Cohort{ID: 1, Name: "Tuesday"}, ModuleTitle: "Warm-up", Step: 1, Steps: 3},
		{Participant: session.Participant{ID: 2, CohortID: 2}, Cohort: session.Cohort{ID: 2, Name: "Old one", ArchivedAt: time.Now()}, ModuleTitle: "Warm-up", Steps: 3},
	}
	for _, lang := range i18n.Languages {
		for _, size := range sizes {
			w, h := size[0], size[1]
			t.Run(fmt.Sprintf("%s/%dx%d", lang, w, h), func(t *testing.T) {
				a, l := lobbyApp(lang, w, h)
				var seen []string
				look := func(what string) string {
					t.Helper()
					s := uitest.CheckFits(t, a.render(), w, h)
					noneMissing(t, what, s)
					seen = append(seen, s)
					return s
				}
				p := i18n.New(lang)
				prompt := strings.TrimSpace(p.T("Code › "))
				if s := look("the code prompt"); !strings.Contains(s, prompt) {
					t.Errorf("the field is not in view:\n%s", s)
				}
				l.Update(keypress.Named("enter"))
				if s := look("an empty code"); !strings.Contains(s, prompt) || !strings.Contains(flat(s), p.T("Type the join code your facilitator gave you.")) {
					t.Errorf("the field or the error is not in view:\n%s", s)
				}
				l.onCode(codeMsg{err: &session.TooManyCodesError{Wait: 30 * time.Second}})
				look("too many codes")
				l.onCode(codeMsg{err: session.ErrUnknownCode})
				look("an unknown code")
				l.onCode(codeMsg{cohort: &session.Cohort{ID: 7, Name: "Archived", ArchivedAt: time.Now()}})
				look("an archived cohort")
				l.onCode(codeMsg{cohort: &session.Cohort{ID: 7, Name: "Tuesday"}})
				look("the name prompt")
				l.Update(keypress.Named("enter"))
				look("an empty name")
				l.onMemberships(membershipsMsg{mine: mine, unknown: "ZZZZZZ"})
				look("the picker")
				l.stage, l.rejoinCode, l.err = stageRejoin, "K7MQ-2PXD", i18n.Msg{}
				if s := look("the rejoin code"); !strings.Contains(s, "K7MQ-2PXD") || !strings.Contains(flat(s), p.T("Press enter to continue.")) {
					t.Errorf("the code or the key to go on is not in view:\n%s", s)
				}
				a.showHelp = true
				look("the help")
				a.showHelp = false
				a.width, a.height = 30, 8
				s := ansi.Strip(a.render())
				noneMissing(t, "the request for a larger window", s)
				seen = append(seen, s)
				if lang == i18n.Portuguese {
					all := strings.Join(seen, "\n")
					for _, want := range []string{"Entrar em um workshop", "Digite o código da turma", "F3 Idioma: Português (Brasil)", "Guarde este código", "Seus workshops", "Aumente a janela"} {
						if !strings.Contains(flat(all), want) {
							t.Errorf("no %q in the Portuguese lobby:\n%s", want, all)
						}
					}
				}
			})
		}
	}
}

// Every step of the module with every exercise kind, with the live state a facilitator sets
// (team, timer, announcement, spotlight, lock, a message, a raised hand, a notice) and the
// help, in every language at 80×24 and 40×12: no message of the screen is left untranslated
// and every line fits.
func TestEveryLanguageParticipantScreen(t *testing.T) {
	for _, lang := range i18n.Languages {
		for _, size := range sizes {
			w, h := size[0], size[1]
			t.Run(fmt.Sprintf("%s/%dx%d", lang, w, h), func(t *testing.T) {
				m, hub, ps := exercisesCohort(t, session.PaceLed, "Ana", "Bea")
				ctx := context.Background()
				fran := session.ShellActor("fran")
				p := i18n.New(lang)
				r := openParticipantIn(t, m, hub, ps[0], w, h, i18n.Strict(lang))
				look := func(what string, texts ...string) string {
					t.Helper()
					r.waitFor(texts...)
					s := r.screen()
					noneMissing(t, what, s)
					return s
				}
				steps := hub.Module().Steps
				stepOf := func(i int) string {
					return strings.TrimSpace(p.T("Step %d of %d — %s", i+1, len(steps), i18n.Verbatim("")))
				}
				look("the first step", stepOf(0))
				if _, err := hub.SplitTeams(ctx, fran, session.TeamPlan{Count: 1}); err != nil {
					t.Fatal(err)
				}
				look("the team", p.T("Team: %s", i18n.Verbatim("Team 1")))
				change(t, hub, func(c *session.Cohort) {
					c.Live.Timer = &session.Timer{Total: time.Minute, EndsAt: time.Now().Add(-time.Second)}
					c.Live.Announcement = &session.Announcement{Text: "Back in five", By: "fran", At: time.Now()}
				})
				look("time up and an announcement", p.T("Time is up"))
				change(t, hub, func(c *session.Cohort) {
					c.Live.Announcement = nil
					c.Live.Spotlight = &session.Spotlight{StepID: "ideas", Title: "Team 1", Text: "Open on Saturdays", By: "fran", At: time.Now()}
				})
				look("a spotlight", "Open on Saturdays")
				change(t, hub, func(c *session.Cohort) { c.Live.Spotlight, c.Live.Timer = nil, nil })
				if _, err := hub.Message(ctx, fran, ps[0].ID, "Can you share your screen?"); err != nil {
					t.Fatal(err)
				}
				if _, err := hub.Message(ctx, fran, ps[0].ID, "Thanks"); err != nil {
					t.Fatal(err)
				}
				look("a message", "ctrl+o")
				r.keys("ctrl+o")
				look("the second message", "Thanks")
				r.keys("ctrl+o")
				r.waitGone("✉")
				r.keys("ctrl+r")
				look("the request for help", p.T("Ask for help (optional message):"))
				r.keys("enter")
				look("a raised hand", p.T("✋ Hand raised"), lead(p.T("Your hand is raised: the facilitator sees it. ctrl+r lowers it.")))
				r.keys("b")
				look("the bell", lead(p.T("Bell on: your terminal beeps when time is up. Press b to turn it off.")))
				r.keys("]")
				look("going ahead alone", lead(p.T("The facilitator opens the next steps. Press g to return to the group's step.")))
				r.keys("?")
				look("the help", p.T("Press ? or esc to close this help."))
				r.keys("esc")
				for i := 1; i < len(steps); i++ {
					if err := hub.Move(ctx, fran, i); err != nil {
						t.Fatal(err)
					}
					if i == 1 {
						change(t, hub, func(c *session.Cohort) { c.Live.Locked = []string{steps[1].ID} })
					}
					look("step "+steps[i].ID, stepOf(i))
					r.waitGone(p.T("Loading your work…"))
					look("step "+steps[i].ID+" loaded", stepOf(i))
					r.keys("f1")
					look("the help of step "+steps[i].ID, p.T("Keys"))
					r.keys("esc")
				}
			})
		}
	}
}

// F3 cycles the participant's screen through the four languages at once, keeping the step on
// screen, and stores the choice for the participant; the house order then finds it first.
func TestLanguageKeyChangesTheScreenAndIsStored(t *testing.T) {
	m, hub, ps := exercisesCohort(t, session.PaceLed, "Ana")
	r := openParticipant(t, m, hub, ps[0], 80, 24)
	r.waitFor("Step 1 of 14 — Welcome", "● connected")
	r.keys("f3")
	r.waitFor("Etapa 1 de 14 — Welcome", "● conectado", "etapas")
	waitLanguage(t, m, ps[0].ID, i18n.Portuguese)
	r.keys("f3")
	r.waitFor("Paso 1 de 14", "● conectado", "pasos")
	r.keys("f3")
	r.waitFor("Passo 1 di 14", "● connesso")
	waitLanguage(t, m, ps[0].ID, i18n.Italian)
	r.keys("f3")
	r.waitFor("Step 1 of 14 — Welcome", "● connected")
	waitLanguage(t, m, ps[0].ID, i18n.English)
}

// waitLanguage waits until the participant's stored language is want.
func waitLanguage(t *testing.T, m *session.Manager, pid int64, want i18n.Lang) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		got, err := m.ParticipantLanguage(context.Background(), pid)
		if err != nil {
			t.Fatal(err)
		}
		if got == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("stored language %q, want %q", got, want)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// lead is the first two words of a message, which show whole however the message wraps.
func lead(s string) string { return strings.Join(strings.Fields(s)[:2], " ") }

// A participant reads, once known, their stored choice, else their terminal's language, else
// their cohort's module's; a choice made in the lobby before they were known is stored.
func TestParticipantLanguageHouseOrder(t *testing.T) {
	m, hub, ps := exercisesCohort(t, session.PaceLed, "Ana", "Bea")
	ctx := context.Background()
	com := testCommon(&Deps{Ctx: ctx, Manager: m, Terminal: []string{"pt_BR.UTF-8"}}, nil)
	if got := participantLanguage(com, hub, ps[0], false).Lang(); got != i18n.Portuguese {
		t.Errorf("with a Portuguese terminal and no choice: %s", got)
	}
	if err := m.SetParticipantLanguage(ctx, ps[0].ID, i18n.Italian); err != nil {
		t.Fatal(err)
	}
	if got := participantLanguage(com, hub, ps[0], false).Lang(); got != i18n.Italian {
		t.Errorf("with a stored choice of Italian: %s", got)
	}
	plain := testCommon(&Deps{Ctx: ctx, Manager: m}, nil)
	if got := participantLanguage(plain, hub, ps[1], false).Lang(); got != i18n.English {
		t.Errorf("with nothing chosen or sent, the module's language: %s", got)
	}
	chosen := plain.withLang(i18n.Spanish)
	if got := participantLanguage(chosen, hub, ps[1], true).Lang(); got != i18n.Spanish {
		t.Errorf("a choice made in the lobby: %s", got)
	}
	if got, _ := m.ParticipantLanguage(ctx, ps[1].ID); got != i18n.Spanish {
		t.Errorf("the lobby's choice stored as %q", got)
	}
}

// The big screen, with everything on it and with nothing, its gate asking for a view code and
// its errors, in every language at 80×24, 40×12 and a projector's 200×50: no message is left
// untranslated and every line fits.
func TestEveryLanguageBigScreen(t *testing.T) {
	hint := JoinHint{Host: "localhost", Port: 2222}
	now := time.Now()
	for _, lang := range i18n.Languages {
		for _, size := range bigSizes {
			w, h := size[0], size[1]
			t.Run(fmt.Sprintf("%s/%dx%d", lang, w, h), func(t *testing.T) {
				p, st := i18n.Strict(lang), uitest.Styles()
				full := fullBigScreen(now)
				votes, matrix, paused := full, full, full
				matrix.Votes, votes.Matrix = nil, nil
				paused.Timer = &session.Timer{Total: time.Minute, Paused: true, Left: 30 * time.Second}
				few := votes
				few.Votes = []session.VoteBar{}
				screens := map[string]session.BigScreen{"votes": votes, "matrix": matrix, "paused": paused, "no items": few, "empty": {Name: "x", JoinCode: "K7MQ2P", Steps: 1, Title: "Welcome"}}
				var all []string
				for name, s := range screens {
					text := conFits(t, name, renderBig(p, st, hint, s, now, p.T("Some results could not be read: %s", i18n.Verbatim("x")), w, h), w, h)
					noneMissing(t, name, text)
					all = append(all, text)
				}
				com := testCommon(&Deps{}, p)
				b := newBigScreen(com)
				b.Resize(w, h)
				all = append(all, b.View())
				b.onOpened(bigOpenedMsg{err: session.ErrUnknownCode})
				all = append(all, b.View())
				b.onOpened(bigOpenedMsg{err: &session.TooManyCodesError{Wait: time.Second}})
				all = append(all, b.View())
				for _, s := range all[len(all)-3:] {
					noneMissing(t, "the gate", conFits(t, "the gate", s, w, h))
				}
				if lang == i18n.Portuguese {
					joined := flat(strings.Join(all, "\n"))
					for _, want := range []string{"Etapa 6 de 14", "Encontro 2 de 6", "Telão", "Resultado da votação", "Nenhum telão tem esse código"} {
						if !strings.Contains(joined, want) {
							t.Errorf("no %q on the Portuguese big screen", want)
						}
					}
				}
			})
		}
	}
}

// F3 while writing an answer keeps what was typed: it is stored first, and the step's editor is
// made again in the new language with it.
func TestLanguageKeyKeepsTheAnswerBeingWritten(t *testing.T) {
	m, hub, ps := exercisesCohort(t, session.PaceLed, "Ana")
	if err := hub.Move(context.Background(), session.ShellActor("fran"), stepIndex(hub, "reflect")); err != nil {
		t.Fatal(err)
	}
	r := openParticipant(t, m, hub, ps[0], 80, 24)
	r.waitFor("Step 2 of 14", "Not started · ctrl+s submits")
	r.typeText("The queue was long")
	r.keys("f3")
	s := r.waitFor("Etapa 2 de 14", "Rascunho salvo", "ctrl+s envia", "The queue was long")
	noneMissing(t, "the reopened editor", s)
	r.typeText(" and slow")
	r.waitFor("The queue was long and slow")
}

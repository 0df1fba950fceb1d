package plain

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"workshop/i18n"
	"workshop/internal/testenv"
	"workshop/session"
	"workshop/session/work"
)

// locales are the terminal locales a client of each language sends.
var locales = map[i18n.Lang]string{
	i18n.English: "en_US.UTF-8", i18n.Portuguese: "pt_BR.UTF-8", i18n.Spanish: "es_MX.UTF-8", i18n.Italian: "it_IT.UTF-8",
}

// at is the word between an item and its place on a matrix, as each language types it.
var at = map[i18n.Lang]string{i18n.English: "at", i18n.Portuguese: "em", i18n.Spanish: "en", i18n.Italian: "a"}

// A plain session in each language, its terminal sending that language's locale, walks the
// warm-up and one step of every exercise kind typing the language's own command words, with
// the live session's events arriving as lines: every line it reads is in its language (no
// ⟦untranslated⟧ message, no broken format), and the work is stored as the full screen stores
// it.
func TestEveryLanguagePlain(t *testing.T) {
	env := testenv.New(t, testenv.Modules(t))
	for _, l := range i18n.Languages {
		t.Run(string(l), func(t *testing.T) {
			walkExercises(t, env.Manager, l)
			walkWarmup(t, env.Manager, l)
		})
	}
}

func walkExercises(t *testing.T, m *session.Manager, l i18n.Lang) {
	ctx, fac := context.Background(), testenv.Facilitator()
	h, c := testenv.OpenCohort(t, m, session.NewCohort{ModuleID: "e2e-exercises", Name: "Plain " + string(l)})
	p, w := i18n.Strict(l), func(en string) string { return localWord(l, en) }
	steps := h.Module().Steps
	step := func(i int) string { return msgStep(p, i, len(steps), steps[i-1].Title, steps[i-1].TimeBox, true) }
	r := startPlain(t, m, c.Code, locales[l])
	r.wait(msgWelcome(p), msgAskName(p, c.Name))
	r.do("Ana", step(1), msgNoExercise(p, true))
	pid := h.Snapshot().Roster[0].ID
	r.do(w("help"), msgHelp(p)[1])
	r.do(w("language"), msgLanguages(p)[2])
	r.do(w("status"), step(1))
	r.do(w("time"), p.T("No timer is running."))
	r.do(w("next"), p.T("The facilitator opens the next steps. Type group to return to the group's step."))
	r.do("xyz", msgNotACommand(p, "xyz"))
	teams, err := h.SplitTeams(ctx, fac, session.TeamPlan{Count: 1})
	if err != nil {
		t.Fatal(err)
	}
	r.wait(p.T("You are in %s now.", teams[0].Name))
	if err := h.Announce(ctx, fac, "Coffee at eleven"); err != nil {
		t.Fatal(err)
	}
	r.wait("Coffee at eleven")
	move := func(i int) {
		t.Helper()
		r.mark = len(r.out.String())
		if err := h.Move(ctx, fac, i-1); err != nil {
			t.Fatal(err)
		}
		r.wait(step(i))
		r.do("")
	}

	move(2) // reflection
	r.do("First line", msgLineAdded(p, 1))
	r.do(w("step")+" by step we went", msgLineAdded(p, 2)) // a command word with more words is text
	r.do(w("list"), p.T("Your answer so far:"), "step we went")
	r.do(w("undo"), p.T("The last line of your answer was taken out."))
	r.do(".", msgSubmitted(p, false))
	move(3) // list
	r.do("Idea A", msgItemAdded(p, 1, 1, false, false))
	r.do("Idea B", msgItemAdded(p, 2, 2, false, false))
	r.do(w("edit")+" 2 Idea B2", p.T("Item %d changed.", 2))
	r.do(w("up")+" 2", p.T("The item is number %d now.", 1))
	r.do(w("list"), "1. Idea B2", "2. Idea A")
	r.do(w("done"), msgSubmitted(p, false))
	move(4) // team board
	r.do("Team idea", msgItemAdded(p, 1, 1, true, false))
	r.do(w("list"), "1. Team idea ("+p.T("you")+")")
	move(5) // anonymous board
	r.do("Quiet worry", msgItemAdded(p, 1, 1, false, true))
	r.do(w("delete")+" 1", p.T("Deleted %q. %d items left.", "Quiet worry", 0))
	move(6) // vote
	r.do(w("dot")+" 1", p.T("Item %d has %d of your dots. %d dots left.", 1, 1, 2))
	r.do(w("dots")+" 2 2", p.T("Item %d has %d of your dots. %d dots left.", 2, 2, 0))
	r.do(w("undot")+" 2", p.T("Item %d has %d of your dots. %d dots left.", 2, 1, 1))
	r.do(w("list"), p.T("%d of your %d dots left.", 1, 3))
	r.do(w("done"), msgSubmitted(p, false))
	if err := h.CloseVote(ctx, fac, steps[5].ID); err != nil {
		t.Fatal(err)
	}
	r.wait(p.T("The vote is closed: dots are counted as they are."))
	if err := h.RevealVote(ctx, fac, steps[5].ID); err != nil {
		t.Fatal(err)
	}
	r.wait(p.T("The vote result is out, most dots first:"), "Idea B2")
	move(7) // team vote
	r.do(w("dot")+" 1", p.T("Item %d has %d of your dots. %d dots left.", 1, 1, steps[6].Exercise.DotCount()-1))
	move(8) // matrix
	r.do(w("place")+" 1 "+at[l]+" 4 1", p.T("Item %d placed at %d across, %d up: %s.", 1, 4, 1, p.T("Low impact")+" · "+p.T("Low effort")))
	r.do(w("remove")+" 1", p.T("Item %d taken off the matrix.", 1))
	r.do(w("place")+" 2 9 9", p.T("Item %d placed at %d across, %d up: %s.", 2, 9, 9, p.T("High impact")+" · "+p.T("High effort")))
	r.do(w("list"), p.T("%d. %s: not placed.", 1, "Idea B2"))
	move(9) // team matrix
	r.do(w("place")+" 1 2 8", "Do now")
	move(10) // journey
	r.do(w("set")+" 1 2 Fills in the form", "User actions, Apply: Fills in the form")
	r.do(w("stage")+" Appeal", p.T("Stage %d added: %s.", 6, "Appeal"))
	r.do(w("list"), msgStages(p, []string{"Find out", "Apply", "Wait", "Receive", "Follow up", "Appeal"}))
	move(11) // table
	r.do(w("row")+" Passport; 1200; online; high", p.T("Row %d: %s", 1, "Service Passport; Monthly requests 1200; Channel Online; Redesign potential High"))
	r.do(w("set")+" 1 3 2", p.T("Row %d", 1)+", Channel: Counter")
	r.do(w("set") + " 1 2 many") // refused: not a number
	r.do(w("list"), p.T("%d %s (a number)", 2, "Monthly requests"), p.T("%d %s (one of: %s)", 3, "Channel", "Online, Counter, Phone"))
	move(12) // scale
	r.do(w("rate")+" 1 4", p.T("Statement %d: %s.", 1, "4, "+p.T("Agree")))
	r.do("2 5", p.T("Statement %d: %s.", 2, "5, "+p.T("Strongly agree")))
	move(13) // checklist
	r.do(w("tick")+" 1", p.T("Ticked %d: %s.", 1, "Staff trained"))
	r.do(w("untick")+" 1", p.T("Unticked %d: %s.", 1, "Staff trained"))
	r.do(w("note")+" 2 Next Monday", p.T("Note saved for item %d.", 2))
	r.do(w("list"), p.T("Note: %s", "Next Monday"))
	move(14) // quiz
	r.do(w("answer")+" 1 1", p.T("Question %d: you chose %s. Correct.", 1, "People who will use the service"))
	r.do("2 2", p.T("Question %d: you chose %s. Not quite.", 2, "When it has many fields"))
	r.do(w("done"), msgSubmitted(p, false))

	liveEvents(t, r, h, p, pid)

	// Self-paced, the participant moves with the language's words.
	if err := h.SetPace(ctx, fac, session.PaceSelf); err != nil {
		t.Fatal(err)
	}
	r.wait(msgPace(p, true))
	r.do(w("back"), p.T("Step %d of %d: %s.", 13, len(steps), steps[12].Title))
	r.do(w("go")+" 2", p.T("Step %d of %d: %s.", 2, len(steps), steps[1].Title))
	r.do(w("group"), p.T("Step %d of %d: %s.", 2, len(steps), steps[1].Title))
	r.send(w("quit"))
	r.wait(p.T("Goodbye. Your work is stored. To come back, connect again and type your rejoin code %s.", rejoinCode.FindString(r.out.String())))
	r.ended()
	out := r.clean()
	if l == i18n.Portuguese {
		for _, want := range []string{"Etapa 1 de 14", "Digite", "turma", "Incluído como item 1", "Você tem 3 pontos"} {
			if !strings.Contains(out, want) {
				t.Errorf("pt-BR: no %q in the stream", want)
			}
		}
	}

	// Stored as the full screen stores it: the module's own option, the text typed.
	a, _, err := h.Work(ctx, pid, steps[10].ID)
	if err != nil {
		t.Fatal(err)
	}
	if v, err := work.Decode(steps[10].Exercise, a.Schema, a.Data); err != nil || v.(*work.Table).Rows[0][2] != "Counter" || v.(*work.Table).Rows[0][3] != "High" {
		t.Errorf("table stored %s (%v)", a.Data, err)
	}
	a, _, err = h.Work(ctx, pid, steps[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	if v, err := work.Decode(steps[1].Exercise, a.Schema, a.Data); err != nil || v.(*work.Reflection).Text != "First line" {
		t.Errorf("reflection stored %s (%v)", a.Data, err)
	}
}

// liveEvents has the facilitator do what the participant hears as lines: the timer, a lock,
// a spotlight, an answered hand.
func liveEvents(t *testing.T, r *plainRun, h *session.Hub, p *i18n.Printer, pid int64) {
	t.Helper()
	ctx, fac, w := context.Background(), testenv.Facilitator(), func(en string) string { return localWord(p.Lang(), en) }
	steps := h.Module().Steps
	event := func(err error, texts ...string) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		r.wait(texts...)
	}
	r.mark = len(r.out.String())
	event(h.StartTimer(ctx, fac, 5*time.Minute), msgTimerRunning(p, 5*time.Minute))
	r.do(w("time"), msgTimerRunning(p, 5*time.Minute))
	r.mark = len(r.out.String())
	event(h.PauseTimer(ctx, fac), msgTimerPaused(p, 5*time.Minute))
	r.mark = len(r.out.String())
	event(h.StopTimer(ctx, fac), p.T("The timer was stopped."))
	r.mark = len(r.out.String())
	event(h.Lock(ctx, fac, steps[13].ID), msgLocked(p, true))
	r.do(w("answer") + " 1 2") // refused, in the reader's language
	r.mark = len(r.out.String())
	event(h.Unlock(ctx, fac, steps[13].ID), msgLocked(p, false))
	r.mark = len(r.out.String())
	event(h.Spotlight(ctx, fac, steps[1].ID, "p"+strconv.FormatInt(pid, 10)), "First line")
	r.mark = len(r.out.String())
	event(h.ReleaseSpotlight(ctx, fac), p.T("The spotlight is off."))
	r.do(w("hand")+" help with the table", p.T("Your hand is raised: the facilitator sees it. Type lower to lower it."))
	r.mark = len(r.out.String())
	event(h.ClearHand(ctx, fac, pid), p.T("The facilitator answered your raised hand: your hand is down. Type hand again if you still need help."))
	r.do(w("hand")+" again", p.T("Your hand is raised: the facilitator sees it. Type lower to lower it."))
	r.do(w("lower"), p.T("Hand lowered."))
}

// walkWarmup joins the warm-up, whose module has a translation in every language: the step
// reads in the reader's language; the language command changes it, and the choice is stored
// and wins over the terminal next time.
func walkWarmup(t *testing.T, m *session.Manager, l i18n.Lang) {
	ctx, fac := context.Background(), testenv.Facilitator()
	h, c := testenv.OpenCohort(t, m, session.NewCohort{ModuleID: "warmup", Name: "Warm-up " + string(l)})
	p := i18n.Strict(l)
	shown := h.ModuleIn(string(l))
	if shown.Language != string(l) && l != i18n.English {
		t.Fatalf("the warm-up has no %s translation", l)
	}
	n := len(shown.Steps)
	r := startPlain(t, m, c.Code, locales[l])
	r.wait(msgAskName(p, c.Name))
	out := r.do("Rui", msgStep(p, 1, n, shown.Steps[0].Title, shown.Steps[0].TimeBox, true))
	code := rejoinCode.FindString(out)
	pid := h.Snapshot().Roster[0].ID

	// Another language, by number: the step is read again in it.
	es := i18n.Strict(i18n.Spanish)
	esm := h.ModuleIn("es")
	r.do(localWord(l, "language")+" 3", es.T("From now on you read the workshop in %s.", i18n.Spanish.Name()), esm.Steps[0].Title)
	if got, err := m.ParticipantLanguage(ctx, pid); err != nil || got != i18n.Spanish {
		t.Errorf("stored language %q (%v), want es", got, err)
	}
	r.do("ayuda", msgHelp(es)[1])
	// Back to the reader's language by its tag, which works in every language.
	r.do("language "+string(l), p.T("From now on you read the workshop in %s.", l.Name()), shown.Steps[0].Title)
	if err := h.Move(ctx, fac, 1); err != nil {
		t.Fatal(err)
	}
	r.wait(p.T("The group moved to step %d: %s.", 2, shown.Steps[1].Title))
	r.do("I renewed my passport online.", msgLineAdded(p, 1))
	r.do(".", msgSubmitted(p, false))
	r.send(localWord(l, "quit"))
	r.ended()
	r.clean()

	// Coming back with the rejoin code from a terminal in another language, the stored choice
	// wins.
	other := locales[i18n.Italian]
	if l == i18n.Italian {
		other = locales[i18n.English]
	}
	back := startPlain(t, m, strings.ReplaceAll(code, "-", ""), other)
	back.wait(p.T("Welcome, %s. You are in the workshop %s.", "Rui", c.Name), msgStep(p, 2, n, shown.Steps[1].Title, shown.Steps[1].TimeBox, true))
	back.send("quit")
	back.ended()
	back.clean()
}

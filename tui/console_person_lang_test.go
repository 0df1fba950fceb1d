package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"workshop/i18n"
	"workshop/internal/testenv"
	"workshop/session"
)

// fullPersonPage is a person's page with every kind of line on it: each step state, work on a
// team board, an anonymous step, every way of attending, a hand up and one lowered, a message
// on screen and one dismissed.
func fullPersonPage(pid int64) session.PersonPage {
	at := time.Date(2026, 12, 2, 14, 5, 0, 0, time.UTC)
	pg := session.PersonPage{ID: pid, Name: "Ana Souza", Label: "Ana Souza", Department: "Secretaria Municipal de Inovação e Tecnologia",
		Email: "ana.souza@example.org", Team: "Blue", Online: true, Code: true, JoinedAt: at, LastSeen: at}
	pg.Steps = []session.PersonStep{
		{Number: 1, ID: "welcome", Title: "Welcome"},
		{Number: 2, ID: "recall", Title: "Recall a visit", Kind: "reflection", Status: session.StatusSubmitted, Seconds: 750, Work: "The queue went round the block and nobody said why."},
		{Number: 3, ID: "ideas", Title: "Ideas", Kind: "list", Status: session.StatusDraft, Seconds: 90, Work: "• Open on Saturdays\n• One form, not three", Board: "Blue's board"},
		{Number: 4, ID: "pool", Title: "Roundtable", Kind: "list", Anonymous: true},
		{Number: 5, ID: "vote", Title: "Vote", Kind: "vote"},
	}
	for i, m := range []session.PersonMeet{
		{Status: session.Present, Minutes: 55},
		{Status: session.Late, Late: true, Minutes: 40},
		{Status: session.LeftEarly, LeftEarly: true, Minutes: 20},
		{Status: session.Late, Late: true, LeftEarly: true, Minutes: 15},
		{Status: session.Absent},
		{Status: session.Present, Minutes: 5, Open: true},
	} {
		m.Number, m.Title = i+1, fmt.Sprintf("Meeting on week %d", i+1)
		pg.Meetings = append(pg.Meetings, m)
	}
	pg.Hands = []session.PersonHand{{RaisedAt: at, LoweredAt: at.Add(2 * time.Minute)}, {RaisedAt: at.Add(time.Hour)}}
	pg.Messages = []session.PersonWrite{
		{By: "fran", Text: "Share your map, please", At: at, DismissedAt: at.Add(time.Minute)},
		{By: "fran", Text: "Room 3 after the break", At: at.Add(time.Hour)},
	}
	return pg
}

// personRoom is a cohort room in language l whose printer marks every untranslated message,
// with Ana's full page open.
func personRoom(t *testing.T, l i18n.Lang, w, h int) *cohortRoom {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	env := testenv.New(t, testenv.Modules(t))
	hub, _ := env.Cohort(t, session.NewCohort{ModuleID: "facilitation", Name: "Thursday"})
	ps := testenv.Join(t, hub, "Ana Souza")
	sub, err := hub.Subscribe(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(sub.Close)
	st := NewStyles(true, colorprofile.Ascii)
	r := newCohortRoom(newCommon(conDeps(ctx, env.Manager), &st, i18n.Strict(l)), hub, sub)
	r.Resize(w, h)
	pg := fullPersonPage(ps[0].ID)
	r.person = &personState{pid: ps[0].ID, page: &pg}
	return r
}

// The person page in every language at 80×24 and 40×12: every line of it translated and
// within the width, scrolled from top to bottom; the room around it keeps its size; and the
// questions and answers of its keys are translated too.
func TestEveryLanguagePersonPage(t *testing.T) {
	for _, l := range i18n.Languages {
		for _, size := range [][2]int{{80, 24}, {40, 12}} {
			w, h := size[0], size[1]
			t.Run(fmt.Sprintf("%s/%dx%d", l, w, h), func(t *testing.T) {
				r := personRoom(t, l, w, h-1)
				conFits(t, "room", r.View(), w, h-1)
				all := strings.Join(r.personLines(*r.person.page), "\n")
				for i, line := range strings.Split(all, "\n") {
					if n := cellWidth(line); n > w {
						t.Errorf("line %d is %d cells wide: %q", i+1, n, ansi.Strip(line))
					}
				}
				var seen []string
				for top := 0; top < 200; top += 3 {
					r.person.top = top
					seen = append(seen, conFits(t, "page", r.personView(h/2), w, h/2))
				}
				r.person.page, r.person.err = nil, ""
				seen = append(seen, ansi.Strip(r.personView(h/2)))
				r.askNewCode(r.person.pid)
				seen = append(seen, r.confirm)
				r.askRemove(r.person.pid)
				seen = append(seen, r.confirm, r.personName(-1))
				if msg, ok := r.showCode(r.person.pid)().(roomActionMsg); !ok || msg.err != nil {
					t.Errorf("show code: %+v", msg)
				} else {
					seen = append(seen, msg.done)
				}
				text := strings.Join(seen, "\n") + "\n" + ansi.Strip(all)
				if strings.Contains(text, "⟦") {
					t.Errorf("untranslated:\n%s", text)
				}
				if l == i18n.Portuguese {
					for _, want := range []string{"Etapas", "rascunho", "enviado", "atrasado e saiu antes", "ausente", "Mãos levantadas", "no quadro de Blue", "código de retorno", "2 de dez. de 2026, 14:05", "Remover Ana Souza"} {
						if !strings.Contains(strings.ReplaceAll(text, "\n", " "), want) {
							t.Errorf("no %q in Portuguese:\n%s", want, text)
						}
					}
				}
			})
		}
	}
}

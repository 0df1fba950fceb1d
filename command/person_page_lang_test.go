package command

import (
	"strings"
	"testing"
	"time"

	"workshop/i18n"
	"workshop/session"
)

// The person command's page in every language: the stored page of the fixture, and a page
// with every kind of line on it (each step state, each way of attending, a hand still up, no
// messages), with nothing left untranslated.
func TestEveryLanguagePersonPage(t *testing.T) {
	env, code := personFixture(t)
	at := time.Date(2026, 12, 2, 14, 5, 0, 0, time.UTC)
	full := session.PersonPage{Label: "Ana Souza", Department: "Finance", Team: "Blue", JoinedAt: at, Key: true,
		Steps: []session.PersonStep{{Number: 1, Title: "Welcome"}, {Number: 2, Title: "Ideas", Kind: "list", Status: session.StatusDraft, Seconds: 61, Work: "• One form", Board: "Blue's board"},
			{Number: 3, Title: "Pool", Kind: "list", Anonymous: true}, {Number: 4, Title: "Vote", Kind: "vote", Status: session.StatusSubmitted}},
		Hands: []session.PersonHand{{RaisedAt: at}}}
	for i, m := range []session.PersonMeet{{Status: session.Present, Minutes: 55}, {Status: session.Late, Late: true, Open: true}, {Status: session.LeftEarly, LeftEarly: true},
		{Status: session.Late, Late: true, LeftEarly: true}, {Status: session.Absent}} {
		m.Number, m.Title = i+1, "Week"
		full.Meetings = append(full.Meetings, m)
	}
	for _, l := range i18n.Languages {
		env.P = i18n.Strict(l)
		out := runPerson(t, env, code, "Ana", "Souza")
		var b strings.Builder
		if err := printPersonPage(&b, env.P, full); err != nil {
			t.Fatal(err)
		}
		text := out + b.String()
		if strings.Contains(text, "⟦") {
			t.Errorf("%s: untranslated:\n%s", l, text)
		}
		if l == i18n.Portuguese {
			for _, want := range []string{"Etapas", "enviado", "rascunho", "não iniciado", "leitura", "Encontros", "atrasado até agora", "saiu antes", "ausente",
				"Mãos levantadas", "ainda levantada", "Mensagens para a pessoa", "fechada às", "na tela", "entrou em 2 de dez. de 2026, 14:05 · volta", "equipe Blue"} {
				if !strings.Contains(text, want) {
					t.Errorf("no %q in Portuguese:\n%s", want, text)
				}
			}
		}
	}
}

package exercise

import (
	"fmt"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"

	"workshop/i18n"
	"workshop/session"
	"workshop/session/work"
	"workshop/tui/ui"
)

// speak makes the harness's editors speak p's language, keys and all.
func (x *exHarness) speak(p *i18n.Printer) *exHarness {
	x.env.P = p
	keys := NewKeys(ui.NewKeyMap(p))
	x.env.Keys = &keys
	return x
}

// walk is one walk through an editor: it opens the editor and presses keys, calling see at
// every screen worth reading.
type walk struct {
	name string
	yaml string
	// pt are words a Portuguese reader must find on some screen of the walk.
	pt  []string
	run func(x *exHarness, see func())
}

var walks = []walk{
	{"reflection", "kind: reflection", []string{"Sua resposta", "Não iniciado", "Enviado"}, func(x *exHarness, see func()) {
		x.open(Data{})
		see()
		x.keys("ctrl+s")
		see()
		x.typeText("Uma ideia")
		see()
		x.keys("ctrl+s")
		see()
	}},
	{"list", "kind: list\nmax_items: 2", []string{"Sua lista", "+ Adicionar item", "Novo item", "Apagar", "A lista agora está cheia"}, func(x *exHarness, see func()) {
		x.open(Data{})
		see()
		x.keys("ctrl+s")
		see()
		x.keys("a")
		see()
		x.typeText("Fila")
		x.keys("enter")
		x.typeText("Senha")
		x.keys("enter")
		see()
		x.keys("k", "d")
		see()
		x.keys("n")
		see()
		x.keys("e")
		see()
	}},
	{"team board", "kind: list\nteam: true", []string{"Quadro: Equipe Blue", "você"}, func(x *exHarness, see func()) {
		x.open(Data{})
		x.keys("a")
		x.typeText("Horário")
		x.keys("enter", "esc")
		see()
		x.keys("ctrl+s")
		see()
	}},
	{"team board without a team", "kind: list\nteam: true", []string{"Ainda sem equipe"}, func(x *exHarness, see func()) {
		x.open(Data{NoTeam: true})
		see()
	}},
	{"anonymous board", "kind: list\nanonymous: true", []string{"Quadro anônimo", "no quadro"}, func(x *exHarness, see func()) {
		x.open(Data{})
		x.keys("a")
		x.typeText("Sem nome")
		x.keys("enter", "esc")
		see()
		x.keys("K")
		see()
	}},
	{"vote", "kind: vote\nfrom: ideas\ndots: 3\nmax_per_item: 2", []string{"pontos livres", "Da etapa 1", "Resultados"}, func(x *exHarness, see func()) {
		its := items("Agendamento", "Lista clara", "Mais horários")
		x.open(Data{})
		see()
		x.open(Data{Items: its})
		x.keys("l", "l", "l")
		see()
		x.keys("ctrl+s")
		see()
		x.env.Snap.Cohort.Live.Votes = map[string]session.VoteState{x.step.ID: {Closed: true, Revealed: true}}
		x.refresh(Data{Items: its, Tally: []work.Tally{{Item: its[0], Dots: 4}, {Item: its[1], Dots: 1}}})
		see()
		x.keys("r")
		see()
	}},
	{"matrix", "kind: matrix\nfrom: ideas", []string{"Alto impacto", "Movendo", "fora da matriz"}, func(x *exHarness, see func()) {
		x.open(Data{})
		see()
		x.open(Data{Items: items("Agendamento", "Lista clara")})
		see()
		x.keys("enter")
		see()
		x.keys("enter", "j", "2")
		see()
	}},
	{"journey", "kind: journey\nstages: [Find out, Apply]\nlanes: [User actions, Pain points]\nadd_stages: true", []string{"fase 1 de 2", "Nova fase", "Remover a fase"}, func(x *exHarness, see func()) {
		x.open(Data{})
		see()
		x.keys("enter")
		see()
		x.typeText("Fila")
		x.keys("enter", "a")
		see()
		x.typeText("Renovar")
		x.keys("enter")
		see()
		x.keys("d")
		see()
	}},
	{"journey without stages", "kind: journey\nlanes: [Doing]\nadd_stages: true", []string{"Ainda não há fases"}, func(x *exHarness, see func()) {
		x.open(Data{})
		see()
	}},
	{"table", tableYAML, []string{"+ Adicionar linha", "Linha 1", "(nenhuma)", "Apagar a linha 1"}, func(x *exHarness, see func()) {
		x.open(Data{})
		see()
		x.keys("a")
		see()
		x.typeText("Licença")
		x.keys("tab")
		x.typeText("muitos")
		x.keys("enter") // refused: the field stays open, the refusal in the reader's words
		see()
		x.keys("backspace", "backspace", "backspace", "backspace", "backspace", "backspace")
		x.typeText("120")
		x.keys("enter")
		see()
		x.keys("tab", "esc", "right", "enter")
		see()
		x.keys("z")
		see()
		x.keys("esc", "d")
		see()
	}},
	{"scale", "kind: scale\nstatements: [I talk to users., I test ideas early.]", []string{"sem nota", "Concordo", "média 3,5"}, func(x *exHarness, see func()) {
		x.open(Data{Scale: [][5]int{{0, 1, 0, 3, 0}, {1, 0, 0, 0, 1}}})
		see()
		x.keys("4", "ctrl+s")
		see()
		x.keys("j", "3", "ctrl+s")
		see()
	}},
	{"checklist", "kind: checklist\nitems: [Staff trained, Help desk briefed]", []string{"Marque o que se aplica", "Nota sobre", "marcados"}, func(x *exHarness, see func()) {
		x.open(Data{})
		x.keys("space", "e")
		see()
		x.typeText("Duas mesas")
		x.keys("enter")
		see()
	}},
	{"quiz", quizYAML, []string{"Responda a cada pergunta", "Acertos", "A resposta certa"}, func(x *exHarness, see func()) {
		x.open(Data{})
		see()
		x.keys("ctrl+s")
		see()
		x.keys("j", "space", "j", "j", "space", "ctrl+s")
		see()
	}},
}

const quizYAML = `
kind: quiz
questions:
  - question: Who should test a prototype?
    options:
      - {text: Real users, correct: true}
      - {text: The project team, feedback: The team knows too much.}
  - question: Where do pain points show?
    options:
      - {text: In the journey, correct: true}
      - {text: In the budget}`

// Every editor, walked through its states in every language at 80×24 and 40×12 with a printer
// that marks untranslated text: nothing is left untranslated, every line fits, and a
// Portuguese reader finds the words they expect.
func TestEveryLanguageEditors(t *testing.T) {
	for _, lang := range i18n.Languages {
		for _, size := range [][2]int{{80, 24}, {40, 12}} {
			for _, w := range walks {
				t.Run(fmt.Sprintf("%s/%dx%d/%s", lang, size[0], size[1], w.name), func(t *testing.T) {
					x := newExHarness(t, w.yaml, size[0], size[1]).speak(i18n.Strict(lang))
					var seen strings.Builder
					see := func() {
						t.Helper()
						v := x.view()
						if strings.Contains(v, "⟦") {
							t.Errorf("untranslated text on screen:\n%s", v)
						}
						for _, b := range helpOf(x.ex) {
							if h := b.Help(); strings.Contains(h.Key+h.Desc, "⟦") {
								t.Errorf("untranslated help: %q %q", h.Key, h.Desc)
							}
						}
						seen.WriteString(v + "\n")
					}
					w.run(x, see)
					if lang != i18n.Portuguese || size[0] < 80 {
						return
					}
					for _, want := range w.pt {
						if !strings.Contains(seen.String(), want) {
							t.Errorf("no screen shows %q:\n%s", want, seen.String())
						}
					}
				})
			}
		}
	}
}

// helpOf is every binding an editor's help shows now.
func helpOf(e Editor) []key.Binding {
	out := e.ShortHelp()
	for _, g := range e.FullHelp() {
		out = append(out, g...)
	}
	return out
}

// The key map and the editors' keys have help in every language.
func TestEveryLanguageKeys(t *testing.T) {
	for _, lang := range i18n.Languages {
		km := ui.NewKeyMap(i18n.Strict(lang))
		k := NewKeys(km)
		all := []key.Binding{km.Quit, km.Help, km.Enter, km.Back, km.Up, km.Down, km.PageUp, km.PageDown, km.Focus,
			km.Submit, km.Next, km.Prev, km.StepBack, km.StepAhead, km.Present,
			k.Left, k.Right, k.Top, k.Bottom, k.Enter, k.Cancel, k.Add, k.Edit, k.Delete, k.MoveUp, k.MoveDown,
			k.Yes, k.More, k.Less, k.Toggle, k.Place, k.Unplace, k.Quadrant, k.Rate, k.Results,
			k.NextField, k.PrevField, k.Rename, k.Hand, k.Bell}
		for _, b := range all {
			if h := b.Help(); h.Desc == "" || strings.Contains(h.Desc, "⟦") {
				t.Errorf("%s: %q has help %q", lang, h.Key, h.Desc)
			}
		}
		if lang == i18n.Portuguese && k.Add.Help().Desc != "adicionar" {
			t.Errorf("pt-BR add is %q", k.Add.Help().Desc)
		}
	}
	if d := ui.DefaultKeyMap().Submit.Help().Desc; d != "submit" {
		t.Errorf("the default key map says %q", d)
	}
}

package exercise

import (
	"slices"
	"testing"

	"workshop/content"
	"workshop/i18n"
	"workshop/session/work"
)

const tablePT = `
kind: table
columns:
  - {name: Serviço, type: text}
  - {name: Pedidos por mês, type: number}
  - {name: Canal, type: choice, options: [Internet, Balcão, Telefone]}
max_rows: 2`

const journeyPT = `
kind: journey
stages: [Descobrir, Solicitar, Esperar, Receber, Acompanhar, Reclamar, Renovar]
lanes: [Ações do usuário, Linha de frente, Bastidores, Apoio, Dores]
add_stages: true
max_length: 30`

// readerIn is a participant who reads the step in Portuguese: the cohort's module is the
// original (English), the step on screen its translation.
func readerIn(t *testing.T, origYAML, ptYAML string) *exHarness {
	t.Helper()
	x := newExHarness(t, origYAML, 80, 16)
	tr := testModulePT(t, ptYAML)
	if _, err := content.NewVariants(x.env.Snap.Module, tr); err != nil {
		t.Fatal(err)
	}
	x.step = tr.Steps[len(tr.Steps)-1]
	return x.speak(i18n.New(i18n.Portuguese))
}

// storedAs decodes what a harness stored against the module's own exercise, as the hub does,
// and checks it against that exercise.
func storedAs(t *testing.T, x *exHarness, ex *content.Exercise) any {
	t.Helper()
	if x.art == nil {
		t.Fatal("nothing stored")
	}
	v, err := work.Decode(ex, x.art.Schema, x.art.Data)
	if err != nil {
		t.Fatal(err)
	}
	if err := work.Check(ex, v); err != nil {
		t.Fatalf("the module's exercise refuses what was stored: %v", err)
	}
	return v
}

// A table's choice is stored as the module's own option whatever language it was picked in,
// and each reader sees it in theirs.
func TestTableChoiceIsStoredInTheModulesLanguage(t *testing.T) {
	en := newExHarness(t, tableYAML, 80, 16)
	pt := readerIn(t, tableYAML, tablePT)
	orig := en.step.Exercise
	pick := func(x *exHarness, typed string) {
		x.open(Data{})
		x.keys("a")
		x.typeText("Licença")
		x.keys("tab")
		x.typeText("40")
		x.keys("tab")
		x.typeText(typed)
		x.keys("enter")
	}
	pick(en, "Ph")
	pick(pt, "Te")
	enRows, ptRows := storedAs(t, en, orig).(*work.Table).Rows, storedAs(t, pt, orig).(*work.Table).Rows
	if enRows[0][2] != "Phone" || ptRows[0][2] != "Phone" {
		t.Fatalf("stored choices: English reader %q, Portuguese reader %q; want both \"Phone\"", enRows[0][2], ptRows[0][2])
	}
	pt.mustShow("Canal", "Telefone")
	pt.mustNotShow("Phone")

	// Each reads the other's work in their own language.
	en.art, pt.art = pt.art, en.art
	en.open(Data{})
	pt.open(Data{})
	en.mustShow("Channel", "Phone")
	pt.mustShow("Telefone")
	pt.mustNotShow("Phone")
	pt.keys("right", "right", "enter") // the choice cell's options, the stored one picked
	pt.mustShow("[Telefone]", "3/3")
}

// A journey's stages are stored by the module's own names, so a cell written by a reader of
// a translation lands in the same stage as an English reader's.
func TestJourneyStagesAreStoredInTheModulesLanguage(t *testing.T) {
	en := newExHarness(t, journeyYAML, 80, 16)
	pt := readerIn(t, journeyYAML, journeyPT)
	orig := en.step.Exercise
	for _, x := range []*exHarness{en, pt} {
		x.open(Data{})
		x.keys("right", "enter")
		x.typeText("Fila")
		x.keys("enter")
	}
	enJ, ptJ := storedAs(t, en, orig).(*work.Journey), storedAs(t, pt, orig).(*work.Journey)
	if !slices.Equal(enJ.Stages, orig.Stages) || !slices.Equal(ptJ.Stages, orig.Stages) {
		t.Fatalf("stored stages: English reader %q, Portuguese reader %q; want %q", enJ.Stages, ptJ.Stages, orig.Stages)
	}
	if enJ.Cells[0][1] != "Fila" || ptJ.Cells[0][1] != "Fila" {
		t.Fatalf("cells: %q and %q", enJ.Cells[0], ptJ.Cells[0])
	}
	pt.mustShow("Descobrir", "Solicitar", "Ações do usuário", "Ações do usuário · Solicitar: Fila")
	pt.mustNotShow("Find out", "User actions")

	// A stage a reader adds is theirs, in their words, and stays so for everyone.
	pt.keys("a")
	pt.typeText("Pagar")
	pt.keys("enter")
	if j := storedAs(t, pt, orig).(*work.Journey); j.Stages[len(j.Stages)-1] != "Pagar" {
		t.Fatalf("added stage stored as %q", j.Stages)
	}
	en.art = pt.art
	en.open(Data{})
	en.keys("end")
	en.mustShow("Pagar*")
}

// A vote names the step its items come from by that step's title as the reader reads it.
func TestVoteNamesTheEarlierStepInTheReadersLanguage(t *testing.T) {
	x := readerIn(t, "kind: vote\nfrom: ideas", "kind: vote\nfrom: ideas")
	x.env.Shown = testModulePT(t, "kind: vote\nfrom: ideas")
	x.open(Data{Items: items("Fila")})
	x.mustShow("Da etapa 1, Ideias: itens de toda a turma")
}

package exercise

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"workshop/internal/testenv/keypress"
	"workshop/session/work"
)

const journeyYAML = `
kind: journey
stages: [Find out, Apply, Wait, Receive, Follow up, Complain, Renew]
lanes: [User actions, Front stage, Back stage, Support processes, Pain points]
add_stages: true
max_length: 30`

func TestJourneyCellsAndStagesAt80Columns(t *testing.T) {
	x := newExHarness(t, journeyYAML, 80, 16)
	x.open(Data{})
	v := x.mustShow("Find out", "Apply", "User actions", "Pain points", "stage 1 of 7", "▶")
	if strings.Contains(v, "Renew") {
		t.Fatalf("all seven stages squeezed into 80 columns:\n%s", v)
	}

	x.keys("enter")
	if !x.ex.Typing() || !x.ex.Wants(keypress.Named("tab")) {
		t.Fatal("enter did not open the cell, or tab does not move to the next cell")
	}
	x.typeText("Searches the website")
	x.keys("tab")
	x.typeText("Fills the form")
	x.keys("enter")
	g := x.stored().(*work.Journey)
	if g.Cells[0][0] != "Searches the website" || g.Cells[0][1] != "Fills the form" {
		t.Fatalf("cells %q", g.Cells[0])
	}

	// Moving right past the last column shown scrolls, and says how many are hidden.
	x.keys("l", "l", "l", "l", "l", "j", "j", "j", "j", "j")
	x.mustShow("Renew", "◀", "stage 7 of 7", "Pain points · Renew")

	// The module's stages stay; added ones can be renamed and removed.
	x.keys("d")
	x.mustShow("The module's stages stay")
	x.keys("a")
	x.typeText("Appeal")
	x.keys("enter")
	x.mustShow("Appeal*", "stage 8 of 8")
	x.keys("a")
	x.typeText("Appeal")
	x.keys("enter")
	x.mustShow("There is already a stage called")
	x.keys("r", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace")
	x.typeText("Object")
	x.keys("enter")
	if g := x.stored().(*work.Journey); g.Stages[7] != "Object" || len(g.Cells[4]) != 8 {
		t.Fatalf("rename: %q, %d cells in a lane", g.Stages, len(g.Cells[4]))
	}
	x.keys("d", "y")
	if g := x.stored().(*work.Journey); len(g.Stages) != 7 {
		t.Fatalf("stage not removed: %q", g.Stages)
	}

	// A cell keeps to max_length.
	x.keys("home", "enter")
	x.send(tea.PasteMsg{Content: strings.Repeat("x", 50)})
	x.mustShow("30/30")
}

func TestJourneyFitsSmallTerminals(t *testing.T) {
	for _, size := range [][2]int{{80, 16}, {60, 10}, {40, 6}, {40, 3}} {
		x := newExHarness(t, journeyYAML, size[0], size[1])
		x.open(Data{})
		x.keys("l", "j", "enter")
		x.typeText("text")
		x.view() // checks the size
		x.keys("esc", "a")
		x.view()
	}
}

func TestJourneyWithoutStagesStartsWithOne(t *testing.T) {
	x := newExHarness(t, "kind: journey\nlanes: [Doing, Feeling]\nadd_stages: true", 60, 10)
	x.open(Data{})
	x.mustShow("No stages yet")
	x.keys("enter")
	x.typeText("Arrive")
	x.keys("enter")
	x.mustShow("Arrive", "Doing", "Feeling")
}

const tableYAML = `
kind: table
columns:
  - {name: Service, type: text}
  - {name: Monthly requests, type: number}
  - {name: Channel, type: choice, options: [Online, Counter, Phone]}
max_rows: 2`

func TestTableRowsNumbersAndChoices(t *testing.T) {
	x := newExHarness(t, tableYAML, 80, 12)
	x.open(Data{})
	x.mustShow("Service", "Monthly requests", "Channel", "+ Add a row", "0/2 rows")

	x.keys("a")
	x.typeText("Parking permit")
	x.keys("tab")
	x.typeText("12O0") // a letter O, not a zero
	x.keys("enter")
	x.mustShow("is not a number")
	if !x.ex.Typing() {
		t.Fatal("the field closed on a wrong number")
	}
	x.keys("backspace", "backspace", "backspace")
	x.typeText("200")
	x.keys("tab")
	x.mustShow("Channel:", "(none)", "Online")
	x.keys("right", "right", "enter")
	tb := x.stored().(*work.Table)
	if got := tb.Rows[0]; got[0] != "Parking permit" || got[1] != "1200" || got[2] != "Counter" {
		t.Fatalf("row %q", got)
	}
	x.mustShow("Parking permit", "1200", "Counter")

	x.keys("a", "esc", "a")
	x.mustShow("The table is full: 2 rows")
	x.keys("up", "d", "y")
	if tb := x.stored().(*work.Table); len(tb.Rows) != 1 || len(tb.IDs) != 1 {
		t.Fatalf("after delete %+v", tb)
	}
	x.keys("ctrl+s")
	x.mustShow("✓ Submitted")
}

func TestTableTeamRowsByID(t *testing.T) {
	x := newExHarness(t, tableYAML+"\nteam: true", 80, 12)
	x.board = &work.Table{Rows: [][]string{{"Permits", "", ""}}, IDs: []string{"r1"}}
	x.open(Data{})
	x.keys("l", "enter")
	x.typeText("5")
	// A teammate adds a row above before Ana saves: her number lands in her row.
	b := x.board.(*work.Table)
	b.Rows = append([][]string{{"Licences", "", ""}}, b.Rows...)
	b.IDs = append([]string{"r0"}, b.IDs...)
	x.keys("enter")
	if got := x.board.(*work.Table).Rows; got[1][1] != "5" || got[0][1] != "" {
		t.Fatalf("rows %q", got)
	}
}

func TestScaleRatesAndShowsCohortAfterSubmitting(t *testing.T) {
	x := newExHarness(t, `
kind: scale
statements: [I talk to users., I test ideas early.]
labels: [Never, Rarely, Sometimes, Often, Always]`, 80, 12)
	dist := [][5]int{{0, 1, 0, 3, 0}, {2, 0, 0, 0, 1}}
	x.open(Data{Scale: dist})
	x.mustShow("I talk to users.", "not rated (1 Never … 5 Always)", "0/2 rated")
	x.keys("4")
	x.mustShow("[4]", "Often")
	x.keys("ctrl+s")
	x.mustShow("Rate every statement before submitting: 1 left")
	x.mustNotShow("Cohort")
	x.keys("j", "right", "right")
	if r := x.stored().(*work.Scale).Ratings; r[0] != 4 || r[1] != 2 {
		t.Fatalf("ratings %v", r)
	}
	x.keys("ctrl+s")
	x.mustShow("✓ Submitted", "Cohort (4):", "4:3", "Cohort (3):")
}

func TestChecklistTicksAndNotes(t *testing.T) {
	x := newExHarness(t, "kind: checklist\nitems: [Staff trained, Help desk briefed]", 60, 10)
	x.open(Data{})
	x.keys("space", "j", "x", "x", "e")
	x.typeText("Two of five desks")
	x.keys("enter")
	c := x.stored().(*work.Checklist)
	if !c.Ticks[0] || c.Ticks[1] || c.Notes[1] != "Two of five desks" {
		t.Fatalf("checklist %+v", c)
	}
	x.mustShow("[x] Staff trained", "[ ] Help desk briefed", "note: Two of five desks", "1/2 ticked")
	x.keys("ctrl+s")
	x.mustShow("✓ Submitted")
}

func TestQuizFeedbackAndScore(t *testing.T) {
	x := newExHarness(t, `
kind: quiz
questions:
  - question: Who should test a prototype?
    options:
      - {text: Real users, correct: true, feedback: They see what the team cannot.}
      - {text: The project team, feedback: The team knows too much.}
  - question: Where do pain points show?
    options:
      - {text: Where people give up, correct: true}
      - {text: In long forms}`, 80, 14)
	x.open(Data{})
	x.keys("j", "space")
	x.keys("ctrl+s")
	x.mustShow("Answer every question before submitting: 1 left")
	x.mustNotShow("not quite")
	x.keys("j", "enter", "ctrl+s")
	x.mustShow("✗ not quite", "The team knows too much.", "The right answer: Real users", "✓ right", "Score: 1 of 2")
	if v := x.view(); strings.Count(v, "The right answer:") != 1 {
		t.Fatalf("the right answer should show once, under the wrong pick only:\n%s", v)
	}

	// Changing an answer hides the feedback until the quiz is submitted again.
	x.keys("k", "k", "space")
	x.mustShow("2/2 answered", "Changed since you submitted")
	x.mustNotShow("not quite", "Score")
	x.keys("ctrl+s")
	x.mustShow("Score: 2 of 2", "They see what the team cannot.")
	x.mustNotShow("The right answer:")
}

package exercise

import (
	"strings"
	"testing"

	"workshop/internal/testenv/keypress"
	"workshop/session/work"
)

const censusTable = `kind: table
columns:
  - {name: Service, type: text}
  - {name: Channel, type: choice, options: [Online, Counter, Phone]}
  - {name: Notes, type: text}
max_rows: 10`

// Typing in a choice cell picks from its options and is never taken as a command: "National
// ID" typed where a channel is asked adds no row and types nowhere; a letter on a choice cell
// of the grid picks the option it starts.
func TestTableChoiceCellsTakeTypingAsPicking(t *testing.T) {
	x := newExHarness(t, censusTable, 80, 14)
	x.open(Data{})
	x.keys("a")
	x.typeText("Passport")
	x.keys("tab")
	x.mustShow("Channel:", "[(none)]")
	x.typeText("National ID")
	x.mustShow("No option starts with", "Channel:")
	if tb := x.stored().(*work.Table); len(tb.Rows) != 1 || strings.Join(tb.Rows[0], "|") != "Passport||" {
		t.Fatalf("typing in the choice changed the table: %q", tb.Rows)
	}
	x.keys("backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace")
	x.typeText("ph")
	x.mustShow("[Phone]")
	x.keys("enter")
	x.mustShow("Row 1 · Channel: Phone")

	// On the grid, a letter on a choice cell opens its options at the one it starts.
	x.typeText("c")
	x.mustShow("[Counter]")
	x.keys("enter")
	if tb := x.stored().(*work.Table); len(tb.Rows) != 1 || tb.Rows[0][1] != "Counter" {
		t.Fatalf("rows %q", tb.Rows)
	}
}

// Tab goes on along the row from a choice cell as from a text cell: it chooses and opens the
// next cell, instead of leaving the table for the guidance.
func TestTableTabMovesOnFromAChoiceCell(t *testing.T) {
	x := newExHarness(t, censusTable, 80, 14)
	x.open(Data{})
	x.keys("a")
	x.typeText("Passport")
	x.keys("tab", "right")
	if !x.ex.Wants(keypress.Named("tab")) {
		t.Fatal("the choice cell lets tab leave the table")
	}
	x.keys("tab")
	x.mustShow("Row 1 · Notes")
	x.typeText("in person")
	x.keys("enter")
	if tb := x.stored().(*work.Table); strings.Join(tb.Rows[0], "|") != "Passport|Online|in person" {
		t.Fatalf("rows %q", tb.Rows)
	}
	x.keys("shift+tab") // on the grid, shift+tab is the screen's again
	for _, g := range x.ex.FullHelp() {
		for _, b := range g {
			if b.Help().Key == "tab" && !strings.Contains(b.Help().Desc, "in a cell") {
				t.Errorf("the table's help gives tab as %q, which the screen's help also gives tab a meaning beside", b.Help().Desc)
			}
		}
	}
}

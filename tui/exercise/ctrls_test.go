package exercise

import (
	"strings"
	"testing"

	"workshop/session"
	"workshop/session/work"
)

// ctrl+s with a list's item field open ("ctrl+s when done") adds what is typed there, or keeps
// the edit, and submits the list; with nothing typed and no item it says what is missing.
func TestListCtrlSWithTheItemFieldOpen(t *testing.T) {
	x := newExHarness(t, `
kind: list
prompt: One idea per item
max_items: 5`, 80, 14)
	x.open(Data{})
	x.keys("a", "ctrl+s")
	x.mustShow("Add at least one item before submitting")

	x.keys("a")
	x.typeText("Online booking")
	x.keys("ctrl+s")
	if list := x.stored().(*work.List); len(list.Items) != 1 || list.Items[0].Text != "Online booking" {
		t.Fatalf("ctrl+s in the field stored %+v", list.Items)
	}
	if x.art.Status != session.StatusSubmitted || x.ex.Typing() {
		t.Fatalf("after ctrl+s in the field: status %q, still typing %v", x.art.Status, x.ex.Typing())
	}

	x.keys("up", "e")
	x.typeText(" now")
	x.keys("ctrl+s")
	if list := x.stored().(*work.List); len(list.Items) != 1 || list.Items[0].Text != "Online booking now" || x.art.Status != session.StatusSubmitted {
		t.Fatalf("ctrl+s while editing stored %+v (%s)", list.Items, x.art.Status)
	}
}

// ctrl+s with a table cell being typed or chosen keeps the cell and submits the table.
func TestTableCtrlSWithACellOpen(t *testing.T) {
	x := newExHarness(t, censusTable, 80, 14)
	x.open(Data{})
	x.keys("a")
	x.typeText("Passport")
	x.keys("ctrl+s")
	if tb := x.stored().(*work.Table); len(tb.Rows) != 1 || tb.Rows[0][0] != "Passport" || x.art.Status != session.StatusSubmitted {
		t.Fatalf("ctrl+s in a text cell stored %q (%s)", tb.Rows, x.art.Status)
	}
	if x.ex.Typing() {
		t.Fatal("the cell is still open after ctrl+s")
	}

	x.keys("right")
	x.typeText("c")
	x.mustShow("[Counter]")
	x.keys("ctrl+s")
	if tb := x.stored().(*work.Table); strings.Join(tb.Rows[0][:2], "|") != "Passport|Counter" {
		t.Fatalf("ctrl+s in a choice stored %q", tb.Rows)
	}
}

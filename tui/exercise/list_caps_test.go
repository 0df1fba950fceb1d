package exercise

import (
	"testing"

	"workshop/session/work"
)

// On a team board max_items is each member's share: teammates' items leave a member's room
// alone, and the screen says when the member's own share is used up.
func TestListTeamBoardShareIsPerPerson(t *testing.T) {
	x := newExHarness(t, "kind: list\nteam: true\nmax_items: 2", 80, 12)
	x.board = &work.List{Items: []work.Item{{ID: "b1", Text: "Bea's first", By: 2}, {ID: "b2", Text: "Bea's second", By: 2}, {ID: "b3", Text: "Bea's third", By: 2}}}
	x.open(Data{})
	x.mustShow("Bea's third", "+ Add an item", "0/2 yours")
	x.keys("a")
	x.typeText("Mine")
	x.keys("enter")
	x.typeText("Also mine")
	x.keys("enter")
	if n := len(x.board.(*work.List).Items); n != 5 {
		t.Fatalf("the board holds %d items, want 5", n)
	}
	x.mustShow("Added. You have added the 2 items you may add here.", "2/2 yours")
	x.keys("a")
	x.mustShow("You have added 2 items, the most one person may add here.")
	if x.ex.Typing() {
		t.Fatal("a text field opened with the share used up")
	}
}

// max_board_items bounds the whole board.
func TestListBoardFull(t *testing.T) {
	x := newExHarness(t, "kind: list\nanonymous: true\nmax_board_items: 2", 80, 12)
	x.board = &work.List{Items: []work.Item{{ID: "a", Text: "First"}, {ID: "b", Text: "Second"}}}
	x.open(Data{})
	x.mustShow("The board is full.", "2 on the board")
	x.keys("a")
	x.mustShow("The board is full: it holds at most 2 items")
}

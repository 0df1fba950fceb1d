package exercise

import (
	"strings"
	"testing"

	"workshop/internal/testenv/keypress"
	"workshop/session"
	"workshop/session/work"
)

func TestMatrixPlaceWithKeys(t *testing.T) {
	x := newExHarness(t, "kind: matrix\nfrom: ideas", 80, 18)
	its := items("Online booking", "Clear checklist")
	x.open(Data{Items: its})
	v := x.mustShow("High impact · Low effort", "Low impact · High effort", "0/2 placed", "not placed")
	if !strings.Contains(v, "↑ High impact") || !strings.Contains(v, "High effort →") {
		t.Fatalf("axes not labelled:\n%s", v)
	}

	// enter picks the item up in the middle; arrows and vi keys move it; enter puts it down.
	x.keys("enter")
	if !x.ex.Wants(keypress.Named("esc")) {
		t.Fatal("moving does not keep esc")
	}
	x.keys("up", "k", "left", "h", "h", "h", "enter")
	p := x.stored().(*work.Matrix).Places["i1"]
	if p != (work.Place{X: 1, Y: 7}) {
		t.Fatalf("placed at %+v", p)
	}
	x.mustShow("[1]", "High impact · Low effort", "1/2 placed")

	// Moving stops at the edge of the grid.
	x.keys("enter", "up", "up", "up", "up", "up", "esc")
	if p := x.stored().(*work.Matrix).Places["i1"]; p.Y != work.GridSize-1 {
		t.Fatalf("moved off the grid to %+v", p)
	}

	// 1–4 drop the picked item in a quadrant; u takes it off.
	x.keys("j", "4")
	if q := x.stored().(*work.Matrix).Places["i2"].Quadrant(); q != 3 {
		t.Fatalf("4 put the item in quadrant %d", q)
	}
	v = x.mustShow("2/2 placed", "[2]")
	if !strings.Contains(v, " 1 ") && !strings.Contains(v, "1") {
		t.Fatalf("the other item is not drawn:\n%s", v)
	}
	x.keys("u")
	if _, ok := x.stored().(*work.Matrix).Places["i2"]; ok {
		t.Fatal("u did not take the item off")
	}
	x.keys("ctrl+s")
	if x.art.Status != session.StatusSubmitted {
		t.Fatal("not submitted")
	}
}

func TestMatrixSmallTerminalListsQuadrants(t *testing.T) {
	x := newExHarness(t, "kind: matrix\nfrom: ideas\nquadrants: [Do now, Plan, Maybe, Drop]", 40, 6)
	x.open(Data{Items: items("Online booking", "Clear checklist")})
	x.keys("1")
	x.mustShow("Online booking → Do now")
}

func TestMatrixTeamIsShared(t *testing.T) {
	x := newExHarness(t, "kind: matrix\nfrom: ideas\nteam: true", 80, 18)
	x.open(Data{Items: items("Online booking")})
	x.keys("2")
	if x.ops != 1 || x.board.(*work.Matrix).Places["i1"].Quadrant() != 1 {
		t.Fatalf("team placement not on the board: %d changes, %+v", x.ops, x.board)
	}
	// A teammate moves it; the drawing follows.
	x.board.(*work.Matrix).Place("i1", work.Place{X: 1, Y: 1})
	x.refresh(Data{Items: items("Online booking")})
	x.mustShow("Low impact · Low effort")
}

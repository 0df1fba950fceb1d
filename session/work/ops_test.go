package work

import (
	"errors"
	"testing"

	"workshop/content"
)

func TestListChanges(t *testing.T) {
	l := &List{Items: []Item{}}
	l.Add(Item{ID: "a", Text: "one", By: 1})
	l.Add(Item{ID: "b", Text: "two", By: 2})
	l.Add(Item{ID: "a", Text: "again"}) // the same change twice adds one item
	if len(l.Items) != 2 {
		t.Fatalf("items %+v", l.Items)
	}
	if err := l.Edit("a", "one!", 2); err != nil || l.Items[0].EditedBy != 2 {
		t.Fatalf("edit by another: %v %+v", err, l.Items[0])
	}
	if err := l.Edit("a", "one", 1); err != nil || l.Items[0].EditedBy != 0 {
		t.Fatalf("edit by the author: %v %+v", err, l.Items[0])
	}
	if err := l.Move("b", -5); err != nil || l.Items[0].ID != "b" {
		t.Fatalf("move to the top: %v %+v", err, l.Items)
	}
	l.Delete("b")
	l.Delete("b")
	if len(l.Items) != 1 {
		t.Fatalf("after delete %+v", l.Items)
	}
	if err := l.Edit("b", "x", 1); !errors.Is(err, ErrGone) {
		t.Fatalf("editing a removed item: %v", err)
	}
}

func TestJourneyStagesByName(t *testing.T) {
	ex := exercise(content.KindJourney)
	ex.AddStages = true
	j := New(ex).(*Journey)
	if err := j.AddStage("receive"); err != nil {
		t.Fatal(err)
	}
	if err := j.AddStage("find"); err == nil {
		t.Fatal("a second stage with the same name")
	}
	// A teammate removed the first stage; a change to "apply" made at position 1 still lands.
	j.DeleteStage(0, "find")
	if err := j.SetCell(1, 1, "apply", "waits"); err != nil || j.Cells[1][0] != "waits" {
		t.Fatalf("cell by name: %v %q", err, j.Cells)
	}
	if err := j.SetCell(0, 0, "find", "x"); !errors.Is(err, ErrGone) {
		t.Fatalf("cell of a removed stage: %v", err)
	}
	if err := j.RenameStage(1, "receive", "get"); err != nil || j.Stages[1] != "get" {
		t.Fatalf("rename: %v %q", err, j.Stages)
	}
	if len(j.Cells[0]) != len(j.Stages) {
		t.Fatal("cells out of step with stages")
	}
}

func TestTableRowsByID(t *testing.T) {
	ex := exercise(content.KindTable)
	tb := New(ex).(*Table)
	tb.AddRow("r1", 3)
	tb.AddRow("r1", 3)
	tb.AddRow("r2", 3)
	if err := tb.SetCell("r2", 1, "12"); err != nil || tb.Rows[1][1] != "12" {
		t.Fatal(err)
	}
	tb.DeleteRow("r1")
	if err := tb.SetCell("r2", 0, "Permits"); err != nil || tb.Rows[0][0] != "Permits" {
		t.Fatalf("row by id after a delete: %v %q", err, tb.Rows)
	}
	if err := tb.SetCell("r1", 0, "x"); !errors.Is(err, ErrGone) {
		t.Fatalf("removed row: %v", err)
	}
	// Stored without ids, rows get ids by position, the same on every read.
	a, _ := Decode(ex, 1, []byte(`{"rows":[["a","1","web"],["b","2","desk"]]}`))
	b, _ := Decode(ex, 1, []byte(`{"rows":[["a","1","web"],["b","2","desk"]]}`))
	if a.(*Table).IDs[1] != b.(*Table).IDs[1] || a.(*Table).IDs[0] == a.(*Table).IDs[1] {
		t.Fatalf("ids %q %q", a.(*Table).IDs, b.(*Table).IDs)
	}
}

func TestNumbersAreStrict(t *testing.T) {
	col := content.Column{Name: "Requests", Type: content.ColumnNumber}
	for _, ok := range []string{"", "1200", "12.5", "-3", " 7 "} {
		if err := CheckCell(col, ok); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
	for _, bad := range []string{"12O0", "many", "1,200", "12 requests"} {
		if err := CheckCell(col, bad); err == nil {
			t.Errorf("%q accepted as a number", bad)
		}
	}
}

func TestVoteKeepsOnlyLiveItems(t *testing.T) {
	v := &Vote{Dots: map[string]int{"a": 2, "gone": 1}}
	v.Keep([]Item{{ID: "a"}, {ID: "b"}})
	v.Set("b", 1)
	v.Set("a", 0)
	if v.Spent() != 1 || v.Dots["b"] != 1 || len(v.Dots) != 1 {
		t.Fatalf("dots %v", v.Dots)
	}
}

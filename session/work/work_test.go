package work

import (
	"testing"

	"workshop/content"
)

func exercise(kind content.Kind) *content.Exercise {
	return &content.Exercise{
		Kind:       kind,
		Statements: []string{"a", "b"},
		Items:      []string{"x", "y", "z"},
		Lanes:      []string{"acts", "pains"},
		Stages:     []string{"find", "apply"},
		Columns:    []content.Column{{Name: "Service", Type: content.ColumnText}, {Name: "Requests", Type: content.ColumnNumber}, {Name: "Channel", Type: content.ColumnChoice, Options: []string{"web", "desk"}}},
		Questions:  []content.Question{{Question: "q", Options: []content.Option{{Text: "no"}, {Text: "yes", Correct: true}}}},
		Dots:       3,
	}
}

func TestDecodeShapesToExercise(t *testing.T) {
	v, err := Decode(exercise(content.KindScale), 1, []byte(`{"ratings":[9,2,4,1]}`))
	if err != nil {
		t.Fatal(err)
	}
	if got := v.(*Scale).Ratings; len(got) != 2 || got[0] != 5 || got[1] != 2 {
		t.Errorf("ratings %v", got)
	}
	v, _ = Decode(exercise(content.KindJourney), 1, nil)
	j := v.(*Journey)
	if len(j.Cells) != 2 || len(j.Cells[1]) != 2 || len(j.Stages) != 2 {
		t.Errorf("journey %+v", j)
	}
	v, _ = Decode(exercise(content.KindQuiz), 1, []byte(`{"answers":[7]}`))
	if a := v.(*Quiz).Answers; a[0] != -1 {
		t.Errorf("out of range answer kept: %v", a)
	}
	if _, err := Decode(exercise(content.KindList), 2, []byte(`{}`)); err == nil {
		t.Error("newer schema accepted")
	}
	if _, err := Decode(exercise(content.KindList), 1, []byte(`{"items":7}`)); err == nil {
		t.Error("wrong type accepted")
	}
}

func TestCheck(t *testing.T) {
	ex := exercise(content.KindVote)
	if err := Check(ex, &Vote{Dots: map[string]int{"a": 2, "b": 1}}); err != nil {
		t.Errorf("3 dots of 3: %v", err)
	}
	if err := Check(ex, &Vote{Dots: map[string]int{"a": 2, "b": 2}}); err == nil {
		t.Error("4 dots of 3 accepted")
	}
	tab := exercise(content.KindTable)
	if err := Check(tab, &Table{Rows: [][]string{{"Permits", "12.5", "web"}}}); err != nil {
		t.Errorf("valid row: %v", err)
	}
	if err := Check(tab, &Table{Rows: [][]string{{"Permits", "many", "web"}}}); err == nil {
		t.Error("non-number accepted")
	}
	if err := Check(tab, &Table{Rows: [][]string{{"Permits", "1", "fax"}}}); err == nil {
		t.Error("unknown choice accepted")
	}
}

func TestResults(t *testing.T) {
	items := []Item{{ID: "a", Text: "A"}, {ID: "b", Text: "B"}, {ID: "c", Text: "C"}}
	tally := TallyVotes(items, []*Vote{{Dots: map[string]int{"b": 2, "a": 1}}, {Dots: map[string]int{"b": 1, "c": 2, "zz": 5}}})
	if tally[0].Item.ID != "b" || tally[0].Dots != 3 || tally[1].Item.ID != "c" || tally[2].Dots != 1 {
		t.Errorf("tally %+v", tally)
	}
	ex := exercise(content.KindScale)
	d := Distribution(ex, []*Scale{{Ratings: []int{5, 1}}, {Ratings: []int{5, 0}}})
	if d[0][4] != 2 || d[1][0] != 1 || d[1][1] != 0 {
		t.Errorf("distribution %v", d)
	}
	q := exercise(content.KindQuiz)
	if c, n := Score(q, &Quiz{Answers: []int{1}}); c != 1 || n != 1 {
		t.Errorf("score %d/%d", c, n)
	}
	if (Place{X: 0, Y: 9}).Quadrant() != 0 || (Place{X: 9, Y: 0}).Quadrant() != 3 {
		t.Error("quadrants")
	}
}

func FuzzDecode(f *testing.F) {
	f.Add("list", []byte(`{"items":[{"id":"a","text":"x"}]}`))
	f.Add("list", []byte(`{"items":[{"id":"a","text":"x","by":3,"edited_by":4},{"id":"a"},{"text":"no id"}]}`))
	f.Add("journey", []byte(`{"stages":["a"],"cells":[["x","y","z"]]}`))
	f.Add("journey", []byte(`{"stages":["a","a","b","c"],"cells":null}`))
	f.Add("matrix", []byte(`{"places":{"a":{"x":-4,"y":99}}}`))
	f.Add("quiz", []byte(`{"answers":[3,-9]}`))
	f.Add("table", []byte(`{"rows":[["a","1","web","extra"],[]],"ids":["r","r","s"]}`))
	f.Add("vote", []byte(`{"dots":{"a":-1,"b":99}}`))
	f.Add("scale", []byte(`{"ratings":[0,6,-2]}`))
	f.Add("checklist", []byte(`{"ticks":[true],"notes":["a","b","c","d"]}`))
	f.Add("reflection", []byte(`{"text":"\u001b[31mred"}`))
	f.Add("list", []byte(`{"shared":true}`))
	f.Fuzz(func(t *testing.T, kind string, data []byte) {
		ex := exercise(content.Kind(kind))
		v, err := Decode(ex, 1, data)
		if err != nil {
			return
		}
		_ = Check(ex, v)
		out, err := Encode(v)
		if err != nil {
			t.Fatalf("decoded value does not encode: %v", err)
		}
		// Decoding is stable: what was read and written reads back the same.
		again, err := Decode(ex, Schema, out)
		if err != nil {
			t.Fatalf("re-reading own output: %v", err)
		}
		if out2, _ := Encode(again); string(out2) != string(out) {
			t.Fatalf("decoding is not stable:\n%s\n%s", out, out2)
		}
		if c, _ := Encode(Clone(v)); string(c) != string(out) {
			t.Fatalf("clone differs:\n%s\n%s", out, c)
		}
		switch w := v.(type) {
		case *List:
			seen := map[string]bool{}
			for _, it := range w.Items {
				if it.ID == "" || seen[it.ID] {
					t.Fatalf("item without a unique id: %+v", w.Items)
				}
				seen[it.ID] = true
			}
		case *Journey:
			if len(w.Cells) != len(ex.Lanes) {
				t.Fatal("journey lanes")
			}
			for _, row := range w.Cells {
				if len(row) != len(w.Stages) {
					t.Fatal("journey row does not match the stages")
				}
			}
		case *Matrix:
			for _, p := range w.Places {
				if p.X < 0 || p.X >= GridSize || p.Y < 0 || p.Y >= GridSize {
					t.Fatal("place off the grid")
				}
			}
		case *Table:
			if len(w.IDs) != len(w.Rows) {
				t.Fatal("row ids do not match the rows")
			}
			seen := map[string]bool{}
			for i, row := range w.Rows {
				if len(row) != len(ex.Columns) || seen[w.IDs[i]] {
					t.Fatalf("table row %d: %q %q", i, row, w.IDs)
				}
				seen[w.IDs[i]] = true
			}
		case *Scale:
			for _, r := range w.Ratings {
				if r < 0 || r > 5 {
					t.Fatal("rating off the scale")
				}
			}
		}
	})
}

func TestNumberCellsAreNumbers(t *testing.T) {
	tab := exercise(content.KindTable)
	for _, bad := range []string{"NaN", "Inf", "-inf", "0x1p4", "12O0"} {
		if err := Check(tab, &Table{Rows: [][]string{{"S", bad, "web"}}}); err == nil {
			t.Errorf("%q accepted as a number", bad)
		}
	}
	for _, good := range []string{"1200", "12.5", "-3", " 7 "} {
		if err := Check(tab, &Table{Rows: [][]string{{"S", good, "web"}}}); err != nil {
			t.Errorf("%q refused: %v", good, err)
		}
	}
}

package content

import (
	"slices"
	"testing"
)

func TestDefaults(t *testing.T) {
	var e Exercise
	for _, k := range Kinds {
		e := Exercise{Kind: k}
		want := DefaultTextLength
		if k == KindReflection {
			want = DefaultReflectionLength
		}
		if got := e.TextLimit(); got != want {
			t.Errorf("%s TextLimit() = %d, want %d", k, got, want)
		}
	}
	if e.ItemLimit() != 30 || e.DotCount() != 3 || e.PerItemLimit() != 3 || e.RowLimit() != 50 {
		t.Errorf("defaults: items %d, dots %d, per item %d, rows %d", e.ItemLimit(), e.DotCount(), e.PerItemLimit(), e.RowLimit())
	}
	if got := e.ScaleLabels(); !slices.Equal(got, []string{"Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"}) {
		t.Errorf("ScaleLabels() = %q", got)
	}
	x, y := e.MatrixAxes()
	if x != (Axis{"Effort", "Low effort", "High effort"}) || y != (Axis{"Impact", "Low impact", "High impact"}) {
		t.Errorf("MatrixAxes() = %+v, %+v", x, y)
	}
	wantQ := []string{"High impact · Low effort", "High impact · High effort", "Low impact · Low effort", "Low impact · High effort"}
	if got := e.QuadrantNames(); !slices.Equal(got, wantQ) {
		t.Errorf("QuadrantNames() = %q", got)
	}

	set := Exercise{
		Kind: KindVote, MaxLength: 10, MaxItems: 5, Dots: 7, MaxRows: 4,
		Labels: []string{"1", "2", "3", "4", "5"}, Quadrants: []string{"a", "b", "c", "d"},
		XAxis: &Axis{"Cost", "cheap", "dear"},
	}
	if set.TextLimit() != 10 || set.ItemLimit() != 5 || set.DotCount() != 7 || set.PerItemLimit() != 7 || set.RowLimit() != 4 {
		t.Errorf("set values not used: %+v", set)
	}
	set.MaxPerItem = 2
	if set.PerItemLimit() != 2 {
		t.Errorf("PerItemLimit() = %d", set.PerItemLimit())
	}
	if x, y := set.MatrixAxes(); x.Label != "Cost" || y.Label != "Impact" {
		t.Errorf("MatrixAxes() = %+v, %+v", x, y)
	}
	labels := set.ScaleLabels()
	labels[0] = "changed"
	if set.Labels[0] != "1" || !slices.Equal(set.QuadrantNames(), []string{"a", "b", "c", "d"}) {
		t.Error("ScaleLabels or QuadrantNames do not return the module's values as a copy")
	}
	set.Quadrants = nil
	if got := set.QuadrantNames(); got[0] != "High impact · cheap" || got[3] != "Low impact · dear" {
		t.Errorf("derived QuadrantNames() = %q", got)
	}
}

package content

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"go.yaml.in/yaml/v3"
)

// How much of each label a participant's screen shows on a terminal ScreenWidth columns wide,
// the smallest the program is designed for. A longer label is cut with "…" there, so
// validation warns about it; the editors' tests hold the screens to these numbers.
const (
	// ScreenWidth is the terminal width the label budgets below are measured at.
	ScreenWidth = 80
	// LaneWidth is the most of a journey lane name shown beside the grid.
	LaneWidth = 20
	// StageWidth is the most of a journey stage name shown above its column, when the lanes
	// take their full width and three stages share the screen with more hidden beside them.
	StageWidth = 17
	// QuadrantWidth is the most of a matrix quadrant name shown in its corner of the grid.
	QuadrantWidth = 25
	// AxisTopWidth is the most of the line above a matrix grid: "↑ HIGH (LABEL)" for the
	// vertical axis.
	AxisTopWidth = 54
	// AxisBottomWidth is the most of the line below a matrix grid: "↓ LOW  ← LEFT", then at
	// least one space, then "RIGHT →".
	AxisBottomWidth = 52
	// VoteItemWidth is the most of an item's text shown on a vote's ballot line, beside its
	// dots.
	VoteItemWidth = 64
	// QuizOptionWidth is the most of a quiz option shown on its line, with its mark once the
	// quiz is checked.
	QuizOptionWidth = 61
	// minTableColumn is the narrowest column a table is drawn with; fewer columns are shown
	// (and scrolled) rather than narrower ones.
	minTableColumn = 12
)

// ChoiceWidth is the most of a choice option shown in a cell of a table with the given number
// of columns and rows at most: the table shares ScreenWidth among as many columns as fit, after
// the row numbers.
func ChoiceWidth(columns, maxRows int) int {
	w, _ := tableCells(columns, maxRows)
	return w
}

// ColumnNameWidth is the most of a column name shown in the heading of a table with the given
// number of columns and rows at most: a cell's width (the mark of the columns scrolled out of
// sight has room of its own).
func ColumnNameWidth(columns, maxRows int) int {
	w, _ := tableCells(columns, maxRows)
	return w
}

// tableCells is the width of a cell of a table at ScreenWidth, and how many columns show.
// When not all columns fit, the mark that says how many are out of sight on the right
// (" 12 ▶") keeps room of its own beside the last heading.
func tableCells(columns, maxRows int) (cell, shown int) {
	numW := len(strconv.Itoa(maxRows+1)) + 3
	avail := ScreenWidth - numW
	n := max(min(avail/(minTableColumn+1), columns), 1)
	if n < columns {
		avail -= width(" " + strconv.Itoa(columns) + " ▶")
		n = max(min(avail/(minTableColumn+1), columns), 1)
	}
	return max(avail/n-1, 4), n
}

// width is the number of terminal cells a label takes.
func width(s string) int { return ansi.StringWidth(s) }

// checkWidths warns about the labels of an exercise that a screen ScreenWidth columns wide
// cuts.
func (w *walker) checkWidths(f *fields, e *Exercise) {
	entries := func(key string) []*yaml.Node {
		ent, ok := f.byKey[key]
		if !ok {
			return nil
		}
		if r := w.resolve(ent.val); r.Kind == yaml.SequenceNode {
			return r.Content
		}
		return nil
	}
	long := func(nodes []*yaml.Node, what string, limit int, where string) {
		for _, n := range nodes {
			if r := w.resolve(n); r.Kind == yaml.ScalarNode && width(r.Value) > limit {
				w.warn(n, "%s %q is %d characters; %s shows %d at %d columns", what, r.Value, width(r.Value), where, limit, ScreenWidth)
			}
		}
	}
	switch e.Kind {
	case KindJourney:
		long(entries("lanes"), "lane", LaneWidth, "the journey")
		long(entries("stages"), "stage", StageWidth, "the journey")
	case KindMatrix:
		w.matrixWidths(f, e, entries("quadrants"))
	case KindTable:
		limit, heading := ChoiceWidth(len(e.Columns), e.RowLimit()), ColumnNameWidth(len(e.Columns), e.RowLimit())
		where := fmt.Sprintf("a cell of this %d-column table", len(e.Columns))
		for _, c := range entries("columns") {
			cf := w.resolve(c)
			if cf.Kind != yaml.MappingNode {
				continue
			}
			for i := 0; i+1 < len(cf.Content); i += 2 {
				switch w.resolve(cf.Content[i]).Value {
				case "name":
					long([]*yaml.Node{cf.Content[i+1]}, "column name", heading, "the heading of this "+strings.TrimPrefix(where, "a cell of this "))
				case "options":
					if r := w.resolve(cf.Content[i+1]); r.Kind == yaml.SequenceNode {
						long(r.Content, "option", limit, where)
					}
				}
			}
		}
	}
}

// matrixWidths warns about quadrant names and axis lines that the grid cuts.
func (w *walker) matrixWidths(f *fields, e *Exercise, quadrants []*yaml.Node) {
	at := func(keys ...string) *yaml.Node {
		for _, k := range keys {
			if ent, ok := f.byKey[k]; ok {
				return ent.key
			}
		}
		return f.node
	}
	if len(quadrants) > 0 {
		for _, n := range quadrants {
			if r := w.resolve(n); r.Kind == yaml.ScalarNode && width(r.Value) > QuadrantWidth {
				w.warn(n, "quadrant %q is %d characters; the grid shows %d at %d columns", r.Value, width(r.Value), QuadrantWidth, ScreenWidth)
			}
		}
	} else if len(e.Quadrants) == 0 {
		for _, name := range e.QuadrantNames() {
			if width(name) > QuadrantWidth {
				w.warn(at("x_axis", "y_axis"), "quadrant %q, made from the axis ends, is %d characters; the grid shows %d at %d columns: shorten the axis ends or set quadrants", name, width(name), QuadrantWidth, ScreenWidth)
				break
			}
		}
	}
	x, y := e.MatrixAxes()
	if top := "↑ " + y.High + " (" + y.Label + ")"; width(top) > AxisTopWidth {
		w.warn(at("y_axis"), "the line above the grid, %q, is %d characters; %d show at %d columns: shorten the y_axis label or high end", top, width(top), AxisTopWidth, ScreenWidth)
	}
	left, right := "↓ "+y.Low+"  ← "+x.Low, x.High+" →"
	if n := width(left) + width(right); n > AxisBottomWidth {
		w.warn(at("x_axis", "y_axis"), "the line below the grid names the y_axis low end and both x_axis ends in %d characters; %d show at %d columns: shorten them", n, AxisBottomWidth, ScreenWidth)
	}
}

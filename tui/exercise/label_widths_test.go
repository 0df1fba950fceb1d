package exercise

import (
	"fmt"
	"strings"
	"testing"

	"workshop/content"
	"workshop/session"
	"workshop/session/work"
)

// label makes a text of exactly n characters that starts with tag, so a test can look for the
// whole of it on screen.
func label(tag string, n int) string {
	s := tag + strings.Repeat("x", max(n-len(tag)-1, 0)) + "Z"
	return s[:n]
}

// The label budgets that validation warns about (content.LaneWidth and the others) are what
// the editors really show at content.ScreenWidth columns: a label of exactly that length shows
// whole, and one character more is cut.
func TestLabelBudgetsAtEightyColumns(t *testing.T) {
	w := content.ScreenWidth

	t.Run("journey", func(t *testing.T) {
		lane, stage, third := label("Lane", content.LaneWidth), label("Stage", content.StageWidth), label("Third", content.StageWidth)
		longLane, longStage := label("Wide", content.LaneWidth+1), label("Long", content.StageWidth+1)
		// Four stages: the third column shown sits beside the mark of the one hidden.
		yaml := fmt.Sprintf("kind: journey\nstages: [%q, %q, %q, Fourth]\nlanes: [%q, %q]", stage, longStage, third, lane, longLane)
		x := newExHarness(t, yaml, w, 14)
		x.open(Data{})
		x.mustShow(lane, stage, third, "1 ▶", longLane[:content.LaneWidth-1]+"…", longStage[:content.StageWidth-1]+"…")
	})

	t.Run("matrix", func(t *testing.T) {
		q := label("Quad", content.QuadrantWidth)
		// The line above the grid is "↑ HIGH (LABEL)": 5 cells besides the two names; the
		// one below "↓ LOW  ← LEFT", a gap, "RIGHT →": 8 cells besides the three names.
		high := label("High", content.AxisTopWidth-5-len("Ten chars."))
		yLow, xLow := "Bottom", "Left"
		xHigh := label("Right", content.AxisBottomWidth-8-len(yLow)-len(xLow))
		yaml := fmt.Sprintf("kind: matrix\nfrom: ideas\nx_axis: {label: X, low: %s, high: %s}\ny_axis: {label: Ten chars., low: %s, high: %s}\nquadrants: [%q, B, C, D]",
			xLow, xHigh, yLow, high, q)
		x := newExHarness(t, yaml, w, 22)
		x.open(Data{Items: items("One idea")})
		x.mustShow(q, "↑ "+high+" (Ten chars.)", "↓ "+yLow+"  ← "+xLow, xHigh+" →")
	})

	t.Run("matrix with the default axes", func(t *testing.T) {
		x := newExHarness(t, "kind: matrix\nfrom: ideas", w, 22)
		x.open(Data{Items: items("One idea")})
		x.mustShow("High impact · Low effort", "High impact · High effort", "Low impact · Low effort", "Low impact · High effort")
	})

	t.Run("vote", func(t *testing.T) {
		text := label("Item", content.VoteItemWidth)
		x := newExHarness(t, "kind: vote\nfrom: ideas\ndots: 6\nmax_per_item: 6", w, 10)
		its := []work.Item{{ID: "a", Text: text, By: 1}, {ID: "b", Text: label("Cut", content.VoteItemWidth+8), By: 1}}
		x.open(Data{Items: its})
		x.mustShow(text, "yours", "Cut"+strings.Repeat("x", content.VoteItemWidth-4))
		x.mustNotShow(its[1].Text)
	})

	t.Run("quiz", func(t *testing.T) {
		right, wrong := label("Right", content.QuizOptionWidth), label("Wrong", content.QuizOptionWidth)
		yaml := fmt.Sprintf("kind: quiz\nquestions:\n  - question: Which?\n    options:\n      - text: %q\n        correct: true\n      - text: %q", right, wrong)
		x := newExHarness(t, yaml, w, 12)
		x.open(Data{})
		x.keys("down", "space", "ctrl+s")
		if x.art == nil || x.art.Status != session.StatusSubmitted {
			t.Fatal("quiz not submitted")
		}
		x.mustShow(wrong+"  ✗ not quite", right)
	})

	t.Run("table headings", func(t *testing.T) {
		all, cut := label("Name", content.ColumnNameWidth(5, 12)), label("Last", content.ColumnNameWidth(6, 12))
		x := newExHarness(t, fmt.Sprintf("kind: table\nmax_rows: 12\ncolumns:\n  - {name: %q, type: text}\n  - {name: B, type: text}\n  - {name: C, type: text}\n  - {name: D, type: text}\n  - {name: E, type: text}", all), w, 8)
		x.open(Data{})
		x.mustShow("│" + all + "│")
		// With a sixth column out of sight, the fifth heading shares its cell with the mark;
		// with ten rows or more the row numbers take their widest.
		y := newExHarness(t, fmt.Sprintf("kind: table\nteam: true\nmax_rows: 12\ncolumns:\n  - {name: A, type: text}\n  - {name: B, type: text}\n  - {name: C, type: text}\n  - {name: D, type: text}\n  - {name: %q, type: text}\n  - {name: F, type: text}", cut), w, 8)
		tb := &work.Table{}
		for i := range 12 {
			tb.AddRow(fmt.Sprint("r", i), 6)
		}
		y.board = tb
		y.open(Data{})
		y.mustShow("│"+cut, "1 ▶")
	})

	t.Run("table choice", func(t *testing.T) {
		cw := content.ChoiceWidth(5, 12)
		opt := label("Opt", cw)
		yaml := fmt.Sprintf("kind: table\nmax_rows: 12\ncolumns:\n  - {name: A, type: choice, options: [%q, Other]}\n  - {name: B, type: text}\n  - {name: C, type: text}\n  - {name: D, type: text}\n  - {name: E, type: text}", opt)
		x := newExHarness(t, yaml, w, 10)
		x.open(Data{})
		x.keys("a")
		x.keys("esc")
		x.keys("enter", "right", "enter")
		tb := x.stored().(*work.Table)
		if len(tb.Rows) != 1 || tb.Rows[0][0] != opt {
			t.Fatalf("rows %q", tb.Rows)
		}
		v := x.view()
		if !strings.Contains(v, "│"+opt+"│") {
			t.Fatalf("the option does not show whole in its cell:\n%s", v)
		}
	})
}

package content

import "slices"

// Defaults applied when a module leaves a setting out. Consumers read settings through the
// methods on Exercise below so that every part of the program agrees on them.
const (
	// DefaultReflectionLength is the longest reflection answer, in characters, unless
	// max_length says otherwise.
	DefaultReflectionLength = 4000
	// DefaultTextLength is the longest list item, journey cell or table text cell, in
	// characters, unless max_length says otherwise.
	DefaultTextLength = 280
	// DefaultListItems is how many items one participant adds to a list unless max_items says
	// otherwise.
	DefaultListItems = 30
	// DefaultBoardItems is how many items a team board or an anonymous pool holds unless
	// max_board_items says otherwise.
	DefaultBoardItems = 500
	// DefaultDots is how many dots each participant spends in a vote unless dots says otherwise.
	DefaultDots = 3
	// DefaultTableRows is how many rows one table holds unless max_rows says otherwise.
	DefaultTableRows = 50
)

// defaultScaleLabels name the five points of a scale, from 1 to 5.
var defaultScaleLabels = []string{
	"Strongly disagree",
	"Disagree",
	"Neither agree nor disagree",
	"Agree",
	"Strongly agree",
}

// Default matrix axes: the classic impact × effort grid, impact going up and effort going right.
var (
	defaultXAxis = Axis{Label: "Effort", Low: "Low effort", High: "High effort"}
	defaultYAxis = Axis{Label: "Impact", Low: "Low impact", High: "High impact"}
)

// TextLimit is the longest text, in characters, that one answer may hold: a reflection answer,
// a list item, a journey cell or a table text cell. It is max_length when set; otherwise 4000
// for a reflection and 280 for everything else.
func (e *Exercise) TextLimit() int {
	if e.MaxLength > 0 {
		return e.MaxLength
	}
	if e.Kind == KindReflection {
		return DefaultReflectionLength
	}
	return DefaultTextLength
}

// ItemLimit is how many items one participant may add to a list: max_items when set, otherwise
// 30. It bounds a participant's own list, and each participant's share of a team board or an
// anonymous pool (see BoardItemLimit for the whole board).
func (e *Exercise) ItemLimit() int {
	if e.MaxItems > 0 {
		return e.MaxItems
	}
	return DefaultListItems
}

// SharedList says whether a list is one board for many participants: a team board, or the
// cohort's anonymous pool.
func (e *Exercise) SharedList() bool {
	return e.Kind == KindList && (e.Team || e.Anonymous)
}

// BoardItemLimit is how many items a team board or an anonymous pool may hold in all:
// max_board_items when set, otherwise 500.
func (e *Exercise) BoardItemLimit() int {
	if e.MaxBoardItems > 0 {
		return e.MaxBoardItems
	}
	return DefaultBoardItems
}

// DotCount is how many dots each participant spends in a vote: dots when set, otherwise 3.
func (e *Exercise) DotCount() int {
	if e.Dots > 0 {
		return e.Dots
	}
	return DefaultDots
}

// PerItemLimit is how many of one participant's dots may go to a single item: max_per_item when
// set, otherwise all of them (DotCount).
func (e *Exercise) PerItemLimit() int {
	if e.MaxPerItem > 0 {
		return e.MaxPerItem
	}
	return e.DotCount()
}

// RowLimit is how many rows one table may hold: max_rows when set, otherwise 50.
func (e *Exercise) RowLimit() int {
	if e.MaxRows > 0 {
		return e.MaxRows
	}
	return DefaultTableRows
}

// ScaleLabels names the five points of a scale, from 1 to 5: labels when set, otherwise
// "Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree".
// The result is a fresh slice the caller may keep.
func (e *Exercise) ScaleLabels() []string {
	if len(e.Labels) == 5 {
		return slices.Clone(e.Labels)
	}
	return slices.Clone(defaultScaleLabels)
}

// MatrixAxes returns the horizontal and vertical axes of a matrix. An axis the module leaves out
// defaults to effort (x: "Low effort" to "High effort") and impact (y: "Low impact" to
// "High impact").
func (e *Exercise) MatrixAxes() (x, y Axis) {
	x, y = defaultXAxis, defaultYAxis
	if e.XAxis != nil {
		x = *e.XAxis
	}
	if e.YAxis != nil {
		y = *e.YAxis
	}
	return x, y
}

// QuadrantNames names the four cells of a matrix in the order top-left, top-right, bottom-left,
// bottom-right. It is quadrants when set; otherwise each name joins the two axis ends that meet
// in that cell, high values being at the top and on the right: with the default axes,
// "High impact · Low effort", "High impact · High effort", "Low impact · Low effort",
// "Low impact · High effort". The result is a fresh slice the caller may keep.
func (e *Exercise) QuadrantNames() []string {
	if len(e.Quadrants) == 4 {
		return slices.Clone(e.Quadrants)
	}
	x, y := e.MatrixAxes()
	return []string{
		y.High + " · " + x.Low,
		y.High + " · " + x.High,
		y.Low + " · " + x.Low,
		y.Low + " · " + x.High,
	}
}

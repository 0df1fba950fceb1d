package exercise

import (
	"slices"

	"workshop/content"
)

// Work is stored in the module's own language so that a cohort's work lines up whatever
// language each person reads: a table's choice is stored as the original's option, a journey's
// stage by the original's name. What the participant reads comes from the step as shown to them
// (exBase.shown), matched to the original by position, which translations keep (content
// checks that they line up).

// linesUp says whether the shown exercise has the original's entries, position by position,
// so that one can stand for the other; one that does not is not shown (the original is).
func linesUp(orig, shown *content.Exercise) bool {
	if shown == nil || orig.Kind != shown.Kind || len(orig.Stages) != len(shown.Stages) || len(orig.Lanes) != len(shown.Lanes) ||
		len(orig.Statements) != len(shown.Statements) || len(orig.Items) != len(shown.Items) ||
		len(orig.Columns) != len(shown.Columns) || len(orig.Questions) != len(shown.Questions) {
		return false
	}
	for i, c := range orig.Columns {
		if len(c.Options) != len(shown.Columns[i].Options) {
			return false
		}
	}
	for i, q := range orig.Questions {
		if len(q.Options) != len(shown.Questions[i].Options) {
			return false
		}
	}
	return true
}

// optionShown is a stored choice of column col as the participant reads it: the shown option
// at the stored option's position, or the stored text itself when it is no option (typed
// before the module changed).
func (b *exBase) optionShown(col int, stored string) string {
	if i := slices.Index(b.ex.Columns[col].Options, stored); i >= 0 {
		return b.shown.Columns[col].Options[i]
	}
	return stored
}

// stageShown is the name of stage i of a journey whose stored name is stored: the module's
// stage in the participant's language, or a stage participants added (or a name they gave) as
// they wrote it.
func (b *exBase) stageShown(i int, stored string) string {
	if i < len(b.ex.Stages) && stored == b.ex.Stages[i] {
		return b.shown.Stages[i]
	}
	return stored
}

// axes are the matrix's axes as the participant reads them: the module's own, or effort and
// impact in the participant's language when the module leaves them out.
func (b *exBase) axes() (x, y content.Axis) {
	x, y = b.shown.MatrixAxes()
	if b.shown.XAxis == nil {
		x = content.Axis{Label: b.T("Effort"), Low: b.T("Low effort"), High: b.T("High effort")}
	}
	if b.shown.YAxis == nil {
		y = content.Axis{Label: b.T("Impact"), Low: b.T("Low impact"), High: b.T("High impact")}
	}
	return x, y
}

// quadrantNames names the matrix's quadrants as content.Exercise.QuadrantNames does, with the
// axes as the participant reads them.
func (b *exBase) quadrantNames() []string {
	if len(b.shown.Quadrants) == 4 {
		return b.shown.QuadrantNames()
	}
	x, y := b.axes()
	return []string{y.High + " · " + x.Low, y.High + " · " + x.High, y.Low + " · " + x.Low, y.Low + " · " + x.High}
}

// scaleLabels names the five points of a scale: the module's labels, or agreement in the
// participant's language.
func (b *exBase) scaleLabels() []string {
	if len(b.shown.Labels) == 5 {
		return b.shown.ScaleLabels()
	}
	return []string{b.T("Strongly disagree"), b.T("Disagree"), b.T("Neither agree nor disagree"), b.T("Agree"), b.T("Strongly agree")}
}

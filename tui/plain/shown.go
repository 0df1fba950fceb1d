package plain

import (
	"slices"

	"workshop/content"
)

// Work is stored in the module's own language, so a cohort's work lines up whatever language
// each person reads (as the full-screen editors store it): a table's choice is the original's
// option, a journey's stage the original's name. What the participant reads comes from the step
// in their language (stepWork.shown), matched to the original by position, which translations
// keep.

// linesUp says whether shown has the original's entries, position by position, so that one
// can stand for the other; one that does not is not shown (the original is).
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
// at the stored option's position, or the stored text itself when it is no option.
func (w *stepWork) optionShown(col int, stored string) string {
	if i := slices.Index(w.ex.Columns[col].Options, stored); i >= 0 {
		return w.shown.Columns[col].Options[i]
	}
	return stored
}

// stageShown is the name of stage i of a journey stored as stored: the module's stage in the
// participant's language, or a stage participants added as they wrote it.
func (w *stepWork) stageShown(i int, stored string) string {
	if i < len(w.ex.Stages) && stored == w.ex.Stages[i] {
		return w.shown.Stages[i]
	}
	return stored
}

// stagesShown are the journey's stages as the participant reads them.
func (w *stepWork) stagesShown(stored []string) []string {
	out := make([]string, len(stored))
	for i, s := range stored {
		out[i] = w.stageShown(i, s)
	}
	return out
}

// axes are the matrix's axes as the participant reads them: the module's own, or effort and
// impact in the participant's language when the module leaves them out.
func (w *stepWork) axes() (x, y content.Axis) {
	p := w.p()
	x, y = w.shown.MatrixAxes()
	if w.shown.XAxis == nil {
		x = content.Axis{Label: p.T("Effort"), Low: p.T("Low effort"), High: p.T("High effort")}
	}
	if w.shown.YAxis == nil {
		y = content.Axis{Label: p.T("Impact"), Low: p.T("Low impact"), High: p.T("High impact")}
	}
	return x, y
}

// quadrantNames names the matrix's quadrants (top left, top right, bottom left, bottom right)
// with the axes as the participant reads them.
func (w *stepWork) quadrantNames() []string {
	if len(w.shown.Quadrants) == 4 {
		return w.shown.QuadrantNames()
	}
	x, y := w.axes()
	return []string{y.High + " · " + x.Low, y.High + " · " + x.High, y.Low + " · " + x.Low, y.Low + " · " + x.High}
}

// scaleLabels names the five points of a scale: the module's labels, or agreement in the
// participant's language.
func (w *stepWork) scaleLabels() []string {
	if len(w.shown.Labels) == 5 {
		return w.shown.ScaleLabels()
	}
	p := w.p()
	return []string{p.T("Strongly disagree"), p.T("Disagree"), p.T("Neither agree nor disagree"), p.T("Agree"), p.T("Strongly agree")}
}

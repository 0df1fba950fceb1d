package content

import (
	"slices"

	"workshop/i18n"
)

// Work is stored in the module's own language so that a cohort's work lines up whatever
// language each person reads: a table's choice is stored as the original's option, a journey's
// stage by the original's name. What a participant reads comes from the exercise in their
// language, matched to the original by position, which translations keep (validation checks
// that they line up). The full screen and plain mode both ask these functions.

// LinesUp says whether shown has e's entries, position by position, so that one can stand for
// the other; a translation that does not is not shown (the original is).
func (e *Exercise) LinesUp(shown *Exercise) bool {
	if shown == nil || e.Kind != shown.Kind || len(e.Stages) != len(shown.Stages) || len(e.Lanes) != len(shown.Lanes) ||
		len(e.Statements) != len(shown.Statements) || len(e.Items) != len(shown.Items) ||
		len(e.Columns) != len(shown.Columns) || len(e.Questions) != len(shown.Questions) {
		return false
	}
	for i, c := range e.Columns {
		if len(c.Options) != len(shown.Columns[i].Options) {
			return false
		}
	}
	for i, q := range e.Questions {
		if len(q.Options) != len(shown.Questions[i].Options) {
			return false
		}
	}
	return true
}

// ShownOption is a stored choice of e's column col as a reader of shown reads it: shown's
// option at the stored option's position, or the stored text itself when it is no option
// (typed before the module changed). shown must line up with e.
func (e *Exercise) ShownOption(shown *Exercise, col int, stored string) string {
	if i := slices.Index(e.Columns[col].Options, stored); i >= 0 {
		return shown.Columns[col].Options[i]
	}
	return stored
}

// ShownStage is the name of stage i of a journey on e stored as stored, as a reader of shown
// reads it: shown's stage, or a stage participants added (or a name they gave) as they wrote it.
func (e *Exercise) ShownStage(shown *Exercise, i int, stored string) string {
	if i < len(e.Stages) && stored == e.Stages[i] {
		return shown.Stages[i]
	}
	return stored
}

// AxesIn is MatrixAxes with the default axes, effort and impact, in p's language.
func (e *Exercise) AxesIn(p *i18n.Printer) (x, y Axis) {
	x, y = e.MatrixAxes()
	if e.XAxis == nil {
		x = Axis{Label: p.T("Effort"), Low: p.T("Low effort"), High: p.T("High effort")}
	}
	if e.YAxis == nil {
		y = Axis{Label: p.T("Impact"), Low: p.T("Low impact"), High: p.T("High impact")}
	}
	return x, y
}

// QuadrantNamesIn is QuadrantNames with the default axes in p's language.
func (e *Exercise) QuadrantNamesIn(p *i18n.Printer) []string {
	if len(e.Quadrants) == 4 {
		return e.QuadrantNames()
	}
	x, y := e.AxesIn(p)
	return []string{y.High + " · " + x.Low, y.High + " · " + x.High, y.Low + " · " + x.Low, y.Low + " · " + x.High}
}

// ScaleLabelsIn is ScaleLabels with the default agreement scale in p's language.
func (e *Exercise) ScaleLabelsIn(p *i18n.Printer) []string {
	if len(e.Labels) == 5 {
		return e.ScaleLabels()
	}
	return []string{p.T("Strongly disagree"), p.T("Disagree"), p.T("Neither agree nor disagree"), p.T("Agree"), p.T("Strongly agree")}
}

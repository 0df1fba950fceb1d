package plain

import "workshop/content"

// Work is stored in the module's own language; plain mode reads the step in the participant's
// language (stepWork.shown) and maps between the two by position (see content/shown.go).

// optionShown is a stored choice of column col as the participant reads it.
func (w *stepWork) optionShown(col int, stored string) string {
	return w.ex.ShownOption(w.shown, col, stored)
}

// stageShown is the name of stage i of a journey stored as stored, as the participant reads it.
func (w *stepWork) stageShown(i int, stored string) string {
	return w.ex.ShownStage(w.shown, i, stored)
}

// stagesShown are the journey's stages as the participant reads them.
func (w *stepWork) stagesShown(stored []string) []string {
	out := make([]string, len(stored))
	for i, s := range stored {
		out[i] = w.stageShown(i, s)
	}
	return out
}

// axes are the matrix's axes as the participant reads them.
func (w *stepWork) axes() (x, y content.Axis) { return w.shown.AxesIn(w.p()) }

// quadrantNames names the matrix's quadrants with the axes as the participant reads them.
func (w *stepWork) quadrantNames() []string { return w.shown.QuadrantNamesIn(w.p()) }

// scaleLabels names the five points of a scale in the participant's language.
func (w *stepWork) scaleLabels() []string { return w.shown.ScaleLabelsIn(w.p()) }

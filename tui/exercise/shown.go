package exercise

import "workshop/content"

// Work is stored in the module's own language; the editor reads the step as shown to the
// participant (exBase.shown) and maps between the two by position (see content/shown.go).

// optionShown is a stored choice of column col as the participant reads it.
func (b *exBase) optionShown(col int, stored string) string {
	return b.ex.ShownOption(b.shown, col, stored)
}

// stageShown is the name of stage i of a journey whose stored name is stored, as the
// participant reads it.
func (b *exBase) stageShown(i int, stored string) string { return b.ex.ShownStage(b.shown, i, stored) }

// axes are the matrix's axes as the participant reads them.
func (b *exBase) axes() (x, y content.Axis) { return b.shown.AxesIn(b.Printer) }

// quadrantNames names the matrix's quadrants with the axes as the participant reads them.
func (b *exBase) quadrantNames() []string { return b.shown.QuadrantNamesIn(b.Printer) }

// scaleLabels names the five points of a scale in the participant's language.
func (b *exBase) scaleLabels() []string { return b.shown.ScaleLabelsIn(b.Printer) }

package export

import (
	"io"
	"strconv"
	"time"

	"workshop/session"
)

// FacilitatorNote is one of the facilitators' own notes on a step, in the trainer's export
// alone: participants never see them.
type FacilitatorNote struct {
	ID     int64     `json:"id"`
	Step   string    `json:"step"`
	At     time.Time `json:"at"`
	Author string    `json:"author"`
	Text   string    `json:"text"`
}

// notes copies the facilitators' notes into the report, oldest first.
func (b *builder) notes(ns []session.StepNote) {
	for _, n := range ns {
		b.r.Notes = append(b.r.Notes, FacilitatorNote{ID: n.ID, Step: n.StepID, At: n.At.UTC(), Author: line(n.By), Text: session.CleanText(n.Text)})
	}
}

// notesBlocks is the report's section of facilitator notes, by step; nothing when none.
func (r *Report) notesBlocks(x locale) []block {
	if len(r.Notes) == 0 {
		return nil
	}
	out := []block{heading{2, "notes", x.T("Facilitator notes")}}
	t := table{head: []string{x.T("Step"), x.T("Time"), x.T("Who"), x.T("Note")}, keep: []bool{true, true}}
	for _, n := range r.Notes {
		step := n.Step
		if i, ok := r.stepIdx[n.Step]; ok {
			step = r.Steps[i].Title
		}
		t.rows = append(t.rows, []string{step, x.clock(n.At), n.Author, n.Text})
	}
	return append(out, t)
}

// noteStep is the number and title of the step a note is on; 0 and its id for a step this
// module version does not have.
func (r *Report) noteStep(n FacilitatorNote) (int, string) {
	if i, ok := r.stepIdx[n.Step]; ok {
		return r.Steps[i].Number, r.Steps[i].Title
	}
	return 0, n.Step
}

// writeNotesCSV writes one row per facilitator note: step number, id and title, time, who and
// the note.
func (r *Report) writeNotesCSV(w io.Writer, o Options) error {
	cw := newCSV(w, o)
	x := o.locale(r)
	if err := cw.row(x.T("Step"), x.T("Step ID"), x.T("Step title"), x.T("Time (%s)", zoneName(x.loc)), x.T("Who"), x.T("Note")); err != nil {
		return err
	}
	for _, n := range r.Notes {
		num, title := r.noteStep(n)
		if err := cw.row(strconv.Itoa(num), n.Step, title, x.sheetClock(n.At), n.Author, n.Text); err != nil {
			return err
		}
	}
	return cw.flush()
}

// notesSheet is the workbook's sheet of facilitator notes.
func (r *Report) notesSheet(x locale) *xsheet {
	s := &xsheet{name: x.T("sheet|Notes"), head: []string{x.T("Step"), x.T("Step ID"), x.T("Step title"), x.T("Time (%s)", zoneName(x.loc)), x.T("Who"), x.T("Note")}}
	for _, n := range r.Notes {
		num, title := r.noteStep(n)
		s.add(integer(int64(num)), txt(n.Step), txt(title), date(n.At), txt(n.Author), txt(n.Text))
	}
	return s
}

package export

import (
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
func (r *Report) notesBlocks(loc *time.Location) []block {
	if len(r.Notes) == 0 {
		return nil
	}
	out := []block{heading{2, "notes", "Facilitator notes"}}
	t := table{head: []string{"Step", "Time", "Who", "Note"}, keep: []bool{true, true}}
	for _, n := range r.Notes {
		step := n.Step
		if i, ok := r.stepIdx[n.Step]; ok {
			step = r.Steps[i].Title
		}
		t.rows = append(t.rows, []string{step, clock(n.At, loc), n.Author, n.Text})
	}
	return append(out, t)
}

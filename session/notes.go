package session

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"workshop/i18n"
)

// MaxNoteLen bounds one facilitator note, in characters.
const MaxNoteLen = 2000

// StepNote is a facilitator's own note on a step of a cohort, written while it runs. Every
// facilitator of the cohort reads them, and the trainer's export includes them; participants
// never see them.
type StepNote struct {
	ID       int64
	CohortID int64
	StepID   string
	// By is the facilitator who wrote it.
	By   string
	Text string
	At   time.Time
}

// AddNote stores a facilitator's note on a step and shows it on every console. Nothing a
// participant's screen reads changes, so no participant's screen wakes.
func (h *Hub) AddNote(ctx context.Context, by Actor, stepID, text string) (StepNote, error) {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return StepNote{}, err
	}
	if _, err := h.stepLabel(stepID); err != nil {
		return StepNote{}, err
	}
	text = strings.TrimSpace(CleanText(text))
	if text == "" {
		return StepNote{}, Errorf(EInvalid, "the note is empty: type what to keep")
	}
	if err := Bound(i18n.M("the note"), text, MaxNoteLen); err != nil {
		return StepNote{}, err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	n, err := h.m.store.AddStepNote(ctx, StepNote{CohortID: h.id, StepID: stepID, By: actor, Text: text, At: h.m.now()})
	if err != nil {
		return StepNote{}, fmt.Errorf("keep note: %w", err)
	}
	h.applyLocked(change{}, func() { h.notes = append(h.notes, n) })
	return n, nil
}

// Notes returns the facilitators' notes on a step, oldest first, or on every step when stepID
// is "". Only a facilitator may read them.
func (h *Hub) Notes(ctx context.Context, by Actor, stepID string) ([]StepNote, error) {
	if _, err := h.m.Authorize(ctx, by); err != nil {
		return nil, err
	}
	h.state.Lock()
	defer h.state.Unlock()
	if stepID == "" {
		return slices.Clone(h.notes), nil
	}
	var out []StepNote
	for _, n := range h.notes {
		if n.StepID == stepID {
			out = append(out, n)
		}
	}
	return out, nil
}

// NoteSummary is how many notes facilitators wrote on a step and the newest of them, for a
// console to show without a store read. Consoles alone call it: they are a facilitator's.
func (h *Hub) NoteSummary(stepID string) (n int, last StepNote) {
	h.state.Lock()
	defer h.state.Unlock()
	for _, x := range h.notes {
		if x.StepID == stepID {
			n, last = n+1, x
		}
	}
	return n, last
}

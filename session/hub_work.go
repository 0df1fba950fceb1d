package session

// A participant's work as the hub keeps it: saved to the store first, then published to the
// screens that show it; read back from the store, or known empty without reading it.

import (
	"context"
	"errors"
	"fmt"
)

// SaveWork stores a participant's work on a step, as a draft or submitted, then publishes the
// change once: the new status, and for work that feeds a live cohort result (FeedsResult,
// decided here and not by the screen that saves) the news that the step's result moved. data
// is the artifact's JSON in the layout schema describes. Work the step does not take now
// (Writable) is refused whoever sends it.
func (h *Hub) SaveWork(ctx context.Context, pid int64, stepID string, schema int, data []byte, submit bool) (Artifact, error) {
	idx := h.module.StepIndex(stepID)
	if idx < 0 || h.module.Steps[idx].Exercise == nil {
		return Artifact{}, fmt.Errorf("step %q has no exercise to save", stepID)
	}
	if len(data) > MaxArtifactBytes {
		return Artifact{}, Errorf(EInvalid, "this work is %d KB; the limit is %d KB", len(data)>>10, MaxArtifactBytes>>10)
	}
	data, err := CleanJSON(data)
	if err != nil {
		return Artifact{}, err
	}
	h.mu.RLock()
	defer h.mu.RUnlock()
	mb, p, err := h.memberOf(pid)
	if err != nil {
		return Artifact{}, err
	}
	mb.writing.Lock()
	defer mb.writing.Unlock()
	if err := h.writableLocked(stepID, p); err != nil {
		return Artifact{}, err
	}
	now := h.m.now()
	a := Artifact{CohortID: h.id, StepID: stepID, ParticipantID: pid,
		Kind: string(h.module.Steps[idx].Exercise.Kind), Schema: schema, Data: data,
		Status: StatusDraft, UpdatedAt: now}
	if submit {
		a.Status, a.SubmittedAt = StatusSubmitted, now
	}
	h.markStored(mb, stepID)
	if err := h.m.store.SaveArtifact(ctx, a); err != nil {
		return Artifact{}, fmt.Errorf("save work: %w", err)
	}
	h.m.metrics.Saved()
	h.state.Lock()
	defer h.state.Unlock()
	var ch change
	status := WorkStatus(h.module.Steps[idx].Exercise, a)
	changed := mb.status[stepID] != status
	if status == "" {
		delete(mb.status, stepID) // emptied: not started, as if nothing were stored
	} else {
		mb.status[stepID] = status
	}
	if FeedsResult(h.module.Steps[idx].Exercise) {
		ch.key = ResultsKey(stepID)
		h.bumpLocked(ch.key)
		changed = true
	}
	if changed {
		// A status shows on consoles alone; a result on the screens showing it.
		h.publishLocked(ch)
	}
	return a, nil
}

// Work returns a participant's stored work on a step; found is false if there is none yet.
func (h *Hub) Work(ctx context.Context, pid int64, stepID string) (a Artifact, found bool, err error) {
	h.state.Lock()
	mb, ok := h.byID[pid]
	none := ok && !mb.stored[stepID]
	h.state.Unlock()
	if none {
		return Artifact{}, false, nil
	}
	a, err = h.m.store.Artifact(ctx, h.id, stepID, pid)
	if errors.Is(err, ErrNotFound) {
		return Artifact{}, false, nil
	}
	if err != nil {
		return Artifact{}, false, fmt.Errorf("load work: %w", err)
	}
	return a, true, nil
}

// KnownEmpty says whether the hub knows, without reading the store, that the participant has
// no work stored on the step (Work would find none): a screen can then show the empty editor at
// once instead of after a read.
func (h *Hub) KnownEmpty(pid int64, stepID string) bool {
	h.state.Lock()
	defer h.state.Unlock()
	mb, ok := h.byID[pid]
	return ok && !mb.stored[stepID]
}

// markStored records that the participant may have work stored on the step, before it is
// written.
func (h *Hub) markStored(mb *member, stepID string) {
	h.state.Lock()
	mb.stored[stepID] = true
	h.state.Unlock()
}

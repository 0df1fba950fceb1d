package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"workshop/session"
	"workshop/tui/exercise"
)

// Work a fault kept from being stored is stored again until it is. The editor on screen does
// that for its own work (see exBase.retry); what follows keeps the changes of an editor that is
// gone — the participant moved to another step while the database was locked — so they are
// stored too, in the order they were made.

// laterMsg fires when the changes kept for later are due to be tried again.
type laterMsg struct{ attempt int }

// editorID is the id of the editor a write's answer belongs to, or 0.
func editorID(result tea.Msg) int {
	switch r := result.(type) {
	case exercise.WorkSaved:
		return r.Editor
	case exercise.BoardSaved:
		return r.Editor
	}
	return 0
}

// faultOf returns the error of a write's answer when it is a fault rather than a refusal.
func faultOf(result tea.Msg) error {
	var err error
	switch r := result.(type) {
	case exercise.WorkSaved:
		err = r.Err
	case exercise.BoardSaved:
		err = r.Err
	}
	if err == nil || session.IsRefusal(err) {
		return nil
	}
	return err
}

// shownEditor is the id of the editor on screen, or 0.
func (v *participantView) shownEditor() int {
	if v.ex != nil {
		return v.ex.ID()
	}
	return 0
}

// orphaned handles the answer to a write whose editor is no longer on screen: a fault keeps
// the change for later; a stored change ends the run of faults once none is left.
func (v *participantView) orphaned(msg writeDoneMsg) tea.Cmd {
	if faultOf(msg.result) == nil {
		if len(v.later) == 0 {
			v.laterTries = 0
		}
		return nil
	}
	v.later = append(v.later, msg.req)
	v.laterTries++
	delay := v.env.RetryPause()
	for i := 1; i < v.laterTries && delay < exercise.MaxRetryDelay; i++ {
		delay *= 2
	}
	attempt := v.laterTries
	return tea.Tick(min(delay, exercise.MaxRetryDelay), func(time.Time) tea.Msg { return laterMsg{attempt} })
}

// retryLater asks again for every change kept for later, oldest first.
func (v *participantView) retryLater(msg laterMsg) tea.Cmd {
	if msg.attempt != v.laterTries || len(v.later) == 0 {
		return nil
	}
	reqs := v.later
	v.later = nil
	var cmds []tea.Cmd
	for _, r := range reqs {
		cmds = append(cmds, v.queueWrite(r))
	}
	return tea.Batch(cmds...)
}

// adoptLater gives a new editor of a step the own work kept for later for that step, so the
// participant finds on screen what they typed, not the older stored work, and the editor
// stores it itself.
func (v *participantView) adoptLater(stepID string, d exercise.Data) (exercise.Data, *exercise.SaveWork) {
	if d.Owner != "" || d.NoTeam {
		return d, nil // shared work: its changes are stored in the background
	}
	var kept *exercise.SaveWork
	rest := v.later[:0]
	for _, r := range v.later {
		if s, ok := r.(exercise.SaveWork); ok && s.StepID == stepID {
			kept = &s // the newest one wins
			continue
		}
		rest = append(rest, r)
	}
	v.later = rest
	if kept == nil {
		return d, nil
	}
	art := session.Artifact{StepID: stepID, Schema: kept.Schema, Data: kept.Data, Status: session.StatusDraft}
	if d.Art != nil {
		art.Status, art.UpdatedAt, art.SubmittedAt = d.Art.Status, d.Art.UpdatedAt, d.Art.SubmittedAt
	}
	d.Art = &art
	return d, kept
}

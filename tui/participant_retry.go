package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"workshop/session"
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
	case workSavedMsg:
		return r.editor
	case boardSavedMsg:
		return r.editor
	}
	return 0
}

// faultOf returns the error of a write's answer when it is a fault rather than a refusal.
func faultOf(result tea.Msg) error {
	var err error
	switch r := result.(type) {
	case workSavedMsg:
		err = r.err
	case boardSavedMsg:
		err = r.err
	}
	if err == nil || session.IsRefusal(err) {
		return nil
	}
	return err
}

// shownEditor is the id of the editor on screen, or 0.
func (v *participantView) shownEditor() int {
	if e, ok := v.ex.(interface{ editorID() int }); ok {
		return e.editorID()
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
	delay := v.env.retryDelay()
	for i := 1; i < v.laterTries && delay < maxRetryDelay; i++ {
		delay *= 2
	}
	attempt := v.laterTries
	return tea.Tick(min(delay, maxRetryDelay), func(time.Time) tea.Msg { return laterMsg{attempt} })
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
func (v *participantView) adoptLater(stepID string, d exData) (exData, *saveWorkMsg) {
	if d.owner != "" || d.noTeam {
		return d, nil // shared work: its changes are stored in the background
	}
	var kept *saveWorkMsg
	rest := v.later[:0]
	for _, r := range v.later {
		if s, ok := r.(saveWorkMsg); ok && s.stepID == stepID {
			kept = &s // the newest one wins
			continue
		}
		rest = append(rest, r)
	}
	v.later = rest
	if kept == nil {
		return d, nil
	}
	art := session.Artifact{StepID: stepID, Schema: kept.schema, Data: kept.data, Status: session.StatusDraft}
	if d.art != nil {
		art.Status, art.UpdatedAt, art.SubmittedAt = d.art.Status, d.art.UpdatedAt, d.art.SubmittedAt
	}
	d.art = &art
	return d, kept
}

func (b *exBase) editorID() int { return b.id }

// adopt takes work that a fault kept from being stored as not stored yet, and stores it.
func (b *exBase) adopt(submit bool) tea.Cmd {
	b.saved = nil // what is on screen differs from what is stored
	return b.faulted(submit)
}

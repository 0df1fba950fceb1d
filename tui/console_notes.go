package tui

import (
	"context"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"workshop/content"
	"workshop/session"
)

// The console's part of the room: the wall browsed to another step without moving the group,
// a direct message to the person selected on the roster, and the facilitators' own notes on
// a step.

// wallStep is the step whose answers the wall shows: the one browsed to, or the group's.
func (r *cohortRoom) wallStep() content.Step {
	if r.wall.view != "" {
		if i := r.module().StepIndex(r.wall.view); i >= 0 {
			return r.module().Steps[i]
		}
	}
	return r.step()
}

// browseWall shows the answers of the step delta away from the one on the wall; coming back
// to the group's step follows the group again.
func (r *cohortRoom) browseWall(delta int) tea.Cmd {
	mod := r.module()
	i := clampInt(mod.StepIndex(r.wallStep().ID)+delta, 0, len(mod.Steps)-1)
	r.wall.view = mod.Steps[i].ID
	if i == r.snap.Cohort.Step {
		r.wall.view = ""
	}
	r.wall.sel = ""
	return r.requestWall()
}

// wallHeadingLines is how many lines wallHeading takes.
func (r *cohortRoom) wallHeadingLines() int {
	if r.wall.view == "" {
		return 0
	}
	return 1
}

// wallHeading says, when the wall shows another step than the group's, which one it is.
func (r *cohortRoom) wallHeading() string {
	if r.wall.view == "" {
		return ""
	}
	step := r.wallStep()
	i := r.module().StepIndex(step.ID)
	title := step.Title
	if shown := r.shown(); i >= 0 && i < len(shown.Steps) {
		title = shown.Steps[i].Title
	}
	text := r.T("Answers of step %d: %s · the group stays on step %d · < > other steps", i+1, title, r.snap.Cohort.Step+1)
	return r.st.Accent.Render(truncate(text, r.width)) + "\n"
}

// noteStep is the step a note written now is on: the one the wall shows on the wall tab, the
// group's elsewhere.
func (r *cohortRoom) noteStep() content.Step {
	if r.tab == tabWall {
		return r.wallStep()
	}
	return r.step()
}

// askRoom sets up the prompt of a direct message or a note.
func (r *cohortRoom) askRoom(in *textinput.Model, kind promptKind, target int64) {
	switch kind {
	case promptMessage:
		in.Prompt = r.T("Message to %s alone › ", r.memberName(target))
		in.CharLimit = session.MaxMessageLen
	case promptNote:
		in.Prompt = r.T("Note on step %d (facilitators only) › ", r.module().StepIndex(r.noteStep().ID)+1)
		in.CharLimit = session.MaxNoteLen
	}
}

// submitRoom sends the message or keeps the note typed in the prompt.
func (r *cohortRoom) submitRoom(kind promptKind, target int64, value string) tea.Cmd {
	if value == "" {
		return nil
	}
	switch kind {
	case promptMessage:
		return r.act(r.T("On %s's screen alone until they dismiss it.", r.memberName(target)), func(ctx context.Context, h *session.Hub, a session.Actor) error {
			_, err := h.Message(ctx, a, target, value)
			return err
		})
	case promptNote:
		stepID := r.noteStep().ID
		return r.act(r.T("Note kept: other facilitators see it, participants never do."), func(ctx context.Context, h *session.Hub, a session.Actor) error {
			_, err := h.AddNote(ctx, a, stepID, value)
			return err
		})
	}
	return nil
}

// notesLine sums up the facilitators' notes on the step: how many, and the newest.
func (r *cohortRoom) notesLine() string {
	if r.hub == nil {
		return "" // a room drawn from a snapshot alone, in tests
	}
	step := r.noteStep()
	n, last := r.hub.NoteSummary(step.ID)
	if n == 0 {
		return ""
	}
	text := r.T("Our notes (%d): %s: %s", n, last.By, session.CleanLine(last.Text))
	return truncate(r.st.Muted.Render(text)+r.st.Muted.Render(" · "+r.T("N adds")), r.width)
}

// memberName is how a prompt or an outcome names a participant: their label, or a word for
// someone who has just left the roster.
func (r *cohortRoom) memberName(id int64) string {
	if m, ok := r.snap.Member(id); ok {
		return m.Label()
	}
	return r.T("them")
}

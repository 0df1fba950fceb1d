package tui

import (
	"errors"

	tea "charm.land/bubbletea/v2"

	"workshop/content"
	"workshop/session"
	"workshop/tui/exercise"
)

// exLoadedMsg carries loaded data for a step's editor; refresh is set when it is for the
// editor already on screen, and seq orders loads so an older one never replaces a newer.
type exLoadedMsg struct {
	exercise.Data
	refresh bool
	seq     int
}

// loadExercise reads everything an editor of a step shows: the participant's own work, the
// shared board they work on, the items of an earlier step, and cohort results.
// loadedAtOnce is what loadExercise would load, when it can be known without a read: the step's
// exercise is the participant's own, draws on nothing else, and the hub knows nothing of theirs
// is stored on it. A screen then shows the editor in the same frame as the step.
func loadedAtOnce(h *session.Hub, pid int64, step content.Step, revealed bool, seq int) (exLoadedMsg, bool) {
	ex := step.Exercise
	if ex == nil || session.SharedWork(ex) || ex.From != "" || ex.Kind == content.KindScale ||
		(ex.Kind == content.KindVote && revealed) || !h.KnownEmpty(pid, step.ID) {
		return exLoadedMsg{}, false
	}
	return exLoadedMsg{Data: exercise.Data{StepID: step.ID}, seq: seq}, true
}

func loadExercise(deps *Deps, h *session.Hub, pid int64, step content.Step, revealed bool, teamID int64, refresh bool, seq int) tea.Cmd {
	ex := step.Exercise
	return func() tea.Msg {
		d := exercise.Data{StepID: step.ID}
		out := func() tea.Msg { return exLoadedMsg{Data: d, refresh: refresh, seq: seq} }
		a, found, err := h.Work(deps.Ctx, pid, step.ID)
		if err != nil {
			d.Err = err
			return out()
		}
		if found {
			d.Art = &a
		}
		if session.SharedWork(ex) {
			v, owner, err := h.Board(deps.Ctx, pid, step.ID)
			switch {
			case errors.Is(err, session.ErrNoTeam):
				d.NoTeam = true
			case err != nil:
				d.Err = err
				return out()
			default:
				d.Board, d.Owner = v, owner
			}
		}
		if ex.From != "" {
			d.Items, d.ItemsErr = h.Items(deps.Ctx, pid, step.ID)
			if errors.Is(d.ItemsErr, session.ErrNoTeam) {
				d.NoTeam = true
			}
		}
		if ex.Kind == content.KindVote && revealed {
			team := int64(0)
			if ex.Team {
				team = teamID
			}
			if team != 0 || !ex.Team {
				d.Tally, _ = h.VoteTally(deps.Ctx, step.ID, team)
			}
		}
		if ex.Kind == content.KindScale {
			d.Scale, _ = h.ScaleResults(deps.Ctx, step.ID)
		}
		return out()
	}
}

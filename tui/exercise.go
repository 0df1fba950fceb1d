package tui

import (
	"errors"
	"log/slog"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"workshop/content"
	"workshop/session"
	"workshop/session/work"
)

// exercise is the editor of one step's exercise. It holds the participant's work (or their
// team's board) and asks the participant view to store it by returning saveWorkMsg and
// boardOpMsg commands; it never calls the hub itself.
type exercise interface {
	Update(msg tea.Msg) (exercise, tea.Cmd)
	// View draws the editor in exactly the size last given to Resize.
	View() string
	Resize(width, height int) exercise
	Focus() tea.Cmd
	Blur()
	// Typing says whether printable keys go into a text field.
	Typing() bool
	// Wants says whether the editor handles a key itself in its current state (esc closing a
	// text field, tab moving between cells), before the participant view sees it.
	Wants(msg tea.KeyPressMsg) bool
	// Refresh takes fresh shared data: a teammate's change to the board, new items from the
	// earlier step, a new result. The participant's unsaved typing is kept.
	Refresh(d exData) exercise
	// Leave returns a command that stores unsaved work now, because the editor is going away.
	Leave() tea.Cmd
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
}

// exEnv is what every editor of one participant screen reads about the live session. The
// participant view owns it and updates it in place as snapshots arrive; editors read it only
// inside Update and View, never from a command.
type exEnv struct {
	me   int64
	keys exKeys
	snap *session.Snapshot
	// mine holds, per step id, the ids of the anonymous items this screen added. It is the only
	// link between a person and an anonymous item, lives in this session's memory alone and is
	// never stored, so a person can change their own anonymous items only until they leave.
	mine map[string]map[string]bool
	// editors counts the editors made, to give each its own id.
	editors int
	// typing is how long typing must pause before own work is stored (draftDelay).
	typing time.Duration
	// retry is the first pause before storing again work a fault kept from being stored
	// (retryDelay); zero means retryDelay.
	retry time.Duration
	// log receives faults the editors meet; nil discards.
	log *slog.Logger
}

// retryDelay is the first pause before a save that failed for a fault is tried again; each
// further failure doubles it, up to maxRetryDelay.
const retryDelay = time.Second

func (e *exEnv) retryDelay() time.Duration {
	if e.retry > 0 {
		return e.retry
	}
	return retryDelay
}

func (e *exEnv) logger() *slog.Logger {
	if e.log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return e.log
}

// locked says whether the facilitator locked a step.
func (e *exEnv) locked(stepID string) bool {
	return e.snap != nil && e.snap.Cohort.Live.IsLocked(stepID)
}

// writable says why work on a step cannot change now, or nil: session's rule, the one the hub
// enforces, read from the newest snapshot.
func (e *exEnv) writable(step content.Step, inTeam bool) error {
	if e.snap == nil {
		return nil
	}
	return session.Writable(e.snap.Cohort.Live, step.Exercise, step.ID, inTeam)
}

// voteState is the facilitator's state of a vote step.
func (e *exEnv) voteState(stepID string) session.VoteState {
	if e.snap == nil {
		return session.VoteState{}
	}
	return e.snap.Cohort.Live.Vote(stepID)
}

// name returns how a participant is shown to others: "you" for oneself.
func (e *exEnv) name(pid int64) string {
	if pid == 0 {
		return ""
	}
	if pid == e.me {
		return "you"
	}
	if e.snap != nil {
		if m, ok := e.snap.Member(pid); ok {
			return m.Label()
		}
	}
	return "someone who left"
}

// team returns the participant's team, if any.
func (e *exEnv) team() (session.Team, bool) {
	if e.snap == nil {
		return session.Team{}, false
	}
	m, ok := e.snap.Member(e.me)
	if !ok || m.TeamID == 0 {
		return session.Team{}, false
	}
	return e.snap.Team(m.TeamID)
}

// isMine says whether this screen added an anonymous item.
func (e *exEnv) isMine(stepID, itemID string) bool { return e.mine[stepID][itemID] }

func (e *exEnv) markMine(stepID, itemID string) {
	if e.mine[stepID] == nil {
		e.mine[stepID] = map[string]bool{}
	}
	e.mine[stepID][itemID] = true
}

// exData is what an editor is built from and refreshed with, loaded by the participant view.
type exData struct {
	stepID string
	// art is the participant's own stored work on the step; nil if none yet.
	art *session.Artifact
	// owner is the shared board the participant works on ("" for their own work) and board
	// its decoded content.
	owner string
	board any
	// noTeam is set for team work when the participant is in no team yet.
	noTeam bool
	// items are the earlier step's items a vote or matrix works on; itemsErr says why there are
	// none, if they could not be read.
	items    []work.Item
	itemsErr error
	// tally is the vote's result, loaded once the facilitator reveals it.
	tally []work.Tally
	// scale is the cohort's ratings of a scale step.
	scale [][5]int
	err   error
}

// exLoadedMsg carries loaded data for a step's editor; refresh is set when it is for the
// editor already on screen, and seq orders loads so an older one never replaces a newer.
type exLoadedMsg struct {
	exData
	refresh bool
	seq     int
}

// Editors and the participant view talk in messages naming the editor instance (editor), so
// the answer to a save made by an editor that has since been replaced, even by a new editor
// of the same step, never reaches the wrong one.

// saveWorkMsg asks the participant view to store the participant's own work on a step. What
// the save feeds (a live cohort result or not) is the hub's decision, not the editor's.
type saveWorkMsg struct {
	editor int
	stepID string
	schema int
	data   []byte
	submit bool
}

// workSavedMsg reports the outcome of a save back to the editor that asked.
type workSavedMsg struct {
	editor   int
	artifact session.Artifact
	submit   bool
	err      error
}

// boardOpMsg asks the participant view to apply a change to the shared board of a step.
type boardOpMsg struct {
	editor int
	stepID string
	op     func(v any) error
}

// boardSavedMsg reports the board as stored after a change, or why the change was refused.
type boardSavedMsg struct {
	editor int
	v      any
	err    error
	// op is the change, so one that a fault kept from being stored can be sent again.
	op func(v any) error
}

// reloadMsg asks the participant view to load the shared data on screen again, e.g. after a
// refused change, so the editor shows what is really stored.
type reloadMsg struct{}

// newExercise returns the editor for a step's exercise, filled with the loaded work.
func newExercise(st *Styles, env *exEnv, step content.Step, d exData) exercise {
	b := newExBase(st, env, step, d)
	switch step.Exercise.Kind {
	case content.KindReflection:
		return newReflection(b)
	case content.KindList:
		return newListEditor(b)
	case content.KindVote:
		return newVoteEditor(b, d)
	case content.KindMatrix:
		return newMatrixEditor(b, d)
	case content.KindJourney:
		return newJourneyEditor(b)
	case content.KindTable:
		return newTableEditor(b)
	case content.KindScale:
		return newScaleEditor(b, d)
	case content.KindChecklist:
		return newChecklistEditor(b)
	case content.KindQuiz:
		return newQuizEditor(b)
	}
	// Validation rejects unknown kinds, so this is a module from a newer version.
	b.message, b.isError = "This exercise needs a newer version of workshop.", true
	return newReflection(b)
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
	return exLoadedMsg{exData: exData{stepID: step.ID}, seq: seq}, true
}

func loadExercise(deps *Deps, h *session.Hub, pid int64, step content.Step, revealed bool, teamID int64, refresh bool, seq int) tea.Cmd {
	ex := step.Exercise
	return func() tea.Msg {
		d := exData{stepID: step.ID}
		out := func() tea.Msg { return exLoadedMsg{exData: d, refresh: refresh, seq: seq} }
		a, found, err := h.Work(deps.Ctx, pid, step.ID)
		if err != nil {
			d.err = err
			return out()
		}
		if found {
			d.art = &a
		}
		if session.SharedWork(ex) {
			v, owner, err := h.Board(deps.Ctx, pid, step.ID)
			switch {
			case errors.Is(err, session.ErrNoTeam):
				d.noTeam = true
			case err != nil:
				d.err = err
				return out()
			default:
				d.board, d.owner = v, owner
			}
		}
		if ex.From != "" {
			d.items, d.itemsErr = h.Items(deps.Ctx, pid, step.ID)
			if errors.Is(d.itemsErr, session.ErrNoTeam) {
				d.noTeam = true
			}
		}
		if ex.Kind == content.KindVote && revealed {
			team := int64(0)
			if ex.Team {
				team = teamID
			}
			if team != 0 || !ex.Team {
				d.tally, _ = h.VoteTally(deps.Ctx, step.ID, team)
			}
		}
		if ex.Kind == content.KindScale {
			d.scale, _ = h.ScaleResults(deps.Ctx, step.ID)
		}
		return out()
	}
}

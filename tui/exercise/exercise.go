package exercise

import (
	"log/slog"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"workshop/content"
	"workshop/i18n"
	"workshop/session"
	"workshop/session/work"
	"workshop/tui/ui"
)

// Editor is the editor of one step's exercise. It holds the participant's work (or their
// team's board) and asks the participant view to store it with SaveWork and BoardOp, handed
// over in the order made (Asked; Writes from Leave); it never calls the hub itself.
type Editor interface {
	Update(msg tea.Msg) (Editor, tea.Cmd)
	// View draws the editor in exactly the size last given to Resize.
	View() string
	Resize(width, height int) Editor
	Focus() tea.Cmd
	Blur()
	// Typing says whether printable keys go into a text field.
	Typing() bool
	// Wants says whether the editor handles a key itself in its current state (esc closing a
	// text field, tab moving between cells), before the participant view sees it.
	Wants(msg tea.KeyPressMsg) bool
	// Refresh takes fresh shared data: a teammate's change to the board, new items from the
	// earlier step, a new result. The participant's unsaved typing is kept.
	Refresh(d Data) Editor
	// Leave returns a command that stores unsaved work now, because the editor is going away.
	Leave() tea.Cmd
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
	// ID is the editor's id, named in the messages it sends and in the answers it takes.
	ID() int
	// Adopt takes work a fault kept from being stored, already in the editor's data, as not
	// stored yet, and stores it (with a submit if one was owed).
	Adopt(submit bool) tea.Cmd
}

// Env is what every editor of one participant screen reads about the live session. The
// participant view owns it and updates it in place as snapshots arrive; editors read it only
// inside Update and View, never from a command.
type Env struct {
	Me int64
	// Keys are shared by the editors made while they are current: an editor is the larger for
	// every binding it holds by value, and one is made for every screen on every move.
	// Replace them, never change them in place: an editor keeps the keys it was made with.
	Keys *Keys
	Snap *session.Snapshot
	// mine holds, per step id, the ids of the anonymous items this screen added. It is the only
	// link between a person and an anonymous item, lives in this session's memory alone and is
	// never stored, so a person can change their own anonymous items only until they leave.
	mine map[string]map[string]bool
	// editors counts the editors made, to give each its own id.
	editors int
	// emptyText is an empty reflection's stored form, encoded once for the screen's editors
	// (which never change it).
	emptyText []byte
	// typing is how long typing must pause before own work is stored (DraftDelay).
	Typing time.Duration
	// retry is the first pause before storing again work a fault kept from being stored
	// (RetryDelay); zero means RetryDelay.
	Retry time.Duration
	// log receives faults the editors meet; nil discards.
	Log *slog.Logger
	// P prints the editors' words in the participant's language; nil is English.
	P *i18n.Printer
	// Shown is the cohort's module in the language the participant reads, when the screen shows
	// it in another than the module's own (nil: the module's own), for the titles of other
	// steps an editor names.
	Shown *content.Module
}

// NewEnv returns the environment of the editors of one participant's screen: who they are, the
// keys, the newest snapshot (updated in place as snapshots arrive), where faults are logged and
// the language the editors speak.
func NewEnv(me int64, keys Keys, snap *session.Snapshot, log *slog.Logger, p *i18n.Printer) *Env {
	return &Env{Me: me, Keys: &keys, Snap: snap, mine: map[string]map[string]bool{}, Typing: DraftDelay, Log: log, P: p}
}

// printer is the editors' printer: English when none was given.
func (e *Env) printer() *i18n.Printer {
	if e.P == nil {
		return i18n.New(i18n.English)
	}
	return e.P
}

// original is the step as the cohort's module writes it, in the module's own language: work is
// stored against it, whatever language the step is shown in. A step the module does not hold
// (or holds with another exercise) is its own original.
func (e *Env) original(step content.Step) content.Step {
	if e.Snap == nil || e.Snap.Module == nil || step.Exercise == nil {
		return step
	}
	i := e.Snap.Module.StepIndex(step.ID)
	if i < 0 {
		return step
	}
	orig := e.Snap.Module.Steps[i]
	if orig.Exercise == nil || orig.Exercise.Kind != step.Exercise.Kind {
		return step
	}
	return orig
}

// RetryDelay is the first pause before a save that failed for a fault is tried again; each
// further failure doubles it, up to MaxRetryDelay.
const RetryDelay = time.Second

func (e *Env) RetryPause() time.Duration {
	if e.Retry > 0 {
		return e.Retry
	}
	return RetryDelay
}

func (e *Env) logger() *slog.Logger {
	if e.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return e.Log
}

// locked says whether the facilitator locked a step.
func (e *Env) locked(stepID string) bool {
	return e.Snap != nil && e.Snap.Cohort.Live.IsLocked(stepID)
}

// writable says why work on a step cannot change now, or nil: session's rule, the one the hub
// enforces, read from the newest snapshot.
func (e *Env) writable(step content.Step, inTeam bool) error {
	if e.Snap == nil {
		return nil
	}
	return session.Writable(e.Snap.Cohort.Live, step.Exercise, step.ID, inTeam)
}

// voteState is the facilitator's state of a vote step.
func (e *Env) voteState(stepID string) session.VoteState {
	if e.Snap == nil {
		return session.VoteState{}
	}
	return e.Snap.Cohort.Live.Vote(stepID)
}

// name returns how a participant is shown to others: "you" for oneself.
func (e *Env) name(pid int64) string {
	if pid == 0 {
		return ""
	}
	if pid == e.Me {
		return e.printer().T("you")
	}
	if e.Snap != nil {
		if m, ok := e.Snap.Member(pid); ok {
			return m.Label()
		}
	}
	return e.printer().T("someone who left")
}

// team returns the participant's team, if any.
func (e *Env) team() (session.Team, bool) {
	if e.Snap == nil {
		return session.Team{}, false
	}
	m, ok := e.Snap.Member(e.Me)
	if !ok || m.TeamID == 0 {
		return session.Team{}, false
	}
	return e.Snap.Team(m.TeamID)
}

// isMine says whether this screen added an anonymous item.
func (e *Env) isMine(stepID, itemID string) bool { return e.mine[stepID][itemID] }

func (e *Env) markMine(stepID, itemID string) {
	if e.mine[stepID] == nil {
		e.mine[stepID] = map[string]bool{}
	}
	e.mine[stepID][itemID] = true
}

// Data is what an editor is built from and refreshed with, loaded by the participant view.
type Data struct {
	StepID string
	// art is the participant's own stored work on the step; nil if none yet.
	Art *session.Artifact
	// owner is the shared board the participant works on ("" for their own work) and board
	// its decoded content.
	Owner string
	Board any
	// noTeam is set for team work when the participant is in no team yet.
	NoTeam bool
	// items are the earlier step's items a vote or matrix works on; itemsErr says why there are
	// none, if they could not be read.
	Items    []work.Item
	ItemsErr error
	// tally is the vote's result, loaded once the facilitator reveals it.
	Tally []work.Tally
	// scale is the cohort's ratings of a scale step.
	Scale [][5]int
	Err   error
}

// Editors and the participant view talk in messages naming the editor instance (editor), so
// the answer to a save made by an editor that has since been replaced, even by a new editor
// of the same step, never reaches the wrong one.

// SaveWork asks the participant view to store the participant's own work on a step. What
// the save feeds (a live cohort result or not) is the hub's decision, not the editor's. Seq
// numbers an editor's saves in the order it asks for them. The view stores them in that order,
// one at a time, and may fold a save still waiting its turn into the next one of the same
// editor: that one holds all the earlier did, and a submit asked for in either.
type SaveWork struct {
	Editor int
	StepID string
	Schema int
	Data   []byte
	Submit bool
	Seq    int
}

// WorkSaved reports the outcome of a save back to the editor that asked: Data and Seq are the
// save's, so the editor knows what is stored and which of its saves are answered.
type WorkSaved struct {
	Editor   int
	Artifact session.Artifact
	Data     []byte
	Submit   bool
	Seq      int
	Err      error
}

// BoardOp asks the participant view to apply a change to the shared board of a step.
type BoardOp struct {
	Editor int
	StepID string
	Op     func(v any) error
}

// BoardSaved reports the board as stored after a change, or why the change was refused.
type BoardSaved struct {
	Editor int
	V      any
	Err    error
	// op is the change, so one that a fault kept from being stored can be sent again.
	Op func(v any) error
}

// Reload asks the participant view to load the shared data on screen again, e.g. after a
// refused change, so the editor shows what is really stored.
type Reload struct{}

// New returns the editor for a step's exercise, filled with the loaded work. The step may be
// the module's own or its translation into the participant's language: the editor shows the
// step as given and stores work against the module's own (see Env.original), so choices and
// stages line up across the cohort whatever each person reads.
func New(st *ui.Styles, env *Env, step content.Step, d Data) Editor {
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
	b.message, b.isError = b.T("This exercise needs a newer version of workshop."), true
	return newReflection(b)
}

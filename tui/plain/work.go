package plain

import (
	"bytes"
	"errors"

	"workshop/content"
	"workshop/i18n"
	"workshop/session"
	"workshop/session/work"
)

// stepWork is the exercise of the step shown: the participant's own work or the shared board
// they work on, stored through the same hub calls as the full-screen editors.
type stepWork struct {
	r    *room
	step content.Step
	ex   *content.Exercise // the module's own: what work is stored in and checked by
	// shown is the same exercise in the participant's language: what they read.
	shown *content.Exercise

	value  any    // the decoded work: own, or the shared board
	owner  string // the shared board's owner; "" for own work
	noTeam bool
	state  session.Status
	saved  []byte // own work as last stored
	// unsaved is set when a fault kept own work from being stored; the next change or the
	// end of the session stores it again.
	unsaved bool

	items []work.Item  // the earlier step's items, for a vote or a matrix
	tally []work.Tally // a revealed vote's result
	scale [][5]int     // the cohort's ratings of a scale step
	watch string       // what the shared data was loaded for (session's Watch)
	// mine are the anonymous items this session added: the only link to their author, kept
	// in memory only, as on the full screen.
	mine map[string]bool
}

func newStepWork(r *room, step content.Step, shown *content.Exercise) *stepWork {
	if !step.Exercise.LinesUp(shown) {
		shown = step.Exercise
	}
	return &stepWork{r: r, step: step, ex: step.Exercise, shown: shown, value: work.New(step.Exercise), mine: map[string]bool{}}
}

func (w *stepWork) p() *i18n.Printer { return w.r.p() }

func (w *stepWork) shared() bool { return w.owner != "" }

// load reads the participant's work, the board, the items and results the step shows.
func (w *stepWork) load() {
	r := w.r
	ctx := r.ctx()
	w.watch = r.snap.Watch(r.me, w.step.ID)
	w.noTeam = false
	a, found, err := r.hub.Work(ctx, r.me.ID, w.step.ID)
	if err != nil {
		r.t.say(msgCannotLoad(w.p(), err))
		return
	}
	if found {
		w.state = session.WorkStatus(w.ex, a)
	}
	if session.SharedWork(w.ex) {
		v, owner, err := r.hub.Board(ctx, r.me.ID, w.step.ID)
		switch {
		case errors.Is(err, session.ErrNoTeam):
			w.noTeam = true
		case err != nil:
			r.t.say(msgCannotLoad(w.p(), err))
		default:
			w.value, w.owner = v, owner
		}
	} else if found && !w.unsaved {
		if v, err := work.Decode(w.ex, a.Schema, a.Data); err == nil {
			w.value = v
		} else {
			r.s.d.Log.Error("read stored work", "err", err, "participant", r.me.ID, "step", w.step.ID)
			r.t.say(w.p().T("Your earlier work on this step could not be read; starting afresh."))
		}
	}
	if !w.shared() {
		w.saved = w.encode()
	}
	if w.ex.From != "" {
		items, err := r.hub.Items(ctx, r.me.ID, w.step.ID)
		if errors.Is(err, session.ErrNoTeam) {
			w.noTeam = true
		}
		w.items = items
	}
	if w.ex.Kind == content.KindVote && r.snap.Cohort.Live.Vote(w.step.ID).Revealed {
		team := int64(0)
		if w.ex.Team {
			team = r.me.TeamID
		}
		if team != 0 || !w.ex.Team {
			w.tally, _ = r.hub.VoteTally(ctx, w.step.ID, team)
		}
	}
	if w.ex.Kind == content.KindScale {
		w.scale, _ = r.hub.ScaleResults(ctx, w.step.ID)
	}
}

// refresh reloads what others changed (the board, the earlier step's items) and says so.
func (w *stepWork) refresh() {
	w.load()
	if w.shared() || w.ex.From != "" {
		w.r.t.say(msgBoardChanged(w.p(), w.ex.Kind, w.count()))
	}
}

func (w *stepWork) encode() []byte {
	data, _ := work.Encode(w.value)
	return data
}

// writable says why the work cannot change now, in the hub's words, or nil: session's rule
// (session.Writable), the one the hub enforces when it stores.
func (w *stepWork) writable() error {
	return session.Writable(w.r.snap.Cohort.Live, w.ex, w.step.ID, !w.noTeam)
}

// change makes one change: tried on a copy, checked against the exercise's limits, then
// stored — as own work, or as a change to the shared board. It says why when it cannot, and
// returns whether the change was made.
func (w *stepWork) change(op func(v any) error) bool {
	if err := w.writable(); err != nil {
		w.r.t.say(reason(w.p(), err))
		return false
	}
	next := work.Clone(w.value)
	if err := op(next); err != nil {
		w.r.t.say(reason(w.p(), err))
		return false
	}
	if err := work.Check(w.ex, next); err != nil {
		w.r.t.say(reason(w.p(), err))
		return false
	}
	if w.shared() {
		ctx, cancel := w.r.write()
		defer cancel()
		out, err := w.r.hub.UpdateBoard(ctx, w.r.me.ID, w.step.ID, op)
		if err != nil {
			w.r.t.say(w.p().T("Not saved: %s", reason(w.p(), err)))
			return false
		}
		w.value = out
		w.watch = w.r.snap.Watch(w.r.me, w.step.ID)
		if w.state == "" {
			w.state = session.StatusDraft
		}
		return true
	}
	w.value = next
	return w.save(false)
}

// save stores own work (or, for shared work, that the participant is done).
func (w *stepWork) save(submit bool) bool {
	data := w.encode()
	if w.shared() {
		data, _ = work.Encode(&work.Shared{Shared: true})
	} else if !submit && bytes.Equal(data, w.saved) {
		return true
	}
	ctx, cancel := w.r.write()
	defer cancel()
	// What the save feeds (a live result or not) is the hub's decision.
	a, err := w.r.hub.SaveWork(ctx, w.r.me.ID, w.step.ID, work.Schema, data, submit)
	switch {
	case err != nil && !session.IsRefusal(err):
		w.unsaved = true
		w.r.s.d.Log.Error("work not stored", "err", err, "participant", w.r.me.ID, "step", w.step.ID)
		w.r.t.say(w.p().T("Not saved yet: the server could not store it just now. It stays here and is stored with your next change, or when you leave."))
		return true
	case err != nil:
		w.r.t.say(w.p().T("Not saved: %s", reason(w.p(), err)))
		if v, derr := work.Decode(w.ex, work.Schema, w.saved); derr == nil && !w.shared() && w.ex.Kind != content.KindReflection {
			w.value = v // show what is really stored
		}
		return false
	}
	w.unsaved = false
	if !w.shared() {
		w.saved = data
	}
	w.state = session.WorkStatus(w.ex, a)
	return true
}

// submit marks the step done.
func (w *stepWork) submit() {
	if err := w.writable(); err != nil {
		w.r.t.say(reason(w.p(), err))
		return
	}
	if w.save(true) && !w.unsaved {
		w.r.t.say(msgSubmitted(w.p(), w.shared()))
	}
}

// flush stores own work a fault kept from being stored, before the work goes away.
func (w *stepWork) flush() {
	if w.unsaved && !w.shared() && w.writable() == nil {
		w.saved = nil
		w.save(false)
	}
}

func msgCannotLoad(p *i18n.Printer, err error) string {
	return p.T("Could not load this exercise: %s", reason(p, err))
}

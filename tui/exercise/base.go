package exercise

import (
	"bytes"
	"errors"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"workshop/content"
	"workshop/i18n"
	"workshop/session"
	"workshop/session/work"
	"workshop/tui/ui"
)

// DraftDelay is how long typing must pause before own work is stored. A discrete change (an
// item, a tick, a dot, a move) is stored at once instead. The participant view orders the
// saves: one at a time, in the order asked, rapid ones folded into the save after the one on
// its way (see flush and the view's write queue).
const DraftDelay = time.Second

// draftTickMsg fires after a change; only the tick of the latest change stores the work.
type draftTickMsg struct {
	editor int
	edits  int
}

// exBase is what every editor shares: the step, the work as shown, how it is stored (the
// participant's own artifact, or a shared board changed one intent at a time), the status
// line and the frame that fits prompt, body and footer into the editor's height.
type exBase struct {
	// status is the status line as last fitted, and what it was fitted from: a screen asks
	// for it several times a frame (to size the editor, then to draw it).
	fitted struct {
		key, line string
		ok        bool
	}
	// prompt is the exercise's prompt as last wrapped and styled, for a width and a style set
	// (Markdown names the set: dark, light or plain).
	prompt struct {
		lines []string
		width int
		style string
	}
	id  int // this editor, in the messages it exchanges with the participant view
	st  *ui.Styles
	env *Env
	k   *Keys
	// step and ex are the step as the module writes it, which work is stored against; shown is
	// its exercise in the language the participant reads (ex itself when that is the module's).
	step  content.Step
	ex    *content.Exercise
	shown *content.Exercise
	// The participant's language: every word the editor itself shows goes through it.
	*i18n.Printer

	width, height int
	focused       bool
	scroll        int        // first body line shown
	items         *bodyItems // which body lines are which item, while frameItems draws

	// value is the decoded work shown: the participant's own, or the shared board.
	value any
	// owner is the shared board's owner; "" when the work is the participant's own.
	owner  string
	noTeam bool

	status    session.Status
	savedAt   time.Time
	submitted bool // submitted at least once while on screen or before

	// Own work: what was last stored and what was last asked to be stored. Saves are numbered
	// (seq, the last asked for; answered, the last answered): the participant view stores them
	// one at a time in the order asked and answers in that order, so an older save never lands
	// after a newer one, and a save it folds into a later one is answered with the later one.
	saved, sent   []byte
	seq, answered int
	// encoded is a reflection's text as last encoded: whether the work is stored is asked
	// several times a frame, and encoding the text each time was a visible share of a move.
	encoded struct {
		text string
		data []byte
	}
	edits int

	// out holds the changes (saves and board changes) asked for and not yet handed to the
	// participant view, oldest first (see Asked).
	out []tea.Msg

	// Shared work: changes sent to the hub and not yet answered. While some are in flight the
	// board on screen keeps the participant's own changes instead of older stored states.
	inflight int

	// A save that failed for a fault (a locked database, a full disk), not a refusal: the work
	// stays on screen as it is and is stored again after a growing pause, until it is stored.
	// retries counts the failed attempts since the last stored one; retrySubmit remembers that
	// one of them was a submit; retryOps are shared-board changes not stored yet, in order.
	failing     bool
	retries     int
	retrySubmit bool
	retryOps    []func(v any) error

	message string
	isError bool
}

func newExBase(st *ui.Styles, env *Env, step content.Step, d Data) *exBase {
	env.editors++
	orig := env.original(step)
	b := &exBase{id: env.editors, st: st, env: env, k: env.Keys, step: orig, ex: orig.Exercise, shown: step.Exercise, Printer: env.printer(), value: work.New(orig.Exercise)}
	if !b.ex.LinesUp(b.shown) {
		b.shown = b.ex
	}
	if d.Art != nil {
		b.status, b.savedAt = session.WorkStatus(step.Exercise, *d.Art), d.Art.UpdatedAt
		b.submitted = d.Art.Status == session.StatusSubmitted
	}
	switch {
	case d.NoTeam:
		b.noTeam = true
	case d.Owner != "":
		b.owner = d.Owner
		if d.Board != nil {
			b.value = d.Board
		}
	case d.Art != nil:
		if v, err := work.Decode(b.ex, d.Art.Schema, d.Art.Data); err == nil {
			b.value = v
		} else {
			ui.LogFault(env.logger(), "read stored work", err, "participant", env.Me, "step", step.ID)
			b.refuse(b.T("your earlier work could not be read; starting afresh"))
		}
	}
	b.saved = b.encode()
	if d.Err != nil {
		b.refuse(b.T("could not load this exercise: %s", session.ErrorMsg(d.Err)))
	}
	return b
}

func (b *exBase) shared() bool    { return b.owner != "" }
func (b *exBase) anonymous() bool { return b.ex.Anonymous }
func (b *exBase) encode() []byte {
	r, ok := b.value.(*work.Reflection)
	if ok && b.encoded.data != nil && b.encoded.text == r.Text {
		return b.encoded.data // the text is all a reflection's encoding holds
	}
	if ok && r.Text == "" && b.env.emptyText != nil {
		return b.env.emptyText // every fresh reflection of the screen starts with it
	}
	data, _ := work.Encode(b.value)
	if ok {
		b.encoded.text, b.encoded.data = r.Text, data
		if r.Text == "" {
			b.env.emptyText = data
		}
	}
	return data
}

// dirty says whether own work has changes not stored yet.
func (b *exBase) dirty() bool { return !b.shared() && !bytes.Equal(b.encode(), b.saved) }

// fail shows why something could not be done, in words a person can act on
// (session.ErrorMsg): a refusal as it is, anything else as a plain message.
func (b *exBase) fail(err error) {
	b.refuse(b.Msg(session.ErrorMsg(err)))
}

// refuse shows the editor's own reason for not doing something.
func (b *exBase) refuse(msg string) {
	b.message, b.isError = ui.Sentence(msg), true
}

func (b *exBase) note(s string) { b.message, b.isError = s, false }

// writable says why the work cannot change now, in the hub's words, or nil. The rule is
// session's (session.Writable), the one the hub enforces on the save.
func (b *exBase) writable() error {
	return b.env.writable(b.step, !b.noTeam)
}

// apply makes one change: it is tried on a copy, checked against the exercise's limits, shown
// at once, and stored at once — as own work, or sent to the shared board.
func (b *exBase) apply(op func(v any) error) tea.Cmd {
	if err := b.writable(); err != nil {
		b.fail(err)
		return nil
	}
	next := work.Clone(b.value)
	if err := op(next); err != nil {
		b.fail(err)
		return nil
	}
	if err := work.Check(b.ex, next); err != nil {
		b.fail(err)
		return nil
	}
	b.value = next
	b.message, b.isError = "", false
	if b.shared() {
		if len(b.retryOps) > 0 {
			// Earlier changes wait to be stored again; this one goes after them, in order.
			b.retryOps = append(b.retryOps, op)
			return nil
		}
		b.inflight++
		return b.ask(BoardOp{Editor: b.id, StepID: b.step.ID, Op: op})
	}
	return b.flush(false)
}

// ask adds a change to those the participant view is to store and returns the command that
// tells it so. The view takes them all, in order, when the first of these messages arrives.
func (b *exBase) ask(msg tea.Msg) tea.Cmd {
	b.out = append(b.out, msg)
	take := b.take
	return func() tea.Msg { return Asked{Take: take} }
}

// take hands over the changes asked for and not taken yet, oldest first.
func (b *exBase) take() []tea.Msg {
	out := b.out
	b.out = nil
	return out
}

// schedule stores own work once changes pause for delay.
func (b *exBase) schedule(delay time.Duration) tea.Cmd {
	b.edits++
	edits, id := b.edits, b.id
	return tea.Tick(delay, func(time.Time) tea.Msg { return draftTickMsg{editor: id, edits: edits} })
}

// flush asks for own work to be stored, unless nothing changed since the work last stored or
// last asked to be stored. The participant view queues the save after any on its way.
func (b *exBase) flush(submit bool) tea.Cmd {
	if b.shared() || b.noTeam {
		return nil
	}
	data := b.encode()
	last := b.saved
	if b.saving() {
		last = b.sent
	}
	if !submit && bytes.Equal(data, last) {
		return nil
	}
	return b.save(data, submit)
}

// saving says whether a save asked for has not been answered yet.
func (b *exBase) saving() bool { return b.answered < b.seq }

// submit marks the step done: own work is stored as submitted; on a shared board the
// participant's own record says only that they are done.
func (b *exBase) submit() tea.Cmd {
	if err := b.writable(); err != nil {
		b.fail(err)
		return nil
	}
	if !b.shared() {
		return b.flush(true)
	}
	data, _ := work.Encode(&work.Shared{Shared: true})
	return b.save(data, true)
}

// save asks the participant view to store data as this step's own artifact, numbered after
// the saves asked for before.
func (b *exBase) save(data []byte, submit bool) tea.Cmd {
	b.seq++
	if !b.shared() {
		b.sent = data
	}
	return b.ask(SaveWork{Editor: b.id, StepID: b.step.ID, Schema: work.Schema, Data: data, Submit: submit, Seq: b.seq})
}

// common handles the messages every editor treats alike, ignoring those meant for another
// editor. handled is false for the rest.
func (b *exBase) common(msg tea.Msg) (cmd tea.Cmd, handled bool) {
	switch msg := msg.(type) {
	case draftTickMsg:
		if msg.editor == b.id && msg.edits == b.edits {
			return b.flush(false), true
		}
		return nil, true
	case WorkSaved:
		if msg.Editor != b.id {
			return nil, true
		}
		return b.onSaved(msg), true
	case BoardSaved:
		if msg.Editor != b.id {
			return nil, true
		}
		return b.onBoardSaved(msg), true
	case retryMsg:
		if msg.editor != b.id || msg.attempt != b.retries || !b.failing {
			return nil, true // a later save or retry has taken over
		}
		return b.retry(), true
	}
	return nil, false
}

// retryMsg fires when a save that failed for a fault is due to be tried again.
type retryMsg struct {
	editor, attempt int
}

// MaxRetryDelay bounds the pause between two attempts to store work after a fault.
const MaxRetryDelay = 30 * time.Second

// retryLater schedules the next attempt after a pause that doubles with each failure.
func (b *exBase) retryLater() tea.Cmd {
	delay := b.env.RetryPause()
	for i := 1; i < b.retries && delay < MaxRetryDelay; i++ {
		delay *= 2
	}
	delay = min(delay, MaxRetryDelay)
	id, attempt := b.id, b.retries
	return tea.Tick(delay, func(time.Time) tea.Msg { return retryMsg{editor: id, attempt: attempt} })
}

// retry stores again what a fault kept from being stored: the oldest shared-board change, or
// the newest own work (with the submit, if one failed).
func (b *exBase) retry() tea.Cmd {
	if b.shared() {
		if len(b.retryOps) > 0 {
			op := b.retryOps[0]
			b.retryOps = b.retryOps[1:]
			b.inflight++
			return b.ask(BoardOp{Editor: b.id, StepID: b.step.ID, Op: op})
		}
		if b.retrySubmit && !b.saving() { // a submit on its way answers for this one
			data, _ := work.Encode(&work.Shared{Shared: true})
			return b.save(data, true)
		}
		return nil
	}
	return b.flush(b.retrySubmit)
}

// faulted keeps work that a fault kept from being stored and schedules another attempt.
func (b *exBase) faulted(submit bool) tea.Cmd {
	b.failing = true
	b.retries++
	b.retrySubmit = b.retrySubmit || submit
	return b.retryLater()
}

// stored ends a run of faults once a save got through.
func (b *exBase) stored() {
	if len(b.retryOps) == 0 && (!b.retrySubmit || !b.failing) {
		b.failing, b.retries = false, 0
	}
}

func (b *exBase) onSaved(msg WorkSaved) tea.Cmd {
	b.answered = max(b.answered, msg.Seq)
	if msg.Err != nil && !session.IsRefusal(msg.Err) {
		// A fault, not an answer: keep the work as it is on screen and try again. The newest
		// work goes in the next attempt, so typing meanwhile is never lost either.
		return b.faulted(msg.Submit)
	}
	if msg.Err != nil {
		b.failing, b.retries, b.retrySubmit = false, 0, false
		b.message, b.isError = b.T("Not saved: %s", ui.Sentence(b.Msg(session.ErrorMsg(msg.Err)))), true
		refused := errors.Is(msg.Err, session.ErrLocked) || errors.Is(msg.Err, session.ErrVoteClosed)
		if refused && b.ex.Kind != content.KindReflection {
			// Show what is really stored. A refused reflection keeps its text on screen, so
			// the writer can still read (and copy) what they typed.
			if v, err := work.Decode(b.ex, work.Schema, b.saved); err == nil {
				b.value = v
			}
		}
		return nil
	}
	if !b.shared() {
		b.saved = msg.Data
	}
	b.status, b.savedAt = session.WorkStatus(b.ex, msg.Artifact), msg.Artifact.UpdatedAt
	if msg.Submit {
		b.submitted = true
		b.retrySubmit = false
	}
	owed := b.failing && b.retrySubmit // a submit that failed is still owed
	b.stored()
	if msg.Submit {
		b.message, b.isError = "", false
	}
	if owed {
		return b.flush(true)
	}
	return nil
}

func (b *exBase) onBoardSaved(msg BoardSaved) tea.Cmd {
	b.inflight = max(b.inflight-1, 0)
	if msg.Err != nil && !session.IsRefusal(msg.Err) && msg.Op != nil {
		// A fault: the change stays on screen and goes again, before any later one.
		b.retryOps = append([]func(any) error{msg.Op}, b.retryOps...)
		return b.faulted(false)
	}
	if msg.Err != nil {
		b.fail(msg.Err)
		return func() tea.Msg { return Reload{} }
	}
	if len(b.retryOps) > 0 {
		return b.retry() // the next change kept back by a fault
	}
	b.stored()
	if b.inflight == 0 && msg.V != nil {
		b.value = msg.V
	}
	if !b.anonymous() && b.status == "" {
		b.status = session.StatusDraft // the hub records a teammate at work
	}
	return nil
}

// refresh takes a newer shared board, unless the participant's own changes are still on
// their way (the answer to the last of them brings the newest board).
func (b *exBase) refresh(d Data) {
	// A reload that was read before this editor's last save came back is older than what
	// the screen shows: it must not turn a fresh "submitted" back into a draft.
	if d.Art != nil && !b.saving() && !d.Art.UpdatedAt.Before(b.savedAt) {
		b.status = session.WorkStatus(b.ex, *d.Art)
		b.submitted = b.submitted || d.Art.Status == session.StatusSubmitted
	}
	if b.shared() && d.Owner == b.owner && d.Board != nil && b.inflight == 0 && len(b.retryOps) == 0 {
		b.value = d.Board
	}
	if d.Err != nil {
		b.refuse(b.T("could not refresh: %s", session.ErrorMsg(d.Err)))
	}
}

// leave asks at once for unsaved own work to be stored, for an editor about to be replaced,
// and hands over every change asked for and not taken yet, in order, as one Writes. The
// changes are taken as Leave runs, not when its command does: the command also runs directly
// as the session ends.
func (b *exBase) leave() tea.Cmd {
	owed := b.failing && b.retrySubmit
	switch {
	case b.shared() && len(b.retryOps) > 0 && b.writable() == nil:
		// Board changes a fault kept back go on without this editor, in order.
		for _, op := range b.retryOps {
			b.ask(BoardOp{Editor: b.id, StepID: b.step.ID, Op: op})
		}
		b.retryOps = nil
	case b.shared() || b.noTeam || !(b.dirty() || owed) || b.writable() != nil:
	default:
		b.flush(owed) // nothing when the save asked for last holds it all
	}
	msgs := b.take()
	if len(msgs) == 0 {
		return nil
	}
	return func() tea.Msg { return Writes(msgs) }
}

// Writes is several changes for the participant view to make in this order.
type Writes []tea.Msg

// Asked tells the participant view that its editor asked for changes to be stored; Take
// hands them over, oldest first, each once. The view calls Take as the message arrives (in
// Update, never from a command): Bubble Tea may deliver two of these messages in either order,
// but the changes reach the view's write queue in the order the editor made them.
type Asked struct{ Take func() []tea.Msg }

// baseWants is what editors in a text field or a question want: every key but the ones that
// move focus or ask for help.
func baseWants(msg tea.KeyPressMsg, k *Keys) bool {
	return !key.Matches(msg, k.Hand) && msg.String() != "tab" && msg.String() != "shift+tab"
}

// ID is this editor's id in the messages it exchanges with the participant view.
func (b *exBase) ID() int { return b.id }

// Adopt takes work that a fault kept from being stored as not stored yet, and stores it.
func (b *exBase) Adopt(submit bool) tea.Cmd {
	b.saved = nil // what is on screen differs from what is stored
	return b.faulted(submit)
}

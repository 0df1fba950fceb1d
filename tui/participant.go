package tui

import (
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"workshop/content"
	"workshop/i18n"
	"workshop/session"
	"workshop/tui/exercise"
)

// stateMsg carries a new snapshot of the cohort from the hub.
type stateMsg struct{ snap *session.Snapshot }

// waitState waits for the next change published to a subscription. Only one wait is
// outstanding per screen, so a screen that stalls simply reads the newest state later.
func waitState(deps *Deps, sub *session.Subscription) tea.Cmd {
	return func() tea.Msg {
		select {
		case <-deps.Ctx.Done():
			return nil
		case <-sub.Updates():
			return stateMsg{sub.Snapshot()}
		}
	}
}

type focusArea int

const (
	focusGuidance focusArea = iota
	focusExercise
)

// participantView is the participant's main screen: where the group is, the live state the
// facilitator sets (timer, announcement, spotlight, locks, teams, vote results), the step's
// guidance and the exercise with their own or their team's work.
type participantView struct {
	*Common
	ek   exercise.Keys
	hub  *session.Hub
	sub  *session.Subscription
	me   session.Participant
	snap *session.Snapshot
	env  *exercise.Env

	width, height int
	// viewing is the step on screen; following means it tracks the group's step.
	viewing   int
	following bool
	focus     focusArea
	// moving is the step a self-paced participant asked to move to, until the hub says they
	// are there (-1 for none); meanwhile older snapshots do not pull the screen back.
	// moves counts the moves asked for and not answered yet: a snapshot showing the step of
	// an earlier one (moving back and forth quickly) is not the last move arriving.
	moving int
	moves  int

	guide scroller
	// typedAhead holds keys and pastes typed while the step's editor loads (see typeAhead).
	typedAhead []tea.Msg
	hdr        struct {
		key   string
		lines []string
		buf   []byte // where the key is built on every frame
	} // the header as last drawn (shared, read only), and what it was drawn from
	guideH      int    // lines the guidance pane gets; 0 in a tiny window while answering
	renderedFor string // what the guidance pane was last rendered for
	viewSize    int    // the bytes of the last frame View drew, to size the next one
	// appHelp is the width of the app's keys on the help line, for the printer it was
	// measured in (see appHelpWidth).
	appHelp struct {
		p     *i18n.Printer
		width int
	}
	// helpKeys are the screen's own keys on the help line, relabelled in the language of the
	// Common they were built for (see screenKeys).
	helpKeys *screenHelpKeys
	ex       exercise.Editor
	// mod is the module in the language the participant reads; its steps line up with the
	// snapshot's module, which work goes by.
	mod     *content.Module
	exStep  string // step id the editor belongs to
	loading bool
	notice  i18n.Msg
	// fresh is set while the editor has the focus it took by itself when it loaded and the
	// participant has typed nothing into it: the step keys ([ and ]) still move between
	// steps then, instead of becoming text in an answer nobody chose to write yet.
	fresh bool

	// ident and watch sum up what the editor's shared data depends on: a change of ident
	// (the participant's team) builds a new editor, a change of watch refreshes it.
	ident, watch string
	loadSeq      int

	// writes are the hub changes this screen asked for, done one at a time in order, so a
	// later change never lands before an earlier one: the one queue of the screen's changes
	// (queueWrite); busy says one is on its way.
	writes []tea.Msg
	busy   bool
	// later are changes of editors no longer on screen that a fault kept from being stored,
	// to ask for again after a pause; laterTries counts the attempts (participant_retry.go).
	later      []tea.Msg
	laterTries int

	live liveState
	// msgs are the facilitator's messages to this participant not dismissed yet.
	msgs []session.DirectMessage
}

// liveState is the participant's side of the facilitator's live controls.
type liveState struct {
	ticking  bool // a one-second tick is scheduled for the timer
	bell     bool // ring the terminal bell when time is up (off unless the participant asks)
	lastLeft int  // seconds left at the last tick, to ring once when it reaches zero
	handOpen bool
	hand     textinput.Model
	// lowering is set while the participant's own lowering of their hand is on its way, so a
	// hand that goes down meanwhile is theirs, not the facilitator's answer.
	lowering bool
	// answered is set when the facilitator answers the hand raised last.
	answered bool
}

func newParticipantView(com *Common, h *session.Hub, sub *session.Subscription, me session.Participant) *participantView {
	deps := com.deps
	ek := exercise.NewKeys(com.keys)
	v := &participantView{Common: com, ek: ek, hub: h, sub: sub, me: me, following: true, moving: -1, guide: newScroller()}
	v.snap = sub.Snapshot()
	if v.snap == nil {
		v.snap = h.Snapshot()
	}
	v.mod = readerModule(com, h)
	v.env = exercise.NewEnv(me.ID, ek, v.snap, deps.logger(), com.Printer)
	v.env.Shown = v.shownModule()
	v.refreshMe()
	v.refreshMessages()
	v.viewing = v.snap.StepOf(v.me)
	v.live.lastLeft = -1
	return v
}

func (v *participantView) Init() tea.Cmd {
	return tea.Batch(waitState(v.deps, v.sub), v.loadWork(), v.tick())
}

// module is the cohort's module as the participant reads it: the translation matching their
// language when there is one.
func (v *participantView) module() *content.Module {
	if v.mod != nil && len(v.mod.Steps) == len(v.snap.Module.Steps) {
		return v.mod
	}
	return v.snap.Module
}

// readerModule is the hub's module in the language com speaks, else in the one the terminal
// asks for, else in its own.
func readerModule(com *Common, h *session.Hub) *content.Module {
	if h == nil {
		return nil
	}
	return h.ModuleIn(append([]string{string(com.Lang())}, com.deps.Terminal...)...)
}

// shownModule is the module as the participant reads it when that is not the module's own
// language, for the editors (nil otherwise).
func (v *participantView) shownModule() *content.Module {
	if v.mod == nil || v.mod == v.snap.Module {
		return nil
	}
	return v.mod
}

// speak is the screen in com's language, keeping where the participant is and what they
// typed: the header, guidance and help change at once, the module's text too. The editor on
// screen is made again in the new language once what it holds is stored (reopenEditor).
func (v *participantView) speak(com *Common) (screen, tea.Cmd) {
	v.Common = com
	v.mod = readerModule(com, v.hub)
	v.ek = exercise.NewKeys(com.keys)
	keys := v.ek // a copy: the editors on screen keep the keys they were made with
	v.env.Keys, v.env.P, v.env.Shown = &keys, com.Printer, v.shownModule()
	v.hdr.lines = nil
	v.renderedFor = ""
	if v.live.handOpen {
		v.live.hand.Placeholder = v.T("e.g. I am stuck on the table")
	}
	v.layout()
	if v.ex == nil || v.loading {
		return v, nil // an editor still loading is made with the new language
	}
	return v, v.reopenEditor()
}

// refreshMe takes the participant's own record (team, hand, step) from the snapshot.
func (v *participantView) refreshMe() {
	if m, ok := v.snap.Member(v.me.ID); ok {
		v.me = m.Participant
	}
}

// groupStep is the step the participant is expected to be on.
func (v *participantView) groupStep() int { return v.snap.StepOf(v.me) }

func (v *participantView) step() content.Step { return v.module().Steps[v.viewing] }

// loadWork replaces the editor with one for the step on screen, storing what the old one had
// not stored yet.
func (v *participantView) loadWork() tea.Cmd {
	var leave tea.Cmd
	if v.ex != nil {
		leave = v.ex.Leave()
	}
	step := v.step()
	v.ex, v.exStep = nil, step.ID
	v.typedAhead = nil // keys typed for another step's editor never reach this one
	// Before loading: a change to what the step shows from now on wakes this screen.
	v.sub.Viewing(step.ID)
	v.ident, v.watch = v.watchKeys()
	if step.Exercise == nil {
		v.loading = false
		v.focus = focusGuidance
		v.layout()
		return leave
	}
	v.loading = true
	v.loadSeq++
	vote := v.snap.Cohort.Live.Vote(step.ID)
	if msg, ok := loadedAtOnce(v.hub, v.me.ID, step, vote.Revealed, v.loadSeq); ok {
		return tea.Batch(leave, v.onLoaded(msg))
	}
	v.layout()
	return tea.Batch(leave, v.load(false))
}

// load reads the step's work and shared data, for a new editor or to refresh the one shown.
func (v *participantView) load(refresh bool) tea.Cmd {
	v.loadSeq++
	vote := v.snap.Cohort.Live.Vote(v.step().ID)
	return loadExercise(v.deps, v.hub, v.me.ID, v.step(), vote.Revealed, v.me.TeamID, refresh, v.loadSeq)
}

func (v *participantView) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case stateMsg:
		if msg.snap == nil {
			return v, nil
		}
		return v, v.onState(msg.snap)
	case exLoadedMsg:
		return v, v.onLoaded(msg)
	case reopenMsg:
		return v, v.onReopen(msg)
	case dismissedMsg:
		v.onDismissed(msg)
		return v, nil
	case exercise.Reload:
		if v.ex != nil {
			return v, v.load(true)
		}
		return v, nil
	case exercise.Asked:
		var cmds []tea.Cmd
		for _, w := range msg.Take() {
			cmds = append(cmds, v.queueWrite(w))
		}
		return v, tea.Batch(cmds...)
	case exercise.Writes:
		var cmds []tea.Cmd
		for _, w := range msg {
			cmds = append(cmds, v.queueWrite(w))
		}
		return v, tea.Batch(cmds...)
	case writeDoneMsg:
		return v, v.onWriteDone(msg)
	case laterMsg:
		return v, v.retryLater(msg)
	case timerTickMsg:
		v.live.ticking = false
		return v, v.tick()
	case handDoneMsg:
		if msg.lowered && (msg.err != nil || v.me.Hand == nil) {
			v.live.lowering = false // failed, or the hand shows down already
		}
		switch {
		case msg.err != nil:
			v.notice = i18n.M("Could not reach the facilitator: %s", v.deps.refusal("raise hand", msg.err))
		case !msg.lowered && v.live.answered:
			// The facilitator answered the hand before this answer came back: keep saying so.
		default:
			v.notice = msg.note
		}
		return v, nil
	case tea.KeyPressMsg:
		if v.loading {
			v.typeAhead(msg)
			return v, nil
		}
		if cmd, handled := v.onKey(msg); handled {
			return v, cmd
		}
	case tea.PasteMsg:
		if v.loading {
			v.typeAhead(msg)
			return v, nil
		}
		if v.live.handOpen {
			v.live.hand.SetValue(v.live.hand.Value() + session.CleanLine(msg.Content))
			v.live.hand.CursorEnd()
			return v, nil
		}
		if v.focus != focusExercise {
			return v, nil
		}
		v.fresh = false
	case tea.MouseWheelMsg:
		v.guide.Update(msg)
		return v, nil
	}
	if v.ex != nil {
		var cmd tea.Cmd
		v.ex, cmd = v.ex.Update(msg)
		return v, cmd
	}
	return v, nil
}

// onWriteDone takes the answer to the change at the head of the write queue, for the view (a
// move) or the editor it came from, and starts the next change.
func (v *participantView) onWriteDone(msg writeDoneMsg) tea.Cmd {
	v.busy = false
	if done, ok := msg.result.(moveDoneMsg); ok {
		v.moves = max(v.moves-1, 0)
		if v.moves == 0 && v.moving >= 0 && v.groupStep() == v.moving {
			v.moving = -1 // the snapshot of the last move came first
		}
		if done.err != nil {
			if v.moves == 0 {
				v.moving = -1
			}
			v.notice = v.deps.refusal("move to step", done.err)
		}
		return v.nextWrite()
	}
	if id := editorID(msg.result); id != 0 && id != v.shownEditor() {
		return tea.Batch(v.orphaned(msg), v.nextWrite())
	}
	var cmd tea.Cmd
	if v.ex != nil {
		v.ex, cmd = v.ex.Update(msg.result)
	}
	return tea.Batch(cmd, v.nextWrite())
}

// onState takes a new snapshot: follow the group, rebuild or refresh the editor when its
// shared data changed, keep the timer ticking.
func (v *participantView) onState(snap *session.Snapshot) tea.Cmd {
	v.deps.Metrics.Applied(snap.At)
	v.snap = snap
	v.env.Snap = snap
	hadHand := v.me.Hand != nil
	v.refreshMe()
	v.refreshMessages()
	if hadHand && v.me.Hand == nil {
		v.handAnswered()
	}
	cmds := []tea.Cmd{waitState(v.deps, v.sub), v.tick()}
	if v.viewing >= len(v.module().Steps) {
		v.viewing = len(v.module().Steps) - 1
	}
	if v.moving >= 0 && v.moves == 0 && v.groupStep() == v.moving {
		v.moving = -1
	}
	if v.following && v.moving < 0 && v.groupStep() != v.viewing {
		v.viewing = v.groupStep()
		v.notice = i18n.Msg{}
		cmds = append(cmds, v.loadWork())
		return tea.Batch(cmds...)
	}
	ident, watch := v.watchKeys()
	switch {
	case ident != v.ident:
		cmds = append(cmds, v.loadWork())
	case watch != v.watch && v.ex != nil:
		v.watch = watch
		cmds = append(cmds, v.load(true))
	}
	v.layout()
	return tea.Batch(cmds...)
}

func (v *participantView) onLoaded(msg exLoadedMsg) tea.Cmd {
	if msg.StepID != v.step().ID || msg.seq != v.loadSeq {
		return nil // an older load, or for a step no longer on screen
	}
	v.loading = false
	if msg.refresh && v.ex != nil {
		v.ex = v.ex.Refresh(msg.Data)
		return nil
	}
	d, kept := v.adoptLater(v.step().ID, msg.Data)
	v.ex = exercise.New(v.st, v.env, v.step(), d)
	v.focus, v.fresh = focusExercise, true
	v.layout()
	var adopt tea.Cmd
	if kept != nil && d.Owner == "" {
		adopt = v.ex.Adopt(kept.Submit)
	}
	cmds := []tea.Cmd{v.ex.Focus(), adopt}
	// What the person typed while this editor loaded is theirs for it: it goes in now, in
	// order, as if typed after.
	ahead := v.typedAhead
	v.typedAhead = nil
	for _, m := range ahead {
		_, cmd := v.Update(m)
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

func (v *participantView) Resize(w, h int) screen {
	v.hdr.lines = nil // the width or the styles changed
	v.width, v.height = w, h
	v.live.hand.SetWidth(max(w-36, 8))
	v.layout()
	return v
}

// Typing says whether keys go into a text field: the help request or the editor's.
func (v *participantView) Typing() bool {
	return v.live.handOpen || (v.focus == focusExercise && v.ex != nil && v.ex.Typing())
}

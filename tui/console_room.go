package tui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"workshop/content"
	"workshop/session"
)

// roomTab is one view of the cohort room.
type roomTab int

const (
	tabRoster roomTab = iota
	tabHands
	tabWall
	tabTeams
	tabSteps
	tabLog
	tabCount
)

// tabName names a view of the room in the facilitator's language.
func (c *Common) tabName(t roomTab) string {
	switch t {
	case tabHands:
		return c.T("tab|Hands")
	case tabWall:
		return c.T("tab|Wall")
	case tabTeams:
		return c.T("tab|Teams")
	case tabSteps:
		return c.T("tab|Steps")
	case tabLog:
		return c.T("tab|Log")
	}
	return c.T("tab|Roster")
}

// cohortRoom is the control room of one live cohort: a header with the step, timer, and what
// every participant sees, views for the roster, raised hands, answers, teams, steps and the
// timeline, and a strip of recent actions so facilitators running the cohort together see each
// other's moves. Every action goes through the cohort's hub; the screen redraws from the
// snapshots the hub publishes.
type cohortRoom struct {
	*Common
	ck   consoleKeys
	hub  *session.Hub
	sub  *session.Subscription
	snap *session.Snapshot

	// done ends when the facilitator leaves the room, so its wait for changes ends with it.
	done  context.Context
	leave context.CancelFunc

	width, height int
	now           time.Time
	checkedAt     time.Time // when the facilitator's rights were last checked
	tab           roomTab
	showCard      bool

	// status is the outcome of the last action.
	status    string
	statusBad bool

	// prompt is the line being typed, if any; confirm the question waiting for y.
	prompt       promptKind
	input        textinput.Model
	promptTarget int64
	confirm      string
	confirmCmd   tea.Cmd

	roster   rosterState
	person   *personState // the person page open over the roster, if any
	handsSel int
	wall     wallState
	teamsSel int
	stepsSel int
	events   eventsState
}

// roomStateMsg carries a new snapshot of the cohort.
type roomStateMsg struct{ snap *session.Snapshot }

// roomWait waits for the next change published to the room's subscription; only one wait is
// outstanding, so a busy room reads the newest state when it gets to it.
func roomWait(done context.Context, sub *session.Subscription) tea.Cmd {
	return func() tea.Msg {
		select {
		case <-done.Done():
			return nil
		case <-sub.Updates():
			return roomStateMsg{sub.Snapshot()}
		}
	}
}

// roomTickMsg moves the room's clock: timers and "raised 3m ago" are drawn from it. It names
// its room, so a room left and opened again runs one clock, not two.
type roomTickMsg struct{ room *cohortRoom }

func (r *cohortRoom) tick() tea.Cmd {
	return tea.Tick(time.Second, func(time.Time) tea.Msg { return roomTickMsg{r} })
}

// roomActionMsg is the outcome of a facilitator action.
type roomActionMsg struct {
	done string
	err  error
}

func newCohortRoom(com *Common, h *session.Hub, sub *session.Subscription) *cohortRoom {
	r := &cohortRoom{Common: com, ck: newConsoleKeys(com.keys, com.Printer), hub: h, sub: sub, snap: sub.Snapshot(), now: time.Now(), checkedAt: time.Now()}
	r.done, r.leave = context.WithCancel(com.deps.Ctx)
	if r.snap == nil {
		r.snap = h.Snapshot()
	}
	r.stepsSel = r.snap.Cohort.Step
	r.wall.drafts = true
	return r
}

func (r *cohortRoom) Init() tea.Cmd {
	return tea.Batch(roomWait(r.done, r.sub), r.tick(), r.requestEvents())
}

// speak is the room in another language, on the same view, subscription and prompt.
func (r *cohortRoom) speak(com *Common) (screen, tea.Cmd) {
	r.Common, r.ck = com, newConsoleKeys(com.keys, com.Printer)
	r.status = ""
	if r.prompt != promptNone {
		value := r.input.Value()
		_ = r.ask(r.prompt, r.promptTarget, value) // the prompt's words, in the new language
	}
	return r, nil
}

func (r *cohortRoom) module() *content.Module { return r.snap.Module }

// shown is the module as the facilitator reads it: its translation in the console's language
// where the cohort pinned one (same steps, same ids), for titles, prompts and notes; work and
// results always go by module().
func (r *cohortRoom) shown() *content.Module {
	mod := r.module()
	if r.hub == nil {
		return mod
	}
	if t := r.hub.ModuleIn(string(r.Lang())); t != nil && len(t.Steps) == len(mod.Steps) && len(t.Meetings) == len(mod.Meetings) {
		return t
	}
	return mod
}
func (r *cohortRoom) step() content.Step { return r.module().Steps[r.snap.Cohort.Step] }

func (r *cohortRoom) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case roomStateMsg:
		cmds := []tea.Cmd{roomWait(r.done, r.sub)}
		if msg.snap != nil {
			prev := r.snap
			r.snap = msg.snap
			cmds = append(cmds, r.onSnapshot(prev))
			r.personChanged()
		}
		return r, tea.Batch(cmds...)
	case roomTickMsg:
		if msg.room != r {
			return r, nil
		}
		r.now = time.Now()
		cmds := []tea.Cmd{r.tick()}
		// Rights are checked on every action; a console left open without any is checked now
		// and then as well, so a removed facilitator stops seeing the room.
		if r.now.Sub(r.checkedAt) >= rightsRecheck {
			r.checkedAt = r.now
			cmds = append(cmds, r.checkRights())
		}
		if r.tab == tabWall && r.now.Sub(r.wall.loadedAt) >= wallRefresh {
			cmds = append(cmds, r.requestWall())
		}
		cmds = append(cmds, r.personTick())
		return r, tea.Batch(cmds...)
	case roomActionMsg:
		if cmd, ok := r.whenRevoked(msg.err); ok {
			return r, cmd
		}
		r.status, r.statusBad = msg.done, false
		if msg.err != nil {
			r.status, r.statusBad = r.conSay("facilitator action", msg.err), true
		}
		return r, r.loadPerson()
	case personLoadedMsg:
		return r, r.onPersonLoaded(msg)
	case wallLoadedMsg:
		return r, r.onWall(msg)
	case eventsLoadedMsg:
		return r, r.onEvents(msg)
	case tea.KeyPressMsg:
		return r, r.onKey(msg)
	case tea.PasteMsg:
		if r.prompt != promptNone {
			msg.Content = session.CleanLine(msg.Content)
			var cmd tea.Cmd
			r.input, cmd = r.input.Update(msg)
			r.promptChanged()
			return r, cmd
		}
	}
	return r, nil
}

// onSnapshot reloads what depends on the new state: the answers wall when work or the step
// changed, the recent actions when a facilitator changed something.
func (r *cohortRoom) onSnapshot(prev *session.Snapshot) tea.Cmd {
	var cmds []tea.Cmd
	if prev == nil || prev.Cohort.Step != r.snap.Cohort.Step {
		if prev != nil && r.stepsSel == prev.Cohort.Step {
			r.stepsSel = r.snap.Cohort.Step
		}
		r.wall.entries, r.wall.tally, r.wall.step = nil, nil, ""
	}
	if r.tab == tabWall {
		cmds = append(cmds, r.requestWall())
	}
	if sig := actionSignature(r.snap); sig != r.events.sig {
		r.events.sig = sig
		cmds = append(cmds, r.requestEvents())
	}
	return tea.Batch(cmds...)
}

// actionSignature sums up what facilitator actions change, so the recent actions reload only
// when one happened and not on every keystroke a participant saves.
func actionSignature(s *session.Snapshot) string {
	var b strings.Builder
	fmt.Fprint(&b, s.Cohort.UpdatedAt.UnixNano(), len(s.Teams))
	for _, t := range s.Teams {
		b.WriteString("|" + t.Name)
	}
	for _, m := range s.Roster {
		fmt.Fprint(&b, ",", m.TeamID)
		if m.Hand != nil {
			b.WriteString("h")
		}
	}
	return b.String()
}

// act runs a facilitator action through the hub away from Update.
func (r *cohortRoom) act(done string, fn func(ctx context.Context, h *session.Hub, by session.Actor) error) tea.Cmd {
	h, ctx, by := r.hub, r.deps.Ctx, r.deps.Actor
	return func() tea.Msg { return roomActionMsg{done: done, err: fn(ctx, h, by)} }
}

// rightsRecheck is how often an open room checks that its facilitator is still registered.
const rightsRecheck = 10 * time.Second

// checkRights asks whether the room's facilitator may still act; only a refusal comes back.
func (r *cohortRoom) checkRights() tea.Cmd {
	m, ctx, by := r.deps.Manager, r.deps.Ctx, r.deps.Actor
	return func() tea.Msg {
		if _, err := m.Authorize(ctx, by); errors.Is(err, session.ErrNotFacilitator) {
			return roomActionMsg{err: err}
		}
		return nil
	}
}

// whenRevoked leaves the room for the revoked notice when err says the key was removed.
func (r *cohortRoom) whenRevoked(err error) (tea.Cmd, bool) {
	cmd, ok := whenRevoked(r.Common, err)
	if ok {
		r.leave()
		r.sub.Close()
	}
	return cmd, ok
}

func (r *cohortRoom) fail(text string) tea.Cmd {
	r.status, r.statusBad = text, true
	return nil
}

func (r *cohortRoom) Resize(w, h int) screen {
	r.width, r.height = w, h
	r.input.SetWidth(max(w-cellWidth(r.input.Prompt)-1, 4))
	return r
}

func (r *cohortRoom) Typing() bool { return r.prompt != promptNone }

package tui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
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
func (r *cohortRoom) step() content.Step      { return r.module().Steps[r.snap.Cohort.Step] }

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

func (r *cohortRoom) onKey(msg tea.KeyPressMsg) tea.Cmd {
	if r.prompt != promptNone {
		return r.onPromptKey(msg)
	}
	if r.confirm != "" {
		cmd := r.confirmCmd
		r.confirm, r.confirmCmd = "", nil
		if msg.String() == "y" || msg.String() == "Y" {
			return cmd
		}
		r.status, r.statusBad = r.T("Cancelled: nothing changed."), false
		return nil
	}
	if r.showCard {
		if key.Matches(msg, r.ck.Back, r.ck.Card, r.ck.Enter) {
			r.showCard = false
		}
		return nil
	}
	if cmd, ok := r.onTabKey(msg); ok {
		return cmd
	}
	k := r.ck
	live := r.snap.Cohort.Live
	switch {
	case key.Matches(msg, k.Back):
		r.leave()
		r.sub.Close()
		return switchTo(newConsole(r.Common))
	case key.Matches(msg, k.Language):
		return nextFacilitatorLang(r.Common)
	case key.Matches(msg, k.Next):
		return r.act("", func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.MoveBy(ctx, a, +1) })
	case key.Matches(msg, k.Prev):
		return r.act("", func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.MoveBy(ctx, a, -1) })
	case key.Matches(msg, k.Undo):
		return r.act(r.T("Move undone (u again redoes it)."), func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.UndoMove(ctx, a) })
	case key.Matches(msg, k.Jump):
		return r.ask(promptJump, 0, "")
	case key.Matches(msg, k.Pace):
		to, done := session.PaceSelf, r.T("Self-paced: everyone starts from step %d and moves on their own.", r.snap.Cohort.Step+1)
		if r.snap.Cohort.Pace == session.PaceSelf {
			to, done = session.PaceLed, r.T("Facilitator-led: everyone is on your step.")
		}
		return r.act(done, func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.SetPace(ctx, a, to) })
	case key.Matches(msg, k.Meeting):
		return r.meetingKey()
	case key.Matches(msg, k.Lock):
		id := r.step().ID
		if live.IsLocked(id) {
			return r.act(r.T("Unlocked: participants can change their work."), func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.Unlock(ctx, a, id) })
		}
		return r.act(r.T("Locked: participants can read but not change their work."), func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.Lock(ctx, a, id) })
	case key.Matches(msg, k.Timer):
		return r.ask(promptTimer, 0, "")
	case key.Matches(msg, k.PauseTimer):
		switch {
		case live.Timer == nil:
			return r.fail(r.T("No timer is set: press t to start one."))
		case live.Timer.Paused:
			return r.act("", func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.ResumeTimer(ctx, a) })
		}
		return r.act("", func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.PauseTimer(ctx, a) })
	case key.Matches(msg, k.AddTime):
		return r.act(r.T("Added a minute."), func(ctx context.Context, h *session.Hub, a session.Actor) error {
			return h.AddTime(ctx, a, time.Minute)
		})
	case key.Matches(msg, k.TakeTime):
		return r.act(r.T("Took a minute off."), func(ctx context.Context, h *session.Hub, a session.Actor) error {
			return h.AddTime(ctx, a, -time.Minute)
		})
	case key.Matches(msg, k.StopTimer):
		return r.act(r.T("Timer stopped."), func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.StopTimer(ctx, a) })
	case key.Matches(msg, k.Announce):
		prefill := ""
		if live.Announcement != nil {
			prefill = live.Announcement.Text
		}
		return r.ask(promptAnnounce, 0, prefill)
	case key.Matches(msg, k.Note):
		return r.ask(promptNote, 0, "")
	case key.Matches(msg, k.Dismiss):
		return r.act(r.T("Announcement dismissed."), func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.DismissAnnouncement(ctx, a) })
	case key.Matches(msg, k.Release):
		return r.act(r.T("Spotlight released."), func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.ReleaseSpotlight(ctx, a) })
	case key.Matches(msg, k.VoteOpen, k.VoteReveal):
		return r.voteKey(msg)
	case key.Matches(msg, k.Card):
		r.showCard = true
	case key.Matches(msg, k.NextTab):
		return r.switchTab((r.tab + 1) % tabCount)
	case key.Matches(msg, k.PrevTab):
		return r.switchTab((r.tab + tabCount - 1) % tabCount)
	case key.Matches(msg, k.TabKeys):
		return r.switchTab(roomTab(msg.String()[0] - '1'))
	case key.Matches(msg, k.Refresh):
		return tea.Batch(r.requestEvents(), r.requestWall())
	}
	return nil
}

func (r *cohortRoom) voteKey(msg tea.KeyPressMsg) tea.Cmd {
	step := r.step()
	if step.Exercise == nil || step.Exercise.Kind != content.KindVote {
		return r.fail(r.T("Step %d is not a vote: open and reveal votes on a vote step.", r.snap.Cohort.Step+1))
	}
	id, v := step.ID, r.snap.Cohort.Live.Vote(step.ID)
	if key.Matches(msg, r.ck.VoteOpen) {
		if v.Closed {
			return r.act(r.T("Vote open."), func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.OpenVote(ctx, a, id) })
		}
		return r.act(r.T("Vote closed: dots are counted as they are."), func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.CloseVote(ctx, a, id) })
	}
	if v.Revealed {
		return r.act(r.T("Results hidden from participants."), func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.HideVote(ctx, a, id) })
	}
	return r.act(r.T("Results shown on every screen."), func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.RevealVote(ctx, a, id) })
}

func (r *cohortRoom) switchTab(t roomTab) tea.Cmd {
	if t < 0 || t >= tabCount {
		return nil
	}
	r.tab, r.person = t, nil
	switch t {
	case tabWall:
		return r.requestWall()
	case tabLog:
		return r.requestEvents()
	}
	return nil
}

// onTabKey handles the keys of the current view; ok is false for keys it leaves to the room.
func (r *cohortRoom) onTabKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	switch r.tab {
	case tabRoster:
		if r.person != nil {
			return r.personKey(msg)
		}
		return r.rosterKey(msg)
	case tabHands:
		return r.handsKey(msg)
	case tabWall:
		return r.wallKey(msg)
	case tabTeams:
		return r.teamsKey(msg)
	case tabSteps:
		return r.stepsKey(msg)
	case tabLog:
		return r.logKey(msg)
	}
	return nil, false
}

func (r *cohortRoom) Resize(w, h int) screen {
	r.width, r.height = w, h
	r.input.SetWidth(max(w-cellWidth(r.input.Prompt)-1, 4))
	return r
}

func (r *cohortRoom) Typing() bool { return r.prompt != promptNone }

// View draws the header, the tab line, the current view and the bottom lines in exactly the
// room's size.
func (r *cohortRoom) View() string {
	if r.showCard {
		return renderJoinCard(r.Common, r.snap.Cohort, "", r.width, r.height)
	}
	head := r.header()
	bottom := r.bottom()
	bodyH := max(r.height-len(head)-1-len(bottom), 1)
	var body string
	switch r.tab {
	case tabRoster:
		body = r.rosterView(bodyH)
		if r.person != nil {
			body = r.personView(bodyH)
		}
	case tabHands:
		body = r.handsView(bodyH)
	case tabWall:
		body = r.wallView(bodyH)
	case tabTeams:
		body = r.teamsView(bodyH)
	case tabSteps:
		body = r.stepsView(bodyH)
	case tabLog:
		body = r.logView(bodyH)
	}
	out := append(head, r.tabLine())
	out = append(out, strings.Split(fitBlock(body, r.width, bodyH), "\n")...)
	out = append(out, bottom...)
	return fitBlock(strings.Join(out, "\n"), r.width, r.height)
}

// header is the always-visible top: cohort and code, how to join, the step and timer, the
// counts and state, and what participants see on top of the step.
func (r *cohortRoom) header() []string {
	st, s, w := r.st, r.snap, r.width
	c := s.Cohort
	full := r.height >= 18
	var out []string
	code := st.Accent.Bold(true).Render(r.T("Code %s", c.Code))
	if !c.ArchivedAt.IsZero() {
		code = st.Warn.Render(r.T("archived")+" ") + code
	}
	out = append(out, conSpread(st.Title.Render(c.Name), code, w))
	if full {
		out = append(out, truncate(st.Muted.Render(r.T("Join: %s", st.Accent.Render(r.deps.Hint.Line(c.Code))))+st.Muted.Render(" · "+r.T("c shows the code big")), w))
	}
	stepLine := r.T("Step %d of %d — %s", c.Step+1, len(s.Module.Steps), r.step().Title)
	out = append(out, conSpread(st.Subtitle.Render(stepLine), r.timerText(), w))
	out = append(out, conSpread(r.summary(), r.flags(), w))
	if a := c.Live.Announcement; a != nil {
		out = append(out, truncate(st.Warn.Render(r.T("Announcement: %s", a.Text))+st.Muted.Render(" · "+r.T("A dismisses")), w))
	}
	if sp := c.Live.Spotlight; sp != nil {
		out = append(out, truncate(st.Accent.Render(r.T("Spotlight: %s", r.spotTitle(sp.Title)))+st.Muted.Render(" · "+r.T("S releases")), w))
	}
	if line := r.meetingLine(); line != "" {
		out = append(out, line)
	}
	if line := r.bigScreenLine(); line != "" {
		out = append(out, line)
	}
	if notes := strings.TrimSpace(r.step().Notes); notes != "" && r.height >= 22 && r.tab != tabSteps {
		out = append(out, truncate(st.Muted.Render(r.T("Notes: %s", session.CleanLine(notes))), w))
	}
	if line := r.notesLine(); line != "" && r.height >= 16 {
		out = append(out, line)
	}
	return out
}

// timerText is the countdown as every screen shows it.
func (r *cohortRoom) timerText() string {
	t := r.snap.Cohort.Live.Timer
	if t == nil {
		return ""
	}
	left := t.Remaining(r.now)
	switch {
	case t.Paused:
		return r.st.Warn.Render("⏸ " + consoleClock(left))
	case left <= 0:
		return r.st.Bad.Render("⏱ 00:00 " + r.T("Time is up"))
	}
	return r.st.Accent.Bold(true).Render("⏱ " + consoleClock(left))
}

// consoleClock writes a remaining time as MM:SS, rounding up so 00:00 means time is up.
func consoleClock(d time.Duration) string { return session.ClockText(d) }

func (r *cohortRoom) summary() string {
	online, submitted, total := r.snap.Counts()
	hands := 0
	for _, m := range r.snap.Roster {
		if m.Hand != nil {
			hands++
		}
	}
	var text string
	if r.step().Exercise != nil || r.snap.Cohort.Pace == session.PaceSelf {
		text = r.T("%d of %d submitted · %d online", submitted, total, online)
	} else {
		text = r.T("%s · %d online", r.T("%d participants", total), online)
	}
	out := r.st.Muted.Render(text)
	if hands > 0 {
		out += r.st.Warn.Render(fmt.Sprintf(" · ✋ %d", hands))
	}
	return out
}

// flags says how the cohort runs now: pace, lock and vote state of the current step.
func (r *cohortRoom) flags() string {
	c := r.snap.Cohort
	var parts []string
	if c.Pace == session.PaceSelf {
		parts = append(parts, r.T("self-paced"))
	} else {
		parts = append(parts, r.T("led"))
	}
	step := r.step()
	if c.Live.IsLocked(step.ID) {
		parts = append(parts, r.T("Locked"))
	}
	if step.Exercise != nil && step.Exercise.Kind == content.KindVote {
		v := c.Live.Vote(step.ID)
		var state string
		switch {
		case v.Closed && v.Revealed:
			state = r.T("vote closed, results shown")
		case v.Closed:
			state = r.T("vote closed, results hidden")
		case v.Revealed:
			state = r.T("vote open, results shown")
		default:
			state = r.T("vote open, results hidden")
		}
		parts = append(parts, state)
	}
	return r.st.Muted.Render(strings.Join(parts, " · "))
}

// tabLine names the views, the current one highlighted; narrow windows show only the current.
func (r *cohortRoom) tabLine() string {
	st := r.st
	hands := 0
	for _, m := range r.snap.Roster {
		if m.Hand != nil {
			hands++
		}
	}
	label := func(t roomTab) string {
		l := fmt.Sprintf("%d %s", t+1, r.tabName(t))
		if t == tabHands && hands > 0 {
			l += fmt.Sprintf(" ✋%d", hands)
		}
		return l
	}
	var parts []string
	for t := range tabCount {
		// Brackets mark the current view even where no style shows (plain terminals).
		if t == r.tab {
			parts = append(parts, st.Selected.Render("["+label(t)+"]"))
		} else {
			parts = append(parts, st.Muted.Render(" "+label(t)+" "))
		}
	}
	line := strings.Join(parts, "")
	if cellWidth(line) <= r.width {
		return line
	}
	return truncate(st.Selected.Render("["+label(r.tab)+"]")+st.Muted.Render(" "+r.T("view %d of %d · tab for the next", r.tab+1, tabCount)), r.width)
}

// bottom is the prompt or question being asked, the last action's outcome, and the recent
// actions of every facilitator.
func (r *cohortRoom) bottom() []string {
	st := r.st
	var first string
	switch {
	case r.prompt != promptNone:
		first = r.input.View()
	case r.confirm != "":
		first = st.Warn.Render(r.confirm)
	case r.status != "" && r.statusBad:
		first = st.Bad.Render(r.status)
	case r.status != "":
		first = st.Good.Render(r.status)
	}
	recent := r.recentLine()
	if r.height < 16 {
		if first == "" {
			first = recent
		}
		return []string{truncate(first, r.width)}
	}
	if first == "" {
		return []string{rule(st, r.width), truncate(recent, r.width)}
	}
	return []string{truncate(first, r.width), truncate(recent, r.width)}
}

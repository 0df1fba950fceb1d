package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"workshop/content"
	"workshop/session"
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

// workLoadedMsg carries the participant's stored work on a step.
type workLoadedMsg struct {
	stepID string
	a      session.Artifact
	found  bool
	err    error
}

type focusArea int

const (
	focusGuidance focusArea = iota
	focusExercise
)

// participantView is the participant's main screen: where the group is, the step's guidance
// and the exercise with their own work.
type participantView struct {
	deps *Deps
	st   *Styles
	keys KeyMap
	hub  *session.Hub
	sub  *session.Subscription
	me   session.Participant
	snap *session.Snapshot

	width, height int
	// viewing is the step on screen; following means it tracks the group's step.
	viewing   int
	following bool
	focus     focusArea

	guide       viewport.Model
	renderedFor string // step id + width + style the guidance was rendered for
	ex          exercise
	exStep      string // step id the editor belongs to
	loading     bool
	notice      string
}

func newParticipantView(deps *Deps, st *Styles, keys KeyMap, h *session.Hub, sub *session.Subscription, me session.Participant) *participantView {
	v := &participantView{deps: deps, st: st, keys: keys, hub: h, sub: sub, me: me, following: true, guide: viewport.New()}
	v.snap = sub.Snapshot()
	if v.snap == nil {
		v.snap = h.Snapshot()
	}
	v.viewing = v.snap.StepOf(me)
	return v
}

func (v *participantView) Init() tea.Cmd {
	return tea.Batch(waitState(v.deps, v.sub), v.loadWork())
}

func (v *participantView) module() *content.Module { return v.snap.Module }

// groupStep is the step the participant is expected to be on.
func (v *participantView) groupStep() int {
	if m, ok := v.snap.Member(v.me.ID); ok {
		return v.snap.StepOf(m.Participant)
	}
	return v.snap.StepOf(v.me)
}

func (v *participantView) step() content.Step { return v.module().Steps[v.viewing] }

func (v *participantView) loadWork() tea.Cmd {
	step := v.step()
	v.ex, v.exStep = nil, step.ID
	if step.Exercise == nil {
		v.loading = false
		v.focus = focusGuidance
		return nil
	}
	v.loading = true
	h, deps, pid := v.hub, v.deps, v.me.ID
	return func() tea.Msg {
		a, found, err := h.Work(deps.Ctx, pid, step.ID)
		return workLoadedMsg{stepID: step.ID, a: a, found: found, err: err}
	}
}

func (v *participantView) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case stateMsg:
		if msg.snap == nil {
			return v, nil
		}
		v.snap = msg.snap
		cmds := []tea.Cmd{waitState(v.deps, v.sub)}
		if v.following && v.groupStep() != v.viewing {
			v.viewing = v.groupStep()
			v.notice = ""
			cmds = append(cmds, v.loadWork())
		}
		v.layout()
		return v, tea.Batch(cmds...)
	case workLoadedMsg:
		if msg.stepID != v.step().ID {
			return v, nil
		}
		v.loading = false
		if msg.err != nil {
			v.notice = "Could not load your earlier work: " + msg.err.Error()
			return v, nil
		}
		var stored *session.Artifact
		if msg.found {
			stored = &msg.a
		}
		v.ex = newExercise(v.st, v.keys, v.step(), stored)
		v.layout()
		v.focus = focusExercise
		return v, v.ex.Focus()
	case saveWorkMsg:
		h, deps, pid := v.hub, v.deps, v.me.ID
		return v, func() tea.Msg {
			a, err := h.SaveWork(deps.Ctx, pid, msg.stepID, msg.schema, msg.data, msg.submit)
			return workSavedMsg{stepID: msg.stepID, artifact: a, submit: msg.submit, err: err}
		}
	case workSavedMsg:
		if v.ex != nil && msg.stepID == v.exStep {
			var cmd tea.Cmd
			v.ex, cmd = v.ex.Update(msg)
			return v, cmd
		}
		return v, nil
	case tea.KeyPressMsg:
		if cmd, handled := v.onKey(msg); handled {
			return v, cmd
		}
	case tea.MouseWheelMsg:
		var cmd tea.Cmd
		v.guide, cmd = v.guide.Update(msg)
		return v, cmd
	}
	if v.ex != nil {
		var cmd tea.Cmd
		v.ex, cmd = v.ex.Update(msg)
		return v, cmd
	}
	return v, nil
}

func (v *participantView) onKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := v.keys
	switch {
	case key.Matches(msg, k.Focus):
		v.toggleFocus()
		return v.focusCmd(), true
	case key.Matches(msg, k.PageUp, k.PageDown):
		var cmd tea.Cmd
		v.guide, cmd = v.guide.Update(msg)
		return cmd, true
	}
	if v.focus == focusExercise && v.ex != nil {
		if key.Matches(msg, k.Back) {
			v.toggleFocus()
			return nil, true
		}
		return nil, false
	}
	switch {
	case key.Matches(msg, k.Up, k.Down):
		var cmd tea.Cmd
		v.guide, cmd = v.guide.Update(msg)
		return cmd, true
	case key.Matches(msg, k.Prev, k.StepBack):
		return v.browse(v.viewing - 1), true
	case key.Matches(msg, k.Next, k.StepAhead):
		return v.browse(v.viewing + 1), true
	case key.Matches(msg, k.Present):
		return v.browse(v.groupStep()), true
	case key.Matches(msg, k.Enter):
		if v.ex != nil {
			v.focus = focusExercise
			return v.focusCmd(), true
		}
	}
	return nil, false
}

// browse shows another step. A participant may look back at earlier steps at any time, and go
// ahead only when the cohort is self-paced.
func (v *participantView) browse(to int) tea.Cmd {
	n := len(v.module().Steps)
	group := v.groupStep()
	self := v.snap.Cohort.Pace == session.PaceSelf
	switch {
	case to < 0 || to >= n:
		return nil
	case to > group && !self:
		v.notice = "The facilitator opens the next steps. Press g to return to the group's step."
		return nil
	}
	v.notice = ""
	v.viewing = to
	v.following = to == group
	if self && to != group {
		// In self-paced mode moving is the participant's own progress.
		v.following = true
		h, deps, pid := v.hub, v.deps, v.me.ID
		return tea.Batch(v.loadWork(), func() tea.Msg {
			if err := h.MoveParticipant(deps.Ctx, pid, to); err != nil {
				return saveErrMsg{err}
			}
			return nil
		})
	}
	v.layout()
	return v.loadWork()
}

type saveErrMsg struct{ err error }

func (v *participantView) toggleFocus() {
	if v.focus == focusExercise || v.ex == nil {
		v.focus = focusGuidance
		if v.ex != nil {
			v.ex.Blur()
		}
		return
	}
	v.focus = focusExercise
}

func (v *participantView) focusCmd() tea.Cmd {
	if v.focus == focusExercise && v.ex != nil {
		return v.ex.Focus()
	}
	return nil
}

func (v *participantView) Resize(w, h int) screen {
	v.width, v.height = w, h
	v.layout()
	return v
}

// header lines: title, step line, rule.
const participantHeader = 3

// layout shares the height between guidance and exercise and re-renders guidance if needed.
func (v *participantView) layout() {
	if v.width == 0 {
		return
	}
	avail := v.height - participantHeader - 1 // one line for the notice/rule below guidance
	exH := 0
	if v.step().Exercise != nil {
		exH = max(avail/2, min(8, avail-3))
	}
	guideH := max(avail-exH, 1)
	v.guide.SetWidth(v.width)
	v.guide.SetHeight(guideH)
	key := fmt.Sprintf("%s/%d/%s", v.step().ID, v.width, v.st.Markdown)
	if key != v.renderedFor {
		v.renderedFor = key
		out, err := content.RenderMarkdown(v.step().Guidance, v.width, v.st.Markdown)
		if err != nil {
			out = wrap(v.step().Guidance, v.width)
		}
		v.guide.SetContent(strings.TrimRight(out, "\n"))
		v.guide.GotoTop()
	}
	if v.ex != nil {
		v.ex = v.ex.Resize(v.width, exH)
	}
}

func (v *participantView) View() string {
	st := v.st
	mod := v.module()
	step := v.step()
	var b strings.Builder

	online := st.Good.Render("● connected")
	title := st.Title.Render(truncate(mod.Title, max(v.width-20, 10)))
	b.WriteString(spread(title, online, v.width) + "\n")

	stepLine := fmt.Sprintf("Step %d of %d — %s", v.viewing+1, len(mod.Steps), step.Title)
	meta := ""
	if step.TimeBox > 0 {
		meta = fmt.Sprintf("%d min", step.TimeBox)
	}
	b.WriteString(spread(st.Subtitle.Render(truncate(stepLine, max(v.width-10, 10))), st.Muted.Render(meta), v.width) + "\n")

	switch {
	case v.notice != "":
		b.WriteString(st.Warn.Render(truncate(v.notice, v.width)) + "\n")
	case v.viewing != v.groupStep():
		b.WriteString(st.Warn.Render(truncate(fmt.Sprintf("You are looking at step %d; the group is on step %d. Press g to go back.", v.viewing+1, v.groupStep()+1), v.width)) + "\n")
	default:
		b.WriteString(rule(st, v.width) + "\n")
	}

	b.WriteString(v.guide.View() + "\n")
	if step.Exercise == nil {
		return b.String()
	}
	scroll := ""
	if !v.guide.AtBottom() {
		scroll = " more below · pgdn "
	}
	b.WriteString(spread(rule(st, max(v.width-len(scroll), 0)), st.Muted.Render(scroll), v.width) + "\n")
	switch {
	case v.loading:
		b.WriteString(st.Muted.Render("Loading your work…"))
	case v.ex != nil:
		b.WriteString(v.ex.View())
	}
	return b.String()
}

func (v *participantView) Typing() bool {
	return v.focus == focusExercise && v.ex != nil && v.ex.Typing()
}

func (v *participantView) ShortHelp() []key.Binding {
	if v.focus == focusExercise && v.ex != nil {
		return append(v.ex.ShortHelp(), key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab/esc", "read guidance")))
	}
	keys := []key.Binding{v.keys.Up, v.keys.Down, v.keys.StepBack, v.keys.StepAhead}
	if v.ex != nil {
		keys = append(keys, key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "answer")))
	}
	return keys
}

func (v *participantView) FullHelp() [][]key.Binding {
	k := v.keys
	groups := [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown},
		{k.Prev, k.Next, k.Present, k.Focus},
	}
	if v.ex != nil {
		groups = append(groups, v.ex.ShortHelp())
	}
	return groups
}

// spread places left and right on one line of width cells.
func spread(left, right string, width int) string {
	gap := width - lipglossWidth(left) - lipglossWidth(right)
	if gap < 1 {
		return truncate(left, width)
	}
	return left + strings.Repeat(" ", gap) + right
}

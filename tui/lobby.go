package tui

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"workshop/session"
)

type lobbyStage int

const (
	stageCode lobbyStage = iota
	stageName
	stageRejoin
	stageBusy
	stagePick
)

// lobby is where a participant arrives: a join code (or personal rejoin code), then a name,
// then, for a keyless participant, the rejoin code to keep. A key holder who gives no code and
// belongs to several cohorts first chooses among them (or to join another with its code).
type lobby struct {
	*Common
	width  int
	height int

	stage  lobbyStage
	input  textinput.Model
	cohort session.Cohort
	err    string
	// next is the participant screen waiting behind the rejoin code notice.
	next       screen
	rejoinCode string
	// mine are the cohorts the key belongs to, offered by the picker; pick is its cursor,
	// len(mine) meaning "join another cohort with its code".
	mine []session.Membership
	pick int
}

func newLobby(com *Common) *lobby {
	l := &lobby{Common: com}
	l.askCode()
	return l
}

func (l *lobby) askCode() {
	l.stage = stageCode
	l.input = textinput.New()
	l.input.Placeholder = "e.g. K7MQ2P"
	l.input.CharLimit = 16
	l.fitInput()
	l.input.Prompt = "Code › "
	l.input.Focus()
}

func (l *lobby) askName() {
	l.stage = stageName
	l.input = textinput.New()
	l.input.Placeholder = "e.g. Ana Souza"
	l.input.CharLimit = session.MaxNameLen
	l.fitInput()
	l.input.Prompt = "Name › "
	l.input.Focus()
}

// codeMsg is the outcome of looking up a typed code.
type codeMsg struct {
	cohort      *session.Cohort
	participant *session.Participant // set when the code or the key identifies a returning participant
	auto        bool                 // the lookup came from the SSH user name or key, not typing
	err         error
}

// membershipsMsg carries the cohorts a key belongs to, read when no code was given (or the
// SSH user name only looked like one: unknown then says so, and the picker is shown even for
// one cohort, so that a code given never leads silently to another cohort).
type membershipsMsg struct {
	mine    []session.Membership
	unknown string
}

// enteredMsg carries the participant screen after joining.
type enteredMsg struct {
	to         screen
	rejoinCode string // shown first, for a new keyless participant
	err        error
}

func (l *lobby) Init() tea.Cmd {
	deps := l.deps
	user := deps.User
	return func() tea.Msg {
		if deps.Resume != nil { // back from plain mode, as who they were there
			return codeMsg{participant: deps.Resume, auto: true}
		}
		// A code in the SSH user name picks the cohort, whichever cohorts the key is in.
		unknown := ""
		if code := session.NormalizeCode(user); session.LooksLikeJoinCode(code) || session.LooksLikeRejoinCode(code) {
			m := lookupCode(deps, code)
			m.auto = true
			if deps.Identity.Keyless() || !errors.Is(m.err, session.ErrUnknownCode) {
				return m
			}
			unknown = code // perhaps only the person's login name: their cohorts are offered
		}
		if deps.Identity.Keyless() {
			return nil
		}
		mine, err := deps.Manager.Memberships(deps.Ctx, deps.Identity)
		if err != nil {
			return codeMsg{err: err, auto: true}
		}
		return membershipsMsg{mine: mine, unknown: unknown}
	}
}

// lookupCode finds what a typed code opens. Every code goes through the server's guard, so
// wrong ones, typed or in the SSH user name, cannot be tried without limit.
func lookupCode(deps *Deps, typed string) codeMsg {
	code := session.NormalizeCode(typed)
	var p session.Participant
	var c session.Cohort
	rejoin := session.LooksLikeRejoinCode(code)
	err := deps.Codes.Check(deps.Source, func() (err error) {
		if rejoin {
			p, err = deps.Manager.ParticipantByRejoinCode(deps.Ctx, code)
		} else {
			c, err = deps.Manager.CohortByCode(deps.Ctx, code)
		}
		return err
	})
	if err != nil {
		return codeMsg{err: err}
	}
	if rejoin {
		p = deps.Manager.ClaimSeat(deps.Ctx, deps.Identity, p) // a key holder's key comes with them next time
		return codeMsg{participant: &p}
	}
	if !deps.Identity.Keyless() {
		if h, err := deps.Manager.Hub(deps.Ctx, c.ID); err == nil {
			if p, found, err := h.Find(deps.Ctx, deps.Identity); err == nil && found {
				return codeMsg{cohort: &c, participant: &p}
			}
		}
	}
	return codeMsg{cohort: &c}
}

// enter attaches a participant to their cohort's hub and builds their screen.
func enter(com *Common, p session.Participant, rejoin string) tea.Cmd {
	deps := com.deps
	return func() tea.Msg {
		if wantsPlain(deps, p) {
			return plainMsg{who: &p}
		}
		h, err := deps.Manager.Hub(deps.Ctx, p.CohortID)
		if err != nil {
			return enteredMsg{err: err}
		}
		sub, err := h.Subscribe(deps.Ctx, p.ID)
		if err != nil {
			return enteredMsg{err: err}
		}
		deps.Conn.Track(sub)
		return enteredMsg{to: newParticipantView(com, h, sub, p), rejoinCode: rejoin}
	}
}

func (l *lobby) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case codeMsg:
		return l.onCode(msg)
	case membershipsMsg:
		return l.onMemberships(msg)
	case enteredMsg:
		if msg.err != nil {
			l.stage, l.err = stageCode, "Could not open the workshop: "+l.deps.say("open workshop", msg.err)
			l.askCode()
			return l, nil
		}
		if msg.rejoinCode != "" {
			l.stage, l.next, l.rejoinCode = stageRejoin, msg.to, msg.rejoinCode
			return l, nil
		}
		return l, switchTo(msg.to)
	case joinedMsg:
		if msg.err != nil {
			l.stage, l.err = stageName, l.deps.say("join cohort", msg.err)
			l.input.Focus()
			return l, nil
		}
		rejoin := ""
		if msg.p.RejoinCode != "" {
			rejoin = session.FormatRejoinCode(msg.p.RejoinCode)
		}
		l.stage = stageBusy
		return l, enter(l.Common, msg.p, rejoin)
	case tea.KeyPressMsg:
		return l.onKey(msg)
	case tea.PasteMsg:
		if l.stage == stageCode || l.stage == stageName {
			l.input.SetValue(l.input.Value() + session.CleanLine(msg.Content))
			l.input.CursorEnd()
		}
		return l, nil
	}
	if l.stage == stageCode || l.stage == stageName {
		var cmd tea.Cmd
		l.input, cmd = l.input.Update(msg)
		return l, cmd
	}
	return l, nil
}

func (l *lobby) onCode(msg codeMsg) (screen, tea.Cmd) {
	var tooMany *session.TooManyCodesError
	switch {
	case errors.As(msg.err, &tooMany):
		l.err = tooMany.Error()
		l.stage = stageCode
		l.input.SetValue("")
		return l, nil
	case msg.err != nil && errors.Is(msg.err, session.ErrUnknownCode):
		if !msg.auto {
			l.err = fmt.Sprintf("No workshop or participant has the code %q. Check it with your facilitator and try again.", session.NormalizeCode(l.input.Value()))
			l.input.SetValue("")
		}
		l.stage = stageCode
		return l, nil
	case msg.err != nil:
		l.err = "Could not look up that code: " + l.deps.say("look up code", msg.err)
		l.stage = stageCode
		return l, nil
	case msg.participant != nil:
		l.stage = stageBusy
		return l, enter(l.Common, *msg.participant, "")
	case msg.cohort != nil && !msg.cohort.ArchivedAt.IsZero():
		l.err = fmt.Sprintf("The workshop %q has been archived by its facilitator and takes no new participants.", msg.cohort.Name)
		l.stage = stageCode
		l.input.SetValue("")
		return l, nil
	case msg.cohort != nil:
		l.cohort, l.err = *msg.cohort, ""
		l.askName()
		return l, nil
	}
	return l, nil
}

// onMemberships sends a key holder back to their one cohort, or offers the picker when they
// belong to several (or gave a code that opens none).
func (l *lobby) onMemberships(msg membershipsMsg) (screen, tea.Cmd) {
	l.mine, l.pick = msg.mine, 0
	if msg.unknown != "" {
		l.err = fmt.Sprintf("No workshop has the code %q.", msg.unknown)
	}
	switch {
	case len(msg.mine) == 0:
		return l, nil
	case len(msg.mine) == 1 && msg.unknown == "":
		l.stage = stageBusy
		return l, enter(l.Common, msg.mine[0].Participant, "")
	}
	l.stage = stagePick
	return l, nil
}

// onPickKey moves the picker's cursor, and enters the cohort chosen or asks for a code.
func (l *lobby) onPickKey(msg tea.KeyPressMsg) (screen, tea.Cmd) {
	switch {
	case key.Matches(msg, l.keys.Up):
		l.pick = max(l.pick-1, 0)
	case key.Matches(msg, l.keys.Down):
		l.pick = min(l.pick+1, len(l.mine))
	case key.Matches(msg, l.keys.Enter):
		l.err = ""
		if l.pick == len(l.mine) {
			l.askCode()
			return l, nil
		}
		l.stage = stageBusy
		return l, enter(l.Common, l.mine[l.pick].Participant, "")
	}
	return l, nil
}

// joinedMsg is the outcome of joining a cohort with a name.
type joinedMsg struct {
	p   session.Participant
	err error
}

func (l *lobby) onKey(msg tea.KeyPressMsg) (screen, tea.Cmd) {
	switch l.stage {
	case stageRejoin:
		if key.Matches(msg, l.keys.Enter) {
			return l, switchTo(l.next)
		}
		return l, nil
	case stageBusy:
		return l, nil // keys typed while a screen opens are for no screen: dropped
	case stagePick:
		return l.onPickKey(msg)
	case stageCode:
		if len(l.mine) > 0 && key.Matches(msg, l.keys.Back) {
			l.err, l.stage = "", stagePick
			return l, nil
		}
	case stageName:
		if key.Matches(msg, l.keys.Back) {
			l.err = ""
			l.askCode()
			return l, nil
		}
	}
	if !key.Matches(msg, l.keys.Enter) {
		var cmd tea.Cmd
		l.input, cmd = l.input.Update(msg)
		return l, cmd
	}
	value := l.input.Value()
	deps := l.deps
	if l.stage == stageCode && isPlainWord(value) && deps.Mode != nil {
		return l, func() tea.Msg { return plainMsg{} }
	}
	if l.stage == stageCode {
		if strings.TrimSpace(value) == "" {
			l.err = "Type the join code your facilitator gave you."
			return l, nil
		}
		l.stage = stageBusy
		return l, func() tea.Msg { return lookupCode(deps, value) }
	}
	name := session.CleanLine(value)
	if name == "" {
		l.err = "Type a name so the facilitator knows who you are."
		return l, nil
	}
	cohortID := l.cohort.ID
	l.stage = stageBusy
	return l, func() tea.Msg {
		h, err := deps.Manager.Hub(deps.Ctx, cohortID)
		if err != nil {
			return joinedMsg{err: err}
		}
		p, _, err := h.Join(deps.Ctx, deps.Identity, name)
		return joinedMsg{p: p, err: err}
	}
}

func (l *lobby) View() string {
	st := l.st
	var b strings.Builder
	b.WriteString(st.Title.Render("workshop") + st.Muted.Render(" · a live, facilitated session") + "\n\n")
	switch l.stage {
	case stageCode, stageBusy:
		if l.cohort.ID == 0 {
			b.WriteString(st.Subtitle.Render("Join a workshop") + "\n\n")
			b.WriteString(wrap("Type the join code your facilitator gave you and press enter.", l.width) + "\n")
			b.WriteString(st.Muted.Render(wrap("Coming back from another computer? Type your personal rejoin code (like K7MQ\u20112PXD) instead.", l.width)) + "\n\n")
			b.WriteString(l.input.View() + "\n")
			if l.deps.Mode != nil {
				b.WriteString("\n" + st.Muted.Render(wrap(plainHint, l.width)) + "\n")
			}
		} else {
			b.WriteString(st.Muted.Render("Joining…") + "\n")
		}
	case stageName:
		b.WriteString(st.Subtitle.Render("Cohort: "+l.cohort.Name) + "\n\n")
		b.WriteString(wrap("What name should the facilitator and your group see? Press enter to join.", l.width) + "\n\n")
		b.WriteString(l.input.View() + "\n")
	case stagePick:
		l.viewPick(&b)
	case stageRejoin:
		b.WriteString(st.Subtitle.Render("You are in. Keep this code:") + "\n\n")
		b.WriteString(st.Code.Render(l.rejoinCode) + "\n\n")
		b.WriteString(wrap("This is your personal rejoin code. Write it down. To come back as yourself — after a dropped connection or from another computer — connect again and type this code instead of the join code. Your work will be waiting.", l.width) + "\n\n")
		b.WriteString(st.Accent.Render("Press enter to continue."))
	}
	if l.stage == stageBusy && l.cohort.ID == 0 {
		b.WriteString(st.Muted.Render("Checking…") + "\n")
	}
	if l.err != "" {
		b.WriteString("\n" + st.Bad.Render(wrap(l.err, l.width)) + "\n")
	}
	return lipgloss.NewStyle().Padding(0, 1).Render(b.String())
}

func (l *lobby) Resize(w, h int) screen {
	l.width, l.height = max(w-2, 10), h
	l.fitInput()
	return l
}

// fitInput keeps the text field inside the window: a field wider than the window would widen
// every line of the padded block.
func (l *lobby) fitInput() {
	want := session.MaxNameLen + 1
	if l.stage == stageCode {
		want = 20
	}
	if l.width > 0 {
		want = min(want, l.width-len(l.input.Prompt)-1)
	}
	l.input.SetWidth(max(want, 4))
}

func (l *lobby) Typing() bool { return l.stage == stageCode || l.stage == stageName }

func (l *lobby) ShortHelp() []key.Binding {
	switch l.stage {
	case stagePick:
		return []key.Binding{relabel(l.keys.Up, "↑/↓", "choose"), key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open"))}
	case stageCode:
		if len(l.mine) > 0 {
			return []key.Binding{key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "join")), relabel(l.keys.Back, "esc", "your workshops")}
		}
	case stageName:
		return []key.Binding{key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "join")), l.keys.Back}
	case stageRejoin:
		return []key.Binding{key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "continue"))}
	}
	return []key.Binding{key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "join"))}
}

func (l *lobby) FullHelp() [][]key.Binding { return [][]key.Binding{l.ShortHelp()} }

// viewPick draws the picker of a key holder's cohorts: each cohort's name, then its module and
// the step the person is on, and last "join another workshop". Entries wrap; when they do not
// all fit, the list scrolls with the cursor and the heading says where it is.
func (l *lobby) viewPick(b *strings.Builder) {
	st, w := l.st, l.width
	type entry struct{ lines []string }
	var entries []entry
	for i := 0; i <= len(l.mine); i++ {
		mark := "  "
		if i == l.pick {
			mark = "› "
		}
		style := lipgloss.NewStyle()
		if i == l.pick {
			style = st.Accent.Bold(true)
		}
		var e entry
		if i == len(l.mine) {
			for _, ln := range strings.Split(wrap("Join another workshop with its code", max(w-2, 8)), "\n") {
				e.lines = append(e.lines, style.Render(mark+ln))
				mark = "  "
			}
			entries = append(entries, e)
			break
		}
		ms := l.mine[i]
		name := ms.Cohort.Name
		if !ms.Cohort.ArchivedAt.IsZero() {
			name += " (archived)"
		}
		for _, ln := range strings.Split(wrap(name, max(w-2, 8)), "\n") {
			e.lines = append(e.lines, style.Render(mark+ln))
			mark = "  "
		}
		detail := ms.ModuleTitle
		if ms.Steps > 0 {
			detail += fmt.Sprintf(" · step %d of %d", ms.Step+1, ms.Steps)
		}
		for _, ln := range strings.Split(wrap(detail, max(w-2, 8)), "\n") {
			e.lines = append(e.lines, st.Muted.Render("  "+ln))
		}
		entries = append(entries, e)
	}
	total := 0
	for _, e := range entries {
		total += len(e.lines)
	}
	// Above the list: title, blank, subtitle, blank, heading, blank; below it, the error.
	errH := 0
	if l.err != "" {
		errH = strings.Count(wrap(l.err, w), "\n") + 2
	}
	head := "You are in more than one workshop. Choose one and press enter."
	room := l.height - 5 - strings.Count(wrap(head, w), "\n") - 1 - errH
	if total > room {
		head = fmt.Sprintf("Choose one, press enter (%d of %d):", l.pick+1, len(entries))
	}
	headLines := strings.Split(wrap(head, w), "\n")
	room = max(l.height-5-len(headLines)-errH, 1)
	b.WriteString(st.Subtitle.Render("Your workshops") + "\n\n")
	b.WriteString(strings.Join(headLines, "\n") + "\n\n")
	if cur := entries[l.pick].lines; len(cur) > room {
		entries[l.pick].lines = cur[:room] // a window too small for one whole entry
	}
	// From the cursor's entry, take in the ones after and before while they fit.
	from, to := l.pick, l.pick+1
	used := len(entries[l.pick].lines)
	for grew := true; grew; {
		grew = false
		if to < len(entries) && used+len(entries[to].lines) <= room {
			used += len(entries[to].lines)
			to++
			grew = true
		}
		if from > 0 && used+len(entries[from-1].lines) <= room {
			from--
			used += len(entries[from].lines)
			grew = true
		}
	}
	for _, e := range entries[from:to] {
		for _, ln := range e.lines {
			b.WriteString(ln + "\n")
		}
	}
}

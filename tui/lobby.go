package tui

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"workshop/i18n"
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
	err    i18n.Msg
	// next is the participant screen waiting behind the rejoin code notice.
	next       screen
	rejoinCode string
	// mine are the cohorts the key belongs to, offered by the picker; pick is its cursor,
	// len(mine) meaning "join another cohort with its code".
	mine []session.Membership
	pick int
	// chosen is set once the person picked a language here: it becomes their stored choice
	// when they are known.
	chosen bool
}

func newLobby(com *Common) *lobby {
	l := &lobby{Common: com}
	l.askCode()
	return l
}

func (l *lobby) askCode() {
	l.stage = stageCode
	l.input = textinput.New()
	l.input.Placeholder = l.T("e.g. K7MQ2P")
	l.input.CharLimit = 16
	l.input.Prompt = l.T("Code › ")
	l.fitInput()
	l.input.Focus()
}

func (l *lobby) askName() {
	l.stage = stageName
	l.input = textinput.New()
	l.input.Placeholder = l.T("e.g. Ana Souza")
	l.input.CharLimit = session.MaxNameLen
	l.input.Prompt = l.T("Name › ")
	l.fitInput()
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

// enteredMsg carries the participant screen after joining, and the Common it was made with,
// in the language the participant reads.
type enteredMsg struct {
	to         screen
	com        *Common
	rejoinCode string // shown first, for a new keyless participant
	err        error
}

func (l *lobby) Init() tea.Cmd {
	deps := l.deps
	user := deps.User
	lang := string(l.Lang())
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
		for i, ms := range mine { // each module's title in the language the lobby speaks, where pinned
			if mod, err := deps.Manager.ModuleIn(deps.Ctx, ms.Cohort, lang); err == nil && mod != nil && mod.Title != "" {
				mine[i].ModuleTitle = mod.Title
			}
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

// enter attaches a participant to their cohort's hub and builds their screen, in the language
// they read (see participantLanguage; chosen says they picked com's language in the lobby).
func enter(com *Common, p session.Participant, rejoin string, chosen bool) tea.Cmd {
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
		com := participantLanguage(com, h, p, chosen)
		return enteredMsg{to: newParticipantView(com, h, sub, p), com: com, rejoinCode: rejoin}
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
			l.stage, l.err = stageCode, i18n.M("Could not open the workshop: %s", l.deps.refusal("open workshop", msg.err))
			l.askCode()
			return l, nil
		}
		if msg.rejoinCode != "" {
			l.stage, l.next, l.rejoinCode = stageRejoin, msg.to, msg.rejoinCode
			if msg.com != l.Common {
				com := msg.com
				return l, func() tea.Msg { return langMsg{com} }
			}
			return l, nil
		}
		return l, switchSpeaking(msg.to, msg.com)
	case joinedMsg:
		if msg.err != nil {
			l.stage, l.err = stageName, l.deps.refusal("join cohort", msg.err)
			l.input.Focus()
			return l, nil
		}
		rejoin := ""
		if msg.p.RejoinCode != "" {
			rejoin = session.FormatRejoinCode(msg.p.RejoinCode)
		}
		l.stage = stageBusy
		return l, enter(l.Common, msg.p, rejoin, l.chosen)
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
		l.err = i18n.M("Too many wrong codes from here. Wait %d seconds and try again.", max(int((tooMany.Wait+time.Second-1)/time.Second), 1))
		l.stage = stageCode
		l.input.SetValue("")
		return l, nil
	case msg.err != nil && errors.Is(msg.err, session.ErrUnknownCode):
		if !msg.auto {
			l.err = i18n.M("No workshop or participant has the code %s. Check it with your facilitator and try again.", i18n.Verbatim(strconv.Quote(session.NormalizeCode(l.input.Value()))))
			l.input.SetValue("")
		}
		l.stage = stageCode
		return l, nil
	case msg.err != nil:
		l.err = i18n.M("Could not look up that code: %s", l.deps.refusal("look up code", msg.err))
		l.stage = stageCode
		return l, nil
	case msg.participant != nil:
		l.stage = stageBusy
		return l, enter(l.Common, *msg.participant, "", l.chosen)
	case msg.cohort != nil && !msg.cohort.ArchivedAt.IsZero():
		l.err = i18n.M("The workshop %s has been archived by its facilitator and takes no new participants.", i18n.Verbatim(strconv.Quote(msg.cohort.Name)))
		l.stage = stageCode
		l.input.SetValue("")
		return l, nil
	case msg.cohort != nil:
		l.cohort, l.err = *msg.cohort, i18n.Msg{}
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
		l.err = i18n.M("No workshop has the code %s.", i18n.Verbatim(strconv.Quote(msg.unknown)))
	}
	switch {
	case len(msg.mine) == 0:
		return l, nil
	case len(msg.mine) == 1 && msg.unknown == "":
		l.stage = stageBusy
		return l, enter(l.Common, msg.mine[0].Participant, "", l.chosen)
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
		l.err = i18n.Msg{}
		if l.pick == len(l.mine) {
			l.askCode()
			return l, nil
		}
		l.stage = stageBusy
		return l, enter(l.Common, l.mine[l.pick].Participant, "", l.chosen)
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
			l.err, l.stage = i18n.Msg{}, stagePick
			return l, nil
		}
	case stageName:
		if key.Matches(msg, l.keys.Back) {
			l.err = i18n.Msg{}
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
			l.err = i18n.M("Type the join code your facilitator gave you.")
			return l, nil
		}
		l.stage = stageBusy
		return l, func() tea.Msg { return lookupCode(deps, value) }
	}
	name := session.CleanLine(value)
	if name == "" {
		l.err = i18n.M("Type a name so the facilitator knows who you are.")
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

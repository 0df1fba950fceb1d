package tui

import (
	"context"
	"errors"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"workshop/i18n"
	"workshop/session"
)

// bigScreen is the read-only view of a cohort's room for a projector or a shared call: it
// follows the facilitator live and shows what session.BigScreen holds, large. Reached with a
// view code (it asks for one first) or by a facilitator's `screen CODE`.
type bigScreen struct {
	*Common
	width  int
	height int

	// asking is true while the screen waits for a view code to be typed.
	asking bool
	input  textinput.Model
	busy   bool   // a code is being looked up, or the cohort opened
	err    string // what went wrong, in plain words

	hub   *session.Hub
	sub   *session.Subscription
	shown session.BigScreen
	have  bool // shown holds a cohort's screen

	ticking bool // a one-second tick is scheduled for the countdown
	now     func() time.Time
}

// bigOpenedMsg is the outcome of opening a cohort's big screen.
type bigOpenedMsg struct {
	hub *session.Hub
	sub *session.Subscription
	// own is the language the facilitator who opened the screen chose for themselves; "" for
	// a viewer, or a facilitator who chose none.
	own i18n.Lang
	err error
}

// bigStateMsg carries what the big screen shows after a change.
type bigStateMsg struct {
	screen session.BigScreen
	err    error
}

// bigTickMsg redraws the countdown.
type bigTickMsg struct{}

func newBigScreen(com *Common) *bigScreen {
	b := &bigScreen{Common: com, now: time.Now}
	if com.deps.ScreenCode == "" {
		b.asking = true
		b.input = textinput.New()
		b.input.Prompt = b.T("View code › ")
		b.input.Placeholder = b.T("e.g. V7MQ2PX")
		b.input.CharLimit = 16
		steadyCursor(&b.input)
		b.input.Focus()
	}
	return b
}

// Init opens a facilitator's cohort at once; a viewer types the code first.
func (b *bigScreen) Init() tea.Cmd {
	if b.asking {
		return nil
	}
	b.busy = true
	deps := b.deps
	return func() tea.Msg {
		h, err := deps.Manager.FacilitatorScreen(deps.Ctx, deps.Actor, deps.ScreenCode)
		if err != nil {
			return bigOpenedMsg{err: err}
		}
		msg := watchBig(deps, h)
		msg.own = facilitatorLang(deps)
		return msg
	}
}

// facilitatorLang is the language the facilitator of this session chose for themselves; ""
// when they chose none or it cannot be read (the screen then speaks as for anyone).
func facilitatorLang(deps *Deps) i18n.Lang {
	if deps.Facilitator == nil {
		return ""
	}
	l, err := deps.Manager.FacilitatorLanguage(deps.Ctx, deps.Facilitator.Name)
	if err != nil {
		logFault(deps.logger(), "read facilitator language", err)
		return ""
	}
	return l
}

// openByViewCode looks a typed view code up through the server's guard, so that wrong codes
// cannot be tried without limit, and opens the cohort's big screen.
func openByViewCode(deps *Deps, typed string) tea.Cmd {
	return func() tea.Msg {
		var c session.Cohort
		err := deps.Codes.Check(deps.Source, func() (err error) {
			c, err = deps.Manager.CohortByViewCode(deps.Ctx, typed)
			return err
		})
		if err != nil {
			return bigOpenedMsg{err: err}
		}
		h, err := deps.Manager.Hub(deps.Ctx, c.ID)
		if err != nil {
			return bigOpenedMsg{err: err}
		}
		return watchBig(deps, h)
	}
}

func watchBig(deps *Deps, h *session.Hub) bigOpenedMsg {
	sub := h.WatchScreen()
	deps.Conn.Track(sub)
	return bigOpenedMsg{hub: h, sub: sub}
}

// waitBig is the screen's one waiting command: it takes the next signal of the subscription
// and reads what the screen shows then, off the program's loop.
func waitBig(ctx context.Context, h *session.Hub, sub *session.Subscription, lang i18n.Lang) tea.Cmd {
	return func() tea.Msg {
		select {
		case <-ctx.Done():
			return nil
		case <-sub.Updates():
			s, err := h.Screen(ctx, sub.Snapshot(), string(lang))
			return bigStateMsg{screen: s, err: err}
		}
	}
}

func (b *bigScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case bigOpenedMsg:
		return b.onOpened(msg)
	case bigStateMsg:
		b.shown, b.have = msg.screen, true
		b.err = ""
		if msg.err != nil {
			b.err = b.T("Some results could not be read: %s", b.deps.refusal("read big screen", msg.err))
		}
		return b, tea.Batch(waitBig(b.deps.Ctx, b.hub, b.sub, b.Lang()), b.tick())
	case bigTickMsg:
		b.ticking = false
		return b, b.tick()
	case tea.KeyPressMsg:
		if b.asking && !b.busy && msg.String() == "enter" {
			b.busy, b.err = true, ""
			return b, openByViewCode(b.deps, b.input.Value())
		}
	case tea.PasteMsg:
		if b.asking {
			b.input.SetValue(b.input.Value() + session.CleanLine(msg.Content))
			b.input.CursorEnd()
		}
		return b, nil
	}
	if b.asking && !b.busy {
		var cmd tea.Cmd
		b.input, cmd = b.input.Update(msg)
		return b, cmd
	}
	return b, nil
}

func (b *bigScreen) onOpened(msg bigOpenedMsg) (screen, tea.Cmd) {
	b.busy = false
	var tooMany *session.TooManyCodesError
	switch {
	case msg.err == nil:
		b.asking, b.hub, b.sub = false, msg.hub, msg.sub
		// The facilitator's own choice first, then the terminal's locale, then the language
		// the cohort's module is written in.
		if l := i18n.Choose(msg.own, b.deps.Terminal, b.hub.Module().Language); l != b.Lang() {
			b.Common = b.withLang(l)
			com := b.Common
			return b, tea.Batch(waitBig(b.deps.Ctx, b.hub, b.sub, b.Lang()), func() tea.Msg { return langMsg{com} })
		}
		return b, waitBig(b.deps.Ctx, b.hub, b.sub, b.Lang())
	case errors.As(msg.err, &tooMany):
		b.err = b.T("Too many wrong codes from here. Wait %d seconds and try again.", max(int((tooMany.Wait+time.Second-1)/time.Second), 1))
	case errors.Is(msg.err, session.ErrUnknownCode) && b.asking:
		b.err = b.T("No big screen has that view code. A facilitator finds it in the console's cohort room or with %s.", "`cohort show CODE`")
	default:
		b.err = b.T("Could not open the big screen: %s", b.deps.refusal("open big screen", msg.err))
	}
	b.input.SetValue("")
	return b, nil
}

// tick schedules the next redraw of a running countdown on the next whole second; nothing
// ticks while no countdown runs.
func (b *bigScreen) tick() tea.Cmd {
	left, running := b.shown.Left(b.now())
	if !running || b.ticking {
		return nil
	}
	b.ticking = true
	wait := left % time.Second
	if wait < 50*time.Millisecond {
		wait += time.Second
	}
	return tea.Tick(wait, func(time.Time) tea.Msg { return bigTickMsg{} })
}

// Passive is true once the screen shows a cohort: then keys do nothing but leave.
// speak is the big screen in com's language (the App sends it back the language the screen
// chose when the cohort opened).
func (b *bigScreen) speak(com *Common) (screen, tea.Cmd) {
	b.Common = com
	return b, nil
}

func (b *bigScreen) Passive() bool { return !b.asking }

func (b *bigScreen) Resize(w, h int) screen {
	b.width, b.height = w, h
	if b.asking {
		b.input.SetWidth(max(min(w-cellWidth(b.input.Prompt)-2, 24), 4))
	}
	return b
}

func (b *bigScreen) Typing() bool { return b.asking }

func (b *bigScreen) ShortHelp() []key.Binding {
	return []key.Binding{relabel(b.keys.Enter, "enter", b.T("open"))}
}

func (b *bigScreen) FullHelp() [][]key.Binding { return [][]key.Binding{b.ShortHelp()} }

package tui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"workshop/session"
)

// logSize is how many of the latest timeline events the room keeps.
const logSize = 500

// eventsState is the cohort's timeline as the room last loaded it.
type eventsState struct {
	list    []session.Event
	sig     string // actionSignature of the snapshot the list was loaded for
	loading bool
	dirty   bool
	err     string
	// scroll counts lines up from the newest event in the log view.
	scroll int
}

type eventsLoadedMsg struct {
	list []session.Event
	err  error
}

// requestEvents reloads the timeline; a request during a load makes one more load after it.
func (r *cohortRoom) requestEvents() tea.Cmd {
	if r.events.loading {
		r.events.dirty = true
		return nil
	}
	r.events.loading = true
	h, ctx, by := r.hub, r.deps.Ctx, r.deps.Actor
	return func() tea.Msg {
		list, err := h.RecentActions(ctx, by, logSize)
		return eventsLoadedMsg{list: list, err: err}
	}
}

func (r *cohortRoom) onEvents(msg eventsLoadedMsg) tea.Cmd {
	r.events.loading = false
	if cmd, ok := r.whenRevoked(msg.err); ok {
		return cmd
	}
	if msg.err != nil {
		r.events.err = r.conSay("load recent actions", msg.err)
	} else {
		r.events.list, r.events.err = msg.list, ""
	}
	if r.events.dirty {
		r.events.dirty = false
		return r.requestEvents()
	}
	return nil
}

// recentLine is the strip of the latest actions, newest first, with who did them.
func (r *cohortRoom) recentLine() string {
	st := r.st
	if r.events.err != "" {
		return st.Bad.Render(r.T("Timeline: %s", r.events.err))
	}
	list := r.events.list
	var parts []string
	for i := len(list) - 1; i >= 0 && len(parts) < 4; i-- {
		ev := list[i]
		// Who acted, what and on what are stored as they were written: they are data.
		parts = append(parts, strings.Join([]string{r.Clock(ev.At.Local()), ev.Actor, r.Msg(session.ActionMsg(ev.Action)), ev.Detail}, " "))
	}
	if len(parts) == 0 {
		return st.Muted.Render(r.T("Recent: nothing yet"))
	}
	return st.Muted.Render(r.T("Recent: %s", strings.Join(parts, " · ")))
}

func (r *cohortRoom) logKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := r.ck
	page := max(r.height-12, 5)
	switch {
	case key.Matches(msg, k.Up):
		r.events.scroll++
	case key.Matches(msg, k.Down):
		r.events.scroll--
	case key.Matches(msg, k.PageUp):
		r.events.scroll += page
	case key.Matches(msg, k.PageDown):
		r.events.scroll -= page
	case key.Matches(msg, k.End):
		r.events.scroll = 0
	default:
		return nil, false
	}
	r.events.scroll = min(max(r.events.scroll, 0), max(len(r.events.list)-1, 0))
	return nil, true
}

// logView is the cohort's timeline: who did what and when, newest at the bottom.
func (r *cohortRoom) logView(height int) string {
	st := r.st
	list := r.events.list
	if len(list) == 0 {
		return st.Muted.Render(r.T("Loading the timeline…"))
	}
	end := len(list) - r.events.scroll
	start := max(end-height, 0)
	var b strings.Builder
	today := r.now.Local()
	for _, ev := range list[start:end] {
		line := st.Muted.Render(r.logTime(ev.At.Local(), today)) + " " + st.Accent.Render(ev.Actor) + " " + st.Subtitle.Render(r.Msg(session.ActionMsg(ev.Action))) + " " + ev.Detail
		b.WriteString(truncate(line, r.width) + "\n")
	}
	return b.String()
}

// logTime writes when an event happened: its time of day today, its day and time before, as
// a cohort held over several meetings spans weeks.
func (r *cohortRoom) logTime(at, today time.Time) string {
	if y, m, d := at.Date(); y == today.Year() && m == today.Month() && d == today.Day() {
		return r.Clock(at)
	}
	return r.DateTime(at)
}

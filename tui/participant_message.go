package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"workshop/i18n"
)

// A facilitator's direct message shows in the participant's header, on their screens alone,
// until they dismiss it with dismissKey, which works even while they type an answer.
var dismissKey = key.NewBinding(key.WithKeys("ctrl+o"), key.WithHelp("ctrl+o", "dismiss the facilitator's message"))

// dismissedMsg reports that a message was dismissed, or why it could not be.
type dismissedMsg struct{ err error }

// refreshMessages takes the participant's messages from the hub: they are in no snapshot,
// so that no other screen ever holds them.
func (v *participantView) refreshMessages() {
	v.msgs = v.sub.Messages()
}

// messageLines are the oldest message not dismissed, wrapped to at most two lines (one in a
// small window), with the key that dismisses it.
func (v *participantView) messageLines() []string {
	if len(v.msgs) == 0 {
		return nil
	}
	m := v.msgs[0]
	by, said := i18n.Verbatim(m.By), i18n.Verbatim(strings.ReplaceAll(m.Text, "\n", " "))
	text := v.T("✉ %s to you: %s · ctrl+o dismisses", by, said)
	if len(v.msgs) > 1 {
		text = v.T("✉ %s to you: %s (%d more) · ctrl+o dismisses", by, said, len(v.msgs)-1)
	}
	lines := strings.Split(wrap(text, v.width), "\n")
	limit := 2
	if v.height < 16 {
		limit = 1
	}
	if len(lines) > limit {
		// The key to dismiss it stays in view whatever was cut.
		lines = lines[:limit]
		lines[limit-1] = truncate(lines[limit-1], max(v.width-len(" · ctrl+o"), 4)) + " · ctrl+o"
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = v.st.Warn.Bold(true).Render(l)
	}
	return out
}

// dismissMessage takes the oldest message off the record, then off the screen: the screen shows
// what is stored, so a message that could not be dismissed stays.
func (v *participantView) dismissMessage() tea.Cmd {
	if len(v.msgs) == 0 {
		return nil
	}
	m := v.msgs[0]
	h, ctx, pid := v.hub, v.deps.Ctx, v.me.ID
	return func() tea.Msg {
		return dismissedMsg{err: h.DismissMessage(ctx, pid, m.ID)}
	}
}

func (v *participantView) onDismissed(msg dismissedMsg) {
	if msg.err != nil {
		v.notice = i18n.M("Could not dismiss the message: %s", v.deps.refusal("dismiss message", msg.err))
	}
	v.refreshMessages()
	v.layout()
}

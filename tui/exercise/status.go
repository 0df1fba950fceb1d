package exercise

import (
	"strconv"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"workshop/content"
	"workshop/session"
	"workshop/tui/ui"
)

// statusLine is the editor's last line: what happens to the work, and extra on the right.
// What a person must read is never cut: a message too long for one line wraps onto more (at
// most maxStatusLines), and the count on the right gives way first.
func (b *exBase) statusLine(extra string) string {
	parts := b.statusParts()
	// The key is the text, the count, the width and the colours; a text has one style, but
	// for a message that may be good news or an error. It is built at once in its final size,
	// with the cache's prefix: a fresh editor builds it on every move, and growing it was most
	// of what that cost.
	size := len("status|") + len(extra) + 1 + 4 + len(b.st.Key()) + 1
	for _, p := range parts {
		size += len(p.Text) + 1
	}
	var k strings.Builder
	k.Grow(size)
	k.WriteString("status|")
	for _, p := range parts {
		k.WriteString(p.Text)
		k.WriteByte(0)
	}
	k.WriteString(extra)
	k.WriteByte(0)
	k.WriteString(strconv.Itoa(b.width))
	k.WriteString(b.st.Key()) // the colours, once the terminal's are known
	if b.isError {
		k.WriteString("!")
	}
	if key := k.String(); !b.fitted.ok || key != b.fitted.key {
		b.fitted.key, b.fitted.ok = key, true
		// The same status shows on many screens at once (everyone's fresh editor after a
		// move): it is fitted once for all of them.
		b.fitted.line = b.st.Cache.Styled(key, func() string {
			return strings.Join(fitStatus(b.st, parts, extra, b.width), "\n")
		})
	}
	return b.fitted.line
}

// maxStatusLines bounds the lines an editor's status may take.
const maxStatusLines = 3

// statusPart is a piece of the status with the style it is drawn in, one of the screen's own:
// the status is worked out several times a frame, and copying a style into each piece was most
// of what that allocated.
type statusPart struct {
	Style *lipgloss.Style
	Text  string
}

// statusParts says what happens to the work, as styled pieces of one sentence.
func (b *exBase) statusParts() []statusPart {
	st := b.st
	one := func(style *lipgloss.Style, text string) []statusPart {
		return []statusPart{{Style: style, Text: text}}
	}
	switch {
	case b.message != "" && b.isError:
		return one(&st.Bad, b.message)
	case b.failing:
		return one(&st.Warn, b.T("Not saved yet — retrying; your text is kept here"))
	case b.env.locked(b.step.ID):
		return one(&st.Warn, b.T("Locked: you can read your work but not change it"))
	case b.noTeam:
		return one(&st.Warn, b.T("Not in a team yet: the facilitator will form teams"))
	case b.message != "":
		return one(&st.Good, b.message)
	case b.saving() || b.inflight > 0:
		return one(&st.Muted, b.T("Saving…"))
	case b.ex.Kind == content.KindVote && b.env.voteState(b.step.ID).Closed:
		if b.status == session.StatusSubmitted || b.status == session.StatusDraft {
			return one(&st.Warn, b.T("The vote is closed: your dots are counted as they are"))
		}
		return one(&st.Warn, b.T("The vote is closed: you did not vote"))
	case b.shared() && b.status == session.StatusSubmitted:
		return []statusPart{{Style: &st.Good, Text: b.T("✓ Done %s", b.clock(b.savedAt))}, {Style: &st.Muted, Text: b.T(" · the board stays open")}}
	case b.shared() && b.anonymous():
		return one(&st.Muted, b.T("Saved at once, without your name · ctrl+s when done"))
	case b.shared():
		return one(&st.Muted, b.T("Saved at once for your team · ctrl+s when done"))
	case b.dirty():
		return one(&st.Warn, b.T("Editing · saves as you go"))
	case b.status == session.StatusSubmitted:
		return []statusPart{{Style: &st.Good, Text: b.T("✓ Submitted %s", b.clock(b.savedAt))}, {Style: &st.Muted, Text: b.T(" · you can still change it")}}
	case b.status == session.StatusDraft && b.submitted:
		return one(&st.Warn, b.T("Changed since you submitted · ctrl+s submits again"))
	case b.status == session.StatusDraft:
		return one(&st.Muted, b.T("Draft saved %s · ctrl+s submits", b.clock(b.savedAt)))
	}
	return one(&st.Muted, b.T("Not started · ctrl+s submits"))
}

// fitStatus lays out a status: on one line with extra on the right when both fit; else the
// status wrapped to the width, with extra on its last line if there is room.
func fitStatus(st *ui.Styles, parts []statusPart, extra string, width int) []string {
	plain := ""
	var styled strings.Builder
	for _, p := range parts {
		plain += p.Text
		styled.WriteString(p.Style.Render(p.Text))
	}
	room := width
	if extra != "" {
		room = width - ui.CellWidth(extra) - 2
	}
	if ui.CellWidth(plain) <= room {
		if extra == "" {
			return []string{styled.String()}
		}
		return []string{ui.Spread(styled.String(), st.Muted.Render(extra), width)}
	}
	// Wrapped short of the count, so that it shows on the last line, unless that takes more
	// lines than a status may: then wrapped to the whole width, and the count gives way.
	wrapAt := width
	if extra != "" && room >= width/3 && strings.Count(ui.Wrap(strings.TrimSpace(plain), room), "\n") < maxStatusLines {
		wrapAt = room
	}
	var out []string
	for _, l := range strings.Split(ui.Wrap(strings.TrimSpace(plain), wrapAt), "\n") {
		out = append(out, parts[0].Style.Render(ui.Truncate(strings.TrimSpace(l), width)))
	}
	if len(out) > maxStatusLines {
		out = out[:maxStatusLines]
		out[len(out)-1] = ui.Truncate(out[len(out)-1]+" …", width)
	}
	if last := out[len(out)-1]; extra != "" && ui.CellWidth(last)+2+ui.CellWidth(extra) <= width {
		out[len(out)-1] = ui.Spread(last, st.Muted.Render(extra), width)
	}
	return out
}

// NotSavedYet is the sign that work on screen is not stored yet and is being stored again, in
// English (statusParts prints it in the reader's language).
const NotSavedYet = "Not saved yet — retrying; your text is kept here"

// clock shows a stored time as the hour and minute.
func (b *exBase) clock(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return b.Clock(t.Local())
}

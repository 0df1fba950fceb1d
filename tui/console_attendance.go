package tui

import (
	"context"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"workshop/session"
)

// meetingLine is the console's line about meetings, for a module held as several: during one,
// its number and who is here ("Meeting 2 of 6 · 27 of 30 here; absent: …"); otherwise which
// meeting comes next and the key that opens it. Empty for a module without meetings.
func (r *cohortRoom) meetingLine() string {
	st, w := r.st, r.width
	n := r.snap.Meeting()
	if n.Of == 0 {
		return ""
	}
	if !n.Open {
		next := n.Number + 1
		if next > n.Of {
			return truncate(st.Muted.Render(fmt.Sprintf("All %d meetings held · M opens one again", n.Of)), w)
		}
		what := "No meeting open"
		if n.Between() {
			what = fmt.Sprintf("Between meetings: homework of meeting %d", n.Number)
		}
		line := fmt.Sprintf("%s · M opens meeting %d of %d", what, next, n.Of)
		if n.Between() && cellWidth(line) > w {
			// Narrow: keep the key and the meeting it opens whole.
			line = fmt.Sprintf("Homework of %d · M opens %d of %d", n.Number, next, n.Of)
		}
		return truncate(st.Muted.Render(line), w)
	}
	room := r.snap.Room()
	head := st.Accent.Render(fmt.Sprintf("Meeting %d of %d", n.Number, n.Of))
	here := fmt.Sprintf(" · %d of %d here", room.Here, room.Total)
	if len(room.Away) > 0 {
		here += "; absent: " + strings.Join(room.Away, ", ")
	}
	return truncate(head+st.Muted.Render(here), w)
}

// meetingKey opens the next meeting, or asks before closing the one that is open.
func (r *cohortRoom) meetingKey() tea.Cmd {
	n := r.snap.Meeting()
	if n.Of == 0 {
		return r.fail("This module is not held as meetings: its file lists none.")
	}
	if n.Open {
		// The question and its key first: a narrow console cuts the end of the line.
		r.confirm = fmt.Sprintf("End meeting %d of %d? y ends it, any other key goes on. Everyone then works alone on the homework of %s.", n.Number, n.Of, n.Title)
		r.confirmCmd = r.act(fmt.Sprintf("Meeting %d ended: participants see its homework.", n.Number),
			func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.EndMeeting(ctx, a) })
		return nil
	}
	next := n.Number + 1
	if next > n.Of {
		next = n.Of // every meeting was held: open the last again
	}
	return r.act(fmt.Sprintf("Meeting %d of %d open: %s.", next, n.Of, r.module().Meetings[next-1].Title),
		func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.StartMeeting(ctx, a, next) })
}

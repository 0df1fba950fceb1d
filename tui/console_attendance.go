package tui

import (
	"context"
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
			return truncate(st.Muted.Render(r.T("All %d meetings held · M opens one again", n.Of)), w)
		}
		line := r.T("No meeting open · M opens meeting %d of %d", next, n.Of)
		if n.Between() {
			line = r.T("Between meetings: homework of meeting %d · M opens meeting %d of %d", n.Number, next, n.Of)
		}
		if n.Between() && cellWidth(line) > w {
			// Narrow: keep the key and the meeting it opens whole.
			line = r.T("Homework of %d · M opens %d of %d", n.Number, next, n.Of)
		}
		return truncate(st.Muted.Render(line), w)
	}
	room := r.snap.Room()
	head := st.Accent.Render(r.T("Meeting %d of %d", n.Number, n.Of))
	here := r.T("%d of %d here", room.Here, room.Total)
	if len(room.Away) > 0 {
		here = r.T("%d of %d here; absent: %s", room.Here, room.Total, strings.Join(room.Away, ", "))
	}
	return truncate(head+st.Muted.Render(" · "+here), w)
}

// meetingKey opens the next meeting, or asks before closing the one that is open.
func (r *cohortRoom) meetingKey() tea.Cmd {
	n := r.snap.Meeting()
	if n.Of == 0 {
		return r.fail(r.T("This module is not held as meetings: its file lists none."))
	}
	if n.Open {
		// The question and its key first: a narrow console cuts the end of the line.
		r.confirm = r.T("End meeting %d of %d? y ends it, any other key goes on. Everyone then works alone on the homework of %s.", n.Number, n.Of, r.shown().Meetings[n.Number-1].Title)
		r.confirmCmd = r.act(r.T("Meeting %d ended: participants see its homework.", n.Number),
			func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.EndMeeting(ctx, a) })
		return nil
	}
	next := n.Number + 1
	if next > n.Of {
		next = n.Of // every meeting was held: open the last again
	}
	return r.act(r.T("Meeting %d of %d open: %s.", next, n.Of, r.shown().Meetings[next-1].Title),
		func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.StartMeeting(ctx, a, next) })
}

package session

import (
	"context"
	"fmt"
	"time"

	"workshop/i18n"
)

// MaxMessageLen bounds a direct message, in characters.
const MaxMessageLen = 500

// DirectMessage is a facilitator's message to one participant: it shows on that participant's
// screens, and no one else's, until they dismiss it. Sending one is in the timeline.
type DirectMessage struct {
	ID            int64
	CohortID      int64
	ParticipantID int64
	// By is the facilitator who sent it.
	By   string
	Text string
	At   time.Time
	// DismissedAt is when the participant dismissed it; zero while it shows.
	DismissedAt time.Time
}

// loadMessagesLocked gives each member the messages they have not dismissed. The caller holds
// h.state, as the hub loads.
func (h *Hub) loadMessagesLocked(ms []DirectMessage) {
	for _, m := range ms {
		if mb, ok := h.byID[m.ParticipantID]; ok && m.DismissedAt.IsZero() {
			mb.messages = append(mb.messages, m)
		}
	}
}

// Message sends a direct message to one participant of the cohort. It is stored with its
// timeline event before it wakes that participant's screens, and only theirs.
func (h *Hub) Message(ctx context.Context, by Actor, pid int64, text string) (DirectMessage, error) {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return DirectMessage{}, err
	}
	text = CleanLine(text)
	if text == "" {
		return DirectMessage{}, Errorf(EInvalid, "the message is empty: type what to tell them")
	}
	if err := Bound(i18n.M("the message"), text, MaxMessageLen); err != nil {
		return DirectMessage{}, err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	mb, p, err := h.memberOf(pid)
	if err != nil {
		return DirectMessage{}, Errorf(ENotFound, "nobody with id %d is in this cohort", pid)
	}
	h.state.Lock()
	label := mb.p.Label()
	h.state.Unlock()
	m := DirectMessage{CohortID: h.id, ParticipantID: p.ID, By: actor, Text: text, At: h.m.now()}
	ev := Event{Actor: actor, Action: "message", Detail: fmt.Sprintf("to %s: %s", label, text)}
	m, err = h.m.store.AddMessage(ctx, m, ev)
	if err != nil {
		return DirectMessage{}, fmt.Errorf("send message: %w", err)
	}
	h.applyLocked(change{members: []int64{pid}}, func() { mb.messages = append(mb.messages, m) })
	return m, nil
}

// Messages returns the messages a participant has not dismissed, oldest first.
func (h *Hub) Messages(pid int64) []DirectMessage {
	h.state.Lock()
	defer h.state.Unlock()
	if mb, ok := h.byID[pid]; ok {
		return append([]DirectMessage(nil), mb.messages...)
	}
	return nil
}

// Messages returns the messages for the participant whose screen this is that they have not
// dismissed; a facilitator's console has none.
func (s *Subscription) Messages() []DirectMessage {
	if s.pid == 0 {
		return nil
	}
	return s.hub.Messages(s.pid)
}

// DismissMessage takes a participant's message off their screens, for good.
func (h *Hub) DismissMessage(ctx context.Context, pid, id int64) error {
	h.mu.RLock()
	defer h.mu.RUnlock()
	mb, _, err := h.memberOf(pid)
	if err != nil {
		return err
	}
	mb.writing.Lock()
	defer mb.writing.Unlock()
	h.state.Lock()
	found := false
	for _, m := range mb.messages {
		found = found || m.ID == id
	}
	h.state.Unlock()
	if !found {
		return nil // dismissed already, from another screen
	}
	if err := h.m.store.DismissMessage(ctx, id, h.m.now()); err != nil {
		return fmt.Errorf("dismiss message: %w", err)
	}
	h.state.Lock()
	defer h.state.Unlock()
	kept := mb.messages[:0:0]
	for _, m := range mb.messages {
		if m.ID != id {
			kept = append(kept, m)
		}
	}
	mb.messages = kept
	h.publishLocked(change{members: []int64{pid}})
	return nil
}

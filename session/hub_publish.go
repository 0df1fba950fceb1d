package session

import (
	"time"
)

// change says what one published change concerns, so that only the screens showing it wake.
// Facilitators' consoles show everything and wake for every change; a change with nothing
// set (someone joined, came online or left, saved their own work) wakes consoles alone. Big
// screens wake for the cohort's state and the result of its step (see WatchScreen).
type change struct {
	// everyone: the cohort's state (step, pace, locks, timer, announcement, spotlight, votes)
	// or everyone's records changed.
	everyone bool
	// members had their own record changed (team, hand, own step): their screens show it.
	members []int64
	// team was renamed: its members' screens show its name.
	team int64
	// key is a board or result (see Snapshot.Boards) whose count moved: the screens showing
	// it wake.
	key string
}

// publishLocked records a change and wakes, without blocking, every screen it concerns. The
// caller holds h.state and has already applied the change to memory. No snapshot is built
// here: the screens woken build one when they read, and share it.
func (h *Hub) publishLocked(ch change) {
	seq := h.seq.Add(1)
	h.published()
	if ch.everyone {
		for s := range h.subs {
			s.wake(seq)
		}
		return
	}
	screens := h.screenKeyLocked(ch.key)
	for s := range h.subs {
		if s.pid == 0 && (!s.view || screens) {
			s.wake(seq)
		}
	}
	for _, pid := range ch.members {
		if mb, ok := h.byID[pid]; ok {
			for s := range mb.subs {
				s.wake(seq)
			}
		}
	}
	if ch.team != 0 {
		for _, mb := range h.members {
			if mb.p.TeamID == ch.team {
				for s := range mb.subs {
					s.wake(seq)
				}
			}
		}
	}
	if ch.key != "" {
		h.wakeViewersLocked(ch.key, seq)
	}
}

// published counts a change and notes when it was published.
func (h *Hub) published() {
	h.publishedAt.Store(time.Now().UnixNano())
	h.m.metrics.Published()
}

// publishTime is when the last change was published (zero before any).
func (h *Hub) publishTime() time.Time {
	if ns := h.publishedAt.Load(); ns != 0 {
		return time.Unix(0, ns)
	}
	return time.Time{}
}

// wakeViewersLocked wakes the participants' screens that show a board or result: those
// viewing its step, and those viewing a step that draws items from it.
func (h *Hub) wakeViewersLocked(key string, seq uint64) {
	stepID := key
	for i := len(key) - 1; i >= 0; i-- {
		if key[i] == '/' {
			stepID = key[:i]
			break
		}
	}
	for _, viewed := range append([]string{stepID}, h.fedBy[stepID]...) {
		for s := range h.viewers[viewed] {
			mb, ok := h.byID[s.pid]
			if ok && watchOf(h.module, h.cohort.Live, mb.p, viewed).covers(key) {
				s.wake(seq)
			}
		}
	}
}

// everyone is the change every screen shows.
var everyone = change{everyone: true}

// applyLocked makes a stored change in memory and publishes it, in one step for screens
// reading the state. The caller holds h.mu.
func (h *Hub) applyLocked(ch change, apply func()) {
	h.state.Lock()
	defer h.state.Unlock()
	if apply != nil {
		apply()
	}
	h.publishLocked(ch)
}

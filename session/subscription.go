package session

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// Subscription is one screen's view of a hub: a mailbox that says "something this screen
// shows changed", and the way to the newest state. A facilitator's console (pid 0) is told of
// every change; a participant's screen only of changes to what it shows (see publishLocked),
// so it needs to say which step it has on screen (Viewing). Close it when the screen goes away.
type Subscription struct {
	hub *Hub
	pid int64 // 0 for a facilitator or a big screen
	// view marks a big screen (WatchScreen): woken for the cohort's state and the result of
	// its step, never for the roster.
	view   bool
	notify chan struct{}
	// need is the Seq of the last change published to this screen: any snapshot at least that
	// new shows it everything it was told of.
	need atomic.Uint64
	// viewing is the id of the step on screen ("" for none); guarded by hub.state.
	viewing string
	once    sync.Once
}

// CohortCode is the join code of the cohort the screen shows, for the server's log.
func (s *Subscription) CohortCode() string { return s.hub.code }

// Updates delivers a signal after each change published to this screen; several changes may
// fold into one.
func (s *Subscription) Updates() <-chan struct{} { return s.notify }

// Snapshot returns a state that holds every change published to this screen. Screens
// woken together share one snapshot, even if changes they do not show came in between.
func (s *Subscription) Snapshot() *Snapshot {
	if snap := s.hub.latest.Load(); snap != nil && snap.Seq >= s.need.Load() {
		return snap
	}
	return s.hub.Snapshot()
}

// Viewing tells the hub which step a participant's screen shows, so that the screen is woken
// for changes to that step's boards and results (and to the boards of the step it draws
// items from), and not for others. Call it whenever the step on screen changes, before
// loading what it shows.
func (s *Subscription) Viewing(stepID string) {
	h := s.hub
	h.state.Lock()
	defer h.state.Unlock()
	if _, open := h.subs[s]; open {
		h.viewLocked(s, stepID)
	}
}

// viewLocked files a participant's screen under the step it shows.
func (h *Hub) viewLocked(s *Subscription, stepID string) {
	if s.pid == 0 || s.viewing == stepID {
		return
	}
	h.unviewLocked(s)
	s.viewing = stepID
	if stepID != "" {
		if h.viewers[stepID] == nil {
			h.viewers[stepID] = map[*Subscription]struct{}{}
		}
		h.viewers[stepID][s] = struct{}{}
	}
}

func (h *Hub) unviewLocked(s *Subscription) {
	if v := h.viewers[s.viewing]; v != nil {
		delete(v, s)
		if len(v) == 0 {
			delete(h.viewers, s.viewing)
		}
	}
}

// wake drops a signal in the mailbox without blocking, after recording the change's Seq.
func (s *Subscription) wake(seq uint64) {
	s.hub.m.metrics.Delivered()
	s.need.Store(seq)
	select {
	case s.notify <- struct{}{}:
	default: // a signal is already waiting; the screen will read the newest state
	}
}

// Close ends the subscription; a participant with no other open screen shows as offline.
func (s *Subscription) Close() {
	s.once.Do(func() {
		h := s.hub
		h.state.Lock()
		delete(h.subs, s)
		h.unviewLocked(s)
		mb, ok := h.byID[s.pid]
		var spent stepTimes
		var stopped time.Time
		if ok {
			delete(mb.subs, s)
			mb.online--
			if mb.online == 0 {
				spent, stopped = h.takeTimeLocked([]*member{mb})
				mb.since = timeZero
				h.publishLocked(change{}) // offline: the roster shows it
			}
		}
		h.state.Unlock()
		if ok {
			ctx := context.Background()
			h.storeTime(ctx, spent, Clock{At: stopped})
			h.storePresence(ctx, mb)
			if !stopped.IsZero() {
				h.recordActivity(ctx, s.pid, ActLeave, stopped)
			}
		}
	})
}

// Subscribe opens a screen on the hub. For a participant (pid > 0) it marks them online and
// starts with the screen viewing the step they are on. The new screen finds a first signal in
// its mailbox.
func (h *Hub) Subscribe(ctx context.Context, pid int64) (*Subscription, error) {
	s := &Subscription{hub: h, pid: pid, notify: make(chan struct{}, 1)}
	var clock time.Time // when the participant's time started counting, if this screen started it
	var came ActivityKind
	if pid != 0 {
		h.state.Lock()
		_, known := h.byID[pid]
		h.state.Unlock()
		if !known {
			if err := h.adopt(ctx, pid); err != nil {
				return nil, err
			}
		}
	}
	h.state.Lock()
	if pid != 0 {
		mb, ok := h.byID[pid]
		if !ok {
			h.state.Unlock()
			return nil, fmt.Errorf("participant %d is not in cohort %s", pid, h.code)
		}
		mb.online++
		mb.subs[s] = struct{}{}
		if mb.online == 1 {
			mb.since = h.m.now()
			clock = mb.since
			came = ActRejoin
			if mb.fresh {
				came, mb.fresh = ActJoin, false
			}
			h.publishLocked(change{}) // online: the roster shows it
		}
	}
	h.subs[s] = struct{}{}
	if mb, ok := h.byID[pid]; ok && len(h.module.Steps) > 0 {
		h.viewLocked(s, h.module.Steps[stepOf(h.cohort, h.module, mb.p)].ID)
	}
	s.wake(h.seq.Load())
	mb := h.byID[pid]
	h.state.Unlock()
	if pid != 0 {
		h.storePresence(ctx, mb)
	}
	if !clock.IsZero() {
		h.recordActivity(ctx, pid, came, clock)
		// Stored so that an export, even from another process, counts the time so far.
		if err := h.m.store.SetClock(ctx, h.id, pid, Clock{At: clock, Running: true}); err != nil {
			h.m.log.Warn("start the clock on a step", "err", err)
		}
	}
	return s, nil
}

// storePresence stores whether a participant is online now, as seen now. Screens opening and
// closing at once may call it in any order: each stores the presence as it is when its turn
// comes, one at a time, so the last one stored is the truth.
func (h *Hub) storePresence(ctx context.Context, mb *member) {
	mb.writing.Lock()
	defer mb.writing.Unlock()
	h.state.Lock()
	online, pid := mb.online > 0, mb.p.ID
	h.state.Unlock()
	if err := h.m.store.SetPresence(ctx, pid, online, h.m.now()); err != nil {
		h.m.log.Warn("record presence", "participant", pid, "err", err)
	}
}

// Subscribers counts open subscriptions; used to check that leaving screens are cleaned up.
func (h *Hub) Subscribers() int {
	h.state.Lock()
	defer h.state.Unlock()
	return len(h.subs)
}

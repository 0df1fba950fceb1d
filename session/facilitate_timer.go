package session

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ErrNoTimer is returned by timer actions that need a countdown when none is set.
var ErrNoTimer = Errorf(EConflict, "no timer is set: start one first")

// StartTimer starts a countdown of d that every screen shows, replacing any other.
func (h *Hub) StartTimer(ctx context.Context, by Actor, d time.Duration) error {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return err
	}
	if d < time.Second || d > MaxTimer {
		return Errorf(EInvalid, "a timer runs from 1 second to %d hours, not %s", int(MaxTimer.Hours()), FormatDuration(d))
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	now := h.m.now()
	return h.changeCohortLocked(ctx, actor, "timer", "started "+FormatDuration(d), func(c *Cohort) error {
		c.Live.Timer = &Timer{Total: d, EndsAt: now.Add(d)}
		return nil
	})
}

// PauseTimer stops the countdown where it is.
func (h *Hub) PauseTimer(ctx context.Context, by Actor) error {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	t := h.cohort.Live.Timer
	if t == nil {
		return ErrNoTimer
	}
	if t.Paused {
		return nil
	}
	now := h.m.now()
	left := t.Remaining(now)
	return h.changeCohortLocked(ctx, actor, "timer", "paused with "+FormatDuration(left)+" left", func(c *Cohort) error {
		c.Live.Timer.Paused, c.Live.Timer.Left, c.Live.Timer.EndsAt = true, left, time.Time{}
		return nil
	})
}

// ResumeTimer restarts a paused countdown.
func (h *Hub) ResumeTimer(ctx context.Context, by Actor) error {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	t := h.cohort.Live.Timer
	if t == nil {
		return ErrNoTimer
	}
	if !t.Paused {
		return nil
	}
	now := h.m.now()
	return h.changeCohortLocked(ctx, actor, "timer", "resumed with "+FormatDuration(t.Left)+" left", func(c *Cohort) error {
		c.Live.Timer.EndsAt, c.Live.Timer.Paused, c.Live.Timer.Left = now.Add(t.Left), false, 0
		return nil
	})
}

// AddTime lengthens the countdown by d, or shortens it for a negative d (down to zero). A
// countdown that already reached zero starts again with d.
func (h *Hub) AddTime(ctx context.Context, by Actor, d time.Duration) error {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return err
	}
	if d == 0 {
		return Errorf(EInvalid, "add some time, e.g. +2m")
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	t := h.cohort.Live.Timer
	if t == nil {
		return ErrNoTimer
	}
	now := h.m.now()
	left := t.Remaining(now) + d
	if left > MaxTimer {
		return Errorf(EInvalid, "a timer runs for at most %d hours", int(MaxTimer.Hours()))
	}
	left = max(left, 0)
	detail := "added " + FormatDuration(d)
	if d < 0 {
		detail = "took off " + FormatDuration(-d)
	}
	return h.changeCohortLocked(ctx, actor, "timer", detail+": "+FormatDuration(left)+" left", func(c *Cohort) error {
		nt := c.Live.Timer
		nt.Total = max(nt.Total+d, left)
		if nt.Paused {
			nt.Left = left
		} else {
			nt.EndsAt = now.Add(left)
		}
		return nil
	})
}

// StopTimer removes the countdown from every screen.
func (h *Hub) StopTimer(ctx context.Context, by Actor) error {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.cohort.Live.Timer == nil {
		return nil
	}
	return h.changeCohortLocked(ctx, actor, "timer", "stopped", func(c *Cohort) error {
		c.Live.Timer = nil
		return nil
	})
}

// FormatDuration writes a duration the way facilitators say it: "5m", "1m30s", "45s", "1h15m".
func FormatDuration(d time.Duration) string {
	neg := d < 0
	if neg {
		d = -d
	}
	d = d.Round(time.Second)
	h, m, s := int(d/time.Hour), int(d/time.Minute)%60, int(d/time.Second)%60
	out := ""
	if h > 0 {
		out += fmt.Sprintf("%dh", h)
	}
	if m > 0 {
		out += fmt.Sprintf("%dm", m)
	}
	if s > 0 || out == "" {
		out += fmt.Sprintf("%ds", s)
	}
	if neg {
		out = "-" + out
	}
	return out
}

// ParseTimerDuration reads a countdown length as a person types it: "5m", "90s", "1h30m",
// "4:30" (minutes and seconds) or a bare number of minutes ("5").
func ParseTimerDuration(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	bad := Errorf(EInvalid, "%q is not a duration: write e.g. 5m, 90s, 1h30m or 4:30", s)
	if m, sec, ok := strings.Cut(s, ":"); ok {
		mi, err1 := strconv.Atoi(m)
		si, err2 := strconv.Atoi(sec)
		if err1 != nil || err2 != nil || mi < 0 || si < 0 || si > 59 || len(sec) != 2 {
			return 0, bad
		}
		return time.Duration(mi)*time.Minute + time.Duration(si)*time.Second, nil
	}
	if n, err := strconv.Atoi(s); err == nil {
		return time.Duration(n) * time.Minute, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, bad
	}
	return d, nil
}

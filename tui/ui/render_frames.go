package ui

import "sync"

// frames keeps whole frames as fitted to a window, shared by every session: after a move the
// screens of a cohort draw the same step in the same state, and fitting each frame (splitting
// it in rows, measuring and cutting them, joining them again) was a large part of drawing it.
type frames struct {
	mu sync.Mutex
	m  map[frameKey]string
}

// frameKey is everything a fitted frame is made from.
type frameKey struct {
	body, tail    string
	width, height int
}

// frameCacheSize bounds the frames kept; frames are large, so far fewer than other entries.
// Past it the map starts again empty.
const frameCacheSize = 512

// Fitted returns fit(), the screen's drawing body fitted into width×height and followed by
// tail, calling fit only when no session fitted the same drawing into the same window yet. fit
// must depend on nothing but body, tail, width and height. A nil cache calls fit every time.
func (c *RenderCache) Fitted(body, tail string, width, height int, fit func() string) string {
	if c == nil {
		return fit()
	}
	k := frameKey{body: body, tail: tail, width: width, height: height}
	f := &c.frames
	f.mu.Lock()
	s, ok := f.m[k]
	f.mu.Unlock()
	if ok {
		return s
	}
	s = fit()
	f.mu.Lock()
	if f.m == nil || len(f.m) >= frameCacheSize {
		f.m = make(map[frameKey]string, 64)
	}
	f.m[k] = s
	f.mu.Unlock()
	return s
}

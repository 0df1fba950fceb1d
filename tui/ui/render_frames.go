package ui

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
	// After a move the screens of a cohort draw the same step in the same state, and fitting
	// each frame (splitting it in rows, measuring and cutting them, joining them again) was a
	// large part of drawing it.
	return c.frames.get(frameKey{body: body, tail: tail, width: width, height: height}, frameCacheSize, fit)
}

package ui

import (
	"slices"
	"strings"
	"sync"
)

// lineSets keeps drawings made of lines, shared by every session: after a move the screens of a
// cohort draw the same header and split the same guidance in lines, and doing it once for all
// of them is what keeps a move cheap. The slices handed out are shared: read them, never write
// them (they are clipped, so an append copies).
type lineSets struct {
	mu sync.Mutex
	m  map[string][]string
}

// Bounds of the line sets kept; past one the map starts again empty. Split texts are whole
// rendered guidance, so far fewer of them than of headers.
const (
	headerCacheSize = 4096
	splitCacheSize  = 512
)

func (ls *lineSets) get(key string, size int, draw func() []string) []string {
	ls.mu.Lock()
	l, ok := ls.m[key]
	ls.mu.Unlock()
	if ok {
		return l
	}
	l = slices.Clip(draw())
	ls.mu.Lock()
	if ls.m == nil || len(ls.m) >= size {
		ls.m = make(map[string][]string, 64)
	}
	ls.m[key] = l
	ls.mu.Unlock()
	return l
}

// Header returns the lines draw returns for key, calling draw only when no session drew a header
// under key yet. The key must name everything the lines are drawn from (the style set, the
// width, the language, every text and state shown). The lines are shared and read-only. A nil
// cache calls draw every time.
func (c *RenderCache) Header(key string, draw func() []string) []string {
	if c == nil {
		return draw()
	}
	return c.headers.get(key, headerCacheSize, draw)
}

// Split returns text split at newlines, split once for every session showing the same text.
// The lines are shared and read-only. A nil cache splits every time.
func (c *RenderCache) Split(text string) []string {
	if c == nil {
		return strings.Split(text, "\n")
	}
	return c.splits.get(text, splitCacheSize, func() []string { return strings.Split(text, "\n") })
}

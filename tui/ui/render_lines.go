package ui

import (
	"slices"
	"strings"
)

// Bounds of the line sets kept: split texts are whole rendered guidance, so far fewer of them
// than of headers. The slices handed out are shared: read them, never write them (they are
// clipped, so an append copies).
const (
	headerCacheSize = 4096
	splitCacheSize  = 512
)

// Header returns the lines draw returns for key, calling draw only when no session drew a header
// under key yet. The key must name everything the lines are drawn from (the style set, the
// width, the language, every text and state shown). The lines are shared and read-only. A nil
// cache calls draw every time.
func (c *RenderCache) Header(key string, draw func() []string) []string {
	if c == nil {
		return draw()
	}
	return c.headers.get(key, headerCacheSize, func() []string { return slices.Clip(draw()) })
}

// Split returns text split at newlines, split once for every session showing the same text.
// The lines are shared and read-only. A nil cache splits every time.
func (c *RenderCache) Split(text string) []string {
	if c == nil {
		return strings.Split(text, "\n")
	}
	return c.splits.get(text, splitCacheSize, func() []string { return slices.Clip(strings.Split(text, "\n")) })
}

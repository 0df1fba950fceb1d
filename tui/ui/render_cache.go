package ui

import (
	"strconv"

	"workshop/tui/markdown"
)

// RenderCache keeps what renders the same for every session with the same styles — rules, help
// lines, the widths of guidance rows — so that when a facilitator moves hundreds of screens at
// once each piece is styled and measured once, not once per screen. One cache serves a whole
// server; it is safe for concurrent use, and a nil cache renders every time.
type RenderCache struct {
	text  bounded[string, string]
	width bounded[string, int]
	// markdown draws step guidance and keeps its own caches (safe for concurrent use).
	markdown *markdown.Renderer
	// frames are whole frames fitted to a window (see Fitted).
	frames bounded[frameKey, string]
	// headers are participant screens' headers, splits guidance split in lines (see
	// render_lines.go).
	headers, splits bounded[string, []string]
}

// renderCacheSize bounds each map; past it the map starts again empty, which costs one render
// per entry and keeps memory flat whatever the texts.
const renderCacheSize = 8192

// NewRenderCache returns an empty cache.
func NewRenderCache() *RenderCache {
	return &RenderCache{markdown: markdown.New()}
}

// Guidance renders Markdown guidance for width columns in a glamour style (see markdown.Render);
// a nil cache renders it every time.
func (c *RenderCache) Guidance(md string, width int, style string) (string, error) {
	var r *markdown.Renderer
	if c != nil {
		r = c.markdown
	}
	return r.Render(md, width, style)
}

// Styled returns what render returns for key, calling it only when the cache lacks key. The key
// must name everything the result depends on (the style set, the width, the text).
func (c *RenderCache) Styled(key string, render func() string) string {
	if c == nil {
		return render()
	}
	return c.text.get(key, renderCacheSize, render)
}

// CellWidth is the package's CellWidth, remembered for long rows that are slow to measure (styled
// or not plain ASCII); short plain rows are measured at once.
func (c *RenderCache) CellWidth(s string) int {
	if c == nil || len(s) < 24 {
		return CellWidth(s)
	}
	return c.width.get(s, renderCacheSize, func() int { return CellWidth(s) })
}

// Truncate is the package's Truncate, measuring through the cache.
func (c *RenderCache) Truncate(s string, width int) string {
	if c.CellWidth(s) <= width {
		return s
	}
	return Truncate(s, width)
}

// Key names a style set in cache keys: the background and the colour profile.
func (st *Styles) Key() string {
	if st.key != "" && st.keyDark == st.Dark {
		return st.key
	}
	return st.makeKey()
}

func (st *Styles) makeKey() string {
	if st.Dark {
		return "d" + strconv.Itoa(int(st.profile))
	}
	return "l" + strconv.Itoa(int(st.profile))
}

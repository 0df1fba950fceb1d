package markdown

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"charm.land/glamour/v2"
	gansi "charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
	"github.com/charmbracelet/x/ansi"
	"golang.org/x/sync/singleflight"
)

// Guidance styles accepted by Render.
const (
	StyleDark  = "dark"  // colours for a dark terminal background
	StyleLight = "light" // colours for a light terminal background
	StyleNoTTY = "notty" // plain text: no colours or other escape sequences (NO_COLOR, dumb terminals)
	StyleASCII = "ascii" // the same as StyleNoTTY
)

// DefaultWidth is the width Render uses when given a width below 1.
const DefaultWidth = 80

// rendererCacheSize bounds the number of (style, width) pairs whose renderers are kept.
const rendererCacheSize = 64

// outputCacheSize bounds the number of rendered texts kept. Guidance is the same for everyone in
// a cohort and terminal widths cluster, so a small cache spares most renders.
const outputCacheSize = 512

// idleRenderersPerKey bounds the idle renderers kept for one (style, width) pair.
const idleRenderersPerKey = 8

// Renderer renders Markdown guidance for terminals and keeps what it made: idle glamour
// renderers per (style, width) and recent outputs. Guidance is the same for everyone in a cohort
// and terminal widths cluster, so one Renderer for a whole server spares most renders. It is
// safe for concurrent use; a nil *Renderer keeps nothing and renders every time.
type Renderer struct {
	renderers *rendererPool
	outputs   *outputCache
	// flights joins screens asking for the same text not yet rendered to one rendering.
	flights singleflight.Group
	// renders counts the texts rendered (not found in outputs), for tests.
	renders atomic.Int64
}

// New returns a Renderer with empty caches.
func New() *Renderer {
	return &Renderer{
		renderers: &rendererPool{idle: map[rendererKey][]*glamour.TermRenderer{}},
		outputs:   &outputCache{out: map[outputKey]string{}},
	}
}

// Render renders Markdown guidance for a terminal width columns wide in the given style
// ("dark", "light", "notty" or "ascii"; empty means "dark").
//
// Text is word-wrapped at width; anything that still does not fit, such as a long URL or a wide
// table, is broken hard, so no line of the result is wider than width cells (a single character
// wider than width, which only happens for width 1, is the exception). The "notty" and "ascii"
// styles produce plain text without escape sequences.
func (m *Renderer) Render(md string, width int, style string) (string, error) {
	if width < 1 {
		width = DefaultWidth
	}
	plain := false
	switch style {
	case "", StyleDark:
		style = StyleDark
	case StyleLight:
	case StyleNoTTY, StyleASCII:
		style, plain = StyleASCII, true
	default:
		return "", fmt.Errorf("unknown guidance style %q (want dark, light, notty or ascii)", style)
	}

	key := rendererKey{style: style, width: width}
	ok := outputKey{rendererKey: key, md: md}
	var pool *rendererPool
	var outputs *outputCache
	if m != nil {
		pool, outputs = m.renderers, m.outputs
	}
	if out, hit := outputs.get(ok); hit {
		return out, nil
	}
	if m == nil {
		return renderNew(pool, key, md, plain, nil)
	}
	// A move shows every screen of a cohort a step none has drawn yet, all at once: the first
	// to ask renders it, the others wait for that rendering instead of each making its own.
	v, err, _ := m.flights.Do(style+"\x00"+strconv.Itoa(width)+"\x00"+md, func() (any, error) {
		if out, hit := outputs.get(ok); hit {
			return out, nil // rendered by a flight that ended after this caller looked
		}
		out, err := renderNew(pool, key, md, plain, &m.renders)
		if err == nil {
			outputs.put(ok, out)
		}
		return out, err
	})
	if err != nil {
		return "", err
	}
	return v.(string), nil
}

// renderNew renders md with a renderer from pool, fitted to the width and compacted, and
// counts the rendering in renders when given.
func renderNew(pool *rendererPool, key rendererKey, md string, plain bool, renders *atomic.Int64) (string, error) {
	r, err := pool.get(key)
	if err != nil {
		return "", err
	}
	out, err := render(r, md)
	if err != nil {
		return "", err
	}
	pool.put(key, r)
	if renders != nil {
		renders.Add(1)
	}
	if plain {
		out = ansi.Strip(out)
	}
	return compact(fitWidth(out, key.width)), nil
}

// render runs one renderer, turning a panic inside the Markdown library into an error.
func render(r *glamour.TermRenderer, md string) (out string, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("rendering guidance: %v", v)
		}
	}()
	out, err = r.Render(md)
	if err != nil {
		return "", fmt.Errorf("rendering guidance: %w", err)
	}
	return out, nil
}

// fitWidth makes sure no line is wider than width: trailing blanks past the edge are dropped,
// then what still overflows is broken hard.
func fitWidth(s string, width int) string {
	lines := strings.Split(s, "\n")
	changed := false
	for i, line := range lines {
		if ansi.StringWidth(line) <= width {
			continue
		}
		changed = true
		if t := trimTrailingBlanks(line); ansi.StringWidth(t) <= width {
			lines[i] = t
			continue
		}
		lines[i] = ansi.Hardwrap(line, width, true)
	}
	if !changed {
		return s
	}
	out := strings.Join(lines, "\n")
	// Hardwrap keeps spaces at the break, which may leave a line ending in blanks past the edge.
	lines = strings.Split(out, "\n")
	for i, line := range lines {
		if ansi.StringWidth(line) > width {
			lines[i] = trimTrailingBlanks(line)
		}
	}
	return strings.Join(lines, "\n")
}

// trimTrailingBlanks removes spaces at the end of a line, keeping any escape sequences that
// follow them so that styles are still reset.
func trimTrailingBlanks(line string) string {
	// Peel escape sequences and spaces off the end, keeping the sequences.
	var tail []string
	rest := line
	for {
		trimmed := strings.TrimRight(rest, " ")
		if trimmed != rest {
			rest = trimmed
			continue
		}
		i := strings.LastIndex(rest, "\x1b[")
		if i < 0 || !isCSI(rest[i:]) {
			break
		}
		tail = append(tail, rest[i:])
		rest = rest[:i]
	}
	var b strings.Builder
	b.WriteString(rest)
	for j := len(tail) - 1; j >= 0; j-- {
		b.WriteString(tail[j])
	}
	return b.String()
}

// isCSI reports whether s is exactly one CSI escape sequence such as "\x1b[0m".
func isCSI(s string) bool {
	if len(s) < 3 || s[0] != 0x1b || s[1] != '[' {
		return false
	}
	for i := 2; i < len(s)-1; i++ {
		c := s[i]
		if c < 0x20 || c > 0x3f {
			return false
		}
	}
	last := s[len(s)-1]
	return last >= 0x40 && last <= 0x7e
}

// guidanceStyle is one of glamour's standard styles ("dark", "light" or "ascii") without the
// "#" marks glamour writes before headings: a participant sees a heading as a heading (bold
// and coloured, or in plain text the top two levels in capitals), never as Markdown source.
func guidanceStyle(name string) gansi.StyleConfig {
	std, ok := styles.DefaultStyles[name]
	if !ok {
		std = styles.DefaultStyles[styles.DarkStyle]
	}
	cfg := *std // a copy: the standard styles are shared
	for _, h := range []*gansi.StyleBlock{&cfg.H2, &cfg.H3, &cfg.H4, &cfg.H5, &cfg.H6} {
		h.Prefix = ""
	}
	if name == StyleASCII {
		upper := true
		cfg.H1.Prefix = ""
		cfg.H1.Upper, cfg.H2.Upper = &upper, &upper
	}
	return cfg
}

type rendererKey struct {
	style string
	width int
}

// rendererPool keeps idle glamour renderers per (style, width). A glamour renderer keeps state
// while it renders, so each one is used by one goroutine at a time: get takes an idle one or
// builds a new one, and put hands it back.
type rendererPool struct {
	mu   sync.Mutex
	idle map[rendererKey][]*glamour.TermRenderer
}

// get takes an idle renderer for k or builds one; a nil pool always builds one.
func (p *rendererPool) get(k rendererKey) (*glamour.TermRenderer, error) {
	if p == nil {
		return newRenderer(k)
	}
	p.mu.Lock()
	if list := p.idle[k]; len(list) > 0 {
		r := list[len(list)-1]
		p.idle[k] = list[:len(list)-1]
		p.mu.Unlock()
		return r, nil
	}
	p.mu.Unlock()
	return newRenderer(k)
}

func newRenderer(k rendererKey) (*glamour.TermRenderer, error) {
	r, err := glamour.NewTermRenderer(
		glamour.WithStyles(guidanceStyle(k.style)),
		glamour.WithWordWrap(k.width),
	)
	if err != nil {
		return nil, fmt.Errorf("creating guidance renderer: %w", err)
	}
	return r, nil
}

// put hands a renderer back for reuse; a nil pool drops it.
func (p *rendererPool) put(k rendererKey, r *glamour.TermRenderer) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if _, known := p.idle[k]; !known && len(p.idle) >= rendererCacheSize {
		// Many widths seen: forget the idle renderers of some other one.
		for old := range p.idle {
			delete(p.idle, old)
			break
		}
	}
	if len(p.idle[k]) < idleRenderersPerKey {
		p.idle[k] = append(p.idle[k], r)
	}
}

// outputKey identifies one rendering of one text.
type outputKey struct {
	rendererKey
	md string
}

// outputCache keeps recent renderings. When full it forgets an arbitrary entry.
type outputCache struct {
	mu  sync.Mutex
	out map[outputKey]string
}

func (c *outputCache) get(k outputKey) (string, bool) {
	if c == nil {
		return "", false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	s, ok := c.out[k]
	return s, ok
}

func (c *outputCache) put(k outputKey, s string) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, known := c.out[k]; !known && len(c.out) >= outputCacheSize {
		for old := range c.out {
			delete(c.out, old)
			break
		}
	}
	c.out[k] = s
}

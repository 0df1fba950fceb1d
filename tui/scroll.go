package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
)

// scroller shows a window of lines that already fit the width, scrolled by the same keys as a
// Bubbles viewport. It replaces the viewport for the guidance pane: the viewport measures every
// line when given content and restyles the shown block on every frame, which for hundreds of
// screens moving to a new step at once was a large share of the server's work.
type scroller struct {
	lines  []string
	off    int
	height int
	keys   viewport.KeyMap
}

func newScroller() scroller { return scroller{keys: viewport.DefaultKeyMap(), height: 1} }

// SetLines replaces the lines and keeps the offset in range. The scroller only reads them:
// every screen showing the same guidance is given the same lines (RenderCache.Split).
func (s *scroller) SetLines(lines []string) {
	s.lines = lines
	s.clamp()
}

// SetHeight sets how many lines are shown.
func (s *scroller) SetHeight(h int) {
	s.height = max(h, 1)
	s.clamp()
}

// GotoTop shows the first line.
func (s *scroller) GotoTop() { s.off = 0 }

// AtBottom says whether the last line is shown.
func (s *scroller) AtBottom() bool { return s.off >= s.maxOff() }

// YOffset is the index of the first line shown.
func (s *scroller) YOffset() int { return s.off }

func (s *scroller) maxOff() int { return max(len(s.lines)-s.height, 0) }

func (s *scroller) clamp() { s.off = min(max(s.off, 0), s.maxOff()) }

// scrollBy moves the window n lines (negative: up).
func (s *scroller) scrollBy(n int) {
	s.off += n
	s.clamp()
}

// Update scrolls for the viewport's keys and the mouse wheel.
func (s *scroller) Update(msg tea.Msg) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, s.keys.PageDown):
			s.scrollBy(s.height)
		case key.Matches(msg, s.keys.PageUp):
			s.scrollBy(-s.height)
		case key.Matches(msg, s.keys.HalfPageDown):
			s.scrollBy(max(s.height/2, 1))
		case key.Matches(msg, s.keys.HalfPageUp):
			s.scrollBy(-max(s.height/2, 1))
		case key.Matches(msg, s.keys.Down):
			s.scrollBy(1)
		case key.Matches(msg, s.keys.Up):
			s.scrollBy(-1)
		}
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelDown:
			s.scrollBy(3)
		case tea.MouseWheelUp:
			s.scrollBy(-3)
		}
	}
}

// View is the lines shown, exactly height of them.
func (s *scroller) View() string {
	var b strings.Builder
	s.writeTo(&b)
	return b.String()
}

// writeTo writes View to b: a screen draws the lines straight into its frame, rather than
// joining them first into a string it copies again.
func (s *scroller) writeTo(b *strings.Builder) {
	end := min(s.off+s.height, len(s.lines))
	for i := range s.height {
		if i > 0 {
			b.WriteByte('\n')
		}
		if s.off+i < end {
			b.WriteString(s.lines[s.off+i])
		}
	}
}

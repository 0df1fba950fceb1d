package textedit

import (
	"strings"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Styles are how editors draw the cell under the cursor, the placeholder and the prompt. Make
// them once with NewStyles and share them between editors: they never change, and making them
// is the one costly part (each style is rendered to find its sequences).
type Styles struct {
	cursor, placeholder, prompt paint
}

// NewStyles makes Styles of plain Lip Gloss styles. They are applied to short strings only (a
// cell, a row of the placeholder, the prompt), never to the whole view.
func NewStyles(cursor, placeholder, prompt lipgloss.Style) *Styles {
	return &Styles{cursor: newPaint(cursor), placeholder: newPaint(placeholder), prompt: newPaint(prompt)}
}

// DefaultStyles draw the cursor in reverse video and everything else plain.
func DefaultStyles() *Styles {
	s := defaultStyles
	return &s
}

var defaultStyles = Styles{cursor: paint{pre: "\x1b[7m", suf: "\x1b[m", wraps: true}, placeholder: plain, prompt: plain}

// Options set up a Model; they do not change afterwards.
type Options struct {
	// Prompt starts every row ("│ "); it is cut when the width leaves no room for text.
	Prompt string
	// Placeholder is shown, wrapped, while the text is empty.
	Placeholder string
	// Limit is the most characters (runes, a newline counting as one) the text may hold;
	// 0 means no limit. Input beyond it is refused, and a paste is cut to fit.
	Limit int
	// Styles of the cursor, the placeholder and the prompt; nil means DefaultStyles.
	Styles *Styles
	// Clean, when set, is applied to everything typed, pasted or set before the editor's own
	// cleaning (which drops control characters and turns tabs into four spaces).
	Clean func(string) string
}

// Default size of a new editor, before SetWidth and SetHeight.
const (
	defaultWidth  = 40
	defaultHeight = 6
)

// Model is the editor. Use it through a pointer: it keeps its layout and view between calls.
type Model struct {
	opt Options

	text  string
	runes int // utf8.RuneCountInString(text), kept as the text changes
	pos   int // the cursor: a byte offset into text, always on a grapheme cluster boundary
	goal  int // the column up and down aim for; -1 until a vertical move sets it
	focus bool

	width, height int
	tw            int    // cells a row of text may take: the width less the prompt
	rawPrompt     string // the prompt cut to fit the width
	prompt        string // rawPrompt styled
	// promptW is the cells the whole prompt takes, measured once: an editor is made for every
	// screen on every move and sized twice, and measuring its bar took most of that.
	promptW int

	st *Styles

	rows    []row // the wrapped rows of text, in order
	spare   []row // scratch for the rows of an edited line
	laidOut bool  // rows match text and tw
	top     int   // the first row shown

	held []string // the placeholder wrapped to tw; nil until drawn

	view  string
	fresh bool // view shows the current state
}

// New returns an empty, blurred editor of 40×6 cells.
func New(opt Options) *Model {
	if opt.Limit < 0 {
		opt.Limit = 0
	}
	st := opt.Styles
	if st == nil {
		st = &defaultStyles
	}
	m := &Model{opt: opt, st: st, goal: -1, height: defaultHeight, promptW: ansi.StringWidth(opt.Prompt)}
	m.SetWidth(defaultWidth)
	return m
}

// Value is the text.
func (m *Model) Value() string { return m.text }

// SetValue replaces the text, cleaned and cut to the limit, and puts the cursor at its end.
func (m *Model) SetValue(s string) {
	s, _ = m.fit(m.clean(s), m.opt.Limit)
	m.text, m.runes = s, utf8.RuneCountInString(s)
	m.pos, m.goal, m.top = len(s), -1, 0
	m.laidOut, m.fresh = false, false
}

// Length is the number of characters (runes) in the text.
func (m *Model) Length() int { return m.runes }

// LineCount is the number of lines in the text, counted by its newlines (not wrapped rows).
func (m *Model) LineCount() int { return strings.Count(m.text, "\n") + 1 }

// Focused says whether the editor takes keys and shows its cursor.
func (m *Model) Focused() bool { return m.focus }

// Focus makes the editor take keys and show its cursor.
func (m *Model) Focus() {
	if !m.focus {
		m.focus, m.fresh = true, false
	}
}

// Blur makes the editor ignore keys and hide its cursor.
func (m *Model) Blur() {
	if m.focus {
		m.focus, m.fresh = false, false
	}
}

// Width is the width set by SetWidth: the cells each row of the view takes at most, prompt
// included.
func (m *Model) Width() int { return m.width }

// Height is the number of rows the view shows.
func (m *Model) Height() int { return m.height }

// SetWidth sets how many cells each row of the view may take, prompt included (at least 1).
// The text keeps at least one cell per row; the prompt gives way first.
func (m *Model) SetWidth(w int) {
	w = max(w, 1)
	if w == m.width {
		return
	}
	m.width = w
	p, pw := m.opt.Prompt, m.promptW
	if pw > w-1 {
		p = ansi.Truncate(p, w-1, "")
		pw = ansi.StringWidth(p)
	}
	tw := w - pw
	if p != m.rawPrompt {
		m.rawPrompt, m.prompt = p, ""
		if p != "" {
			m.prompt = m.st.prompt.on(p)
		}
	}
	if tw != m.tw {
		m.tw, m.laidOut, m.held = tw, false, nil
	}
	m.fresh = false
}

// SetStyles changes how the editor draws (after the terminal's colours became known).
func (m *Model) SetStyles(st *Styles) {
	if st == nil {
		st = &defaultStyles
	}
	if st != m.st {
		m.st, m.fresh = st, false
		if m.rawPrompt != "" {
			m.prompt = st.prompt.on(m.rawPrompt)
		}
	}
}

// SetHeight sets how many rows the view shows (at least 1).
func (m *Model) SetHeight(h int) {
	h = max(h, 1)
	if h != m.height {
		m.height, m.fresh = h, false
	}
}

// InsertString inserts s at the cursor as if it were pasted: cleaned, and cut to the limit.
// It reports whether all of s went in.
func (m *Model) InsertString(s string) bool {
	return m.insert(m.clean(s))
}

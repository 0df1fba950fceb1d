package textedit

import tea "charm.land/bubbletea/v2"

// The keys, as tea.KeyPressMsg.String names them. They are those of Bubbles' text area, less
// the ones that reach a clipboard (on a server, that would be the server's), select, or change
// the case of words.
const (
	actLeft = iota + 1
	actRight
	actUp
	actDown
	actWordLeft
	actWordRight
	actRowStart
	actRowEnd
	actLineStart
	actLineEnd
	actPageUp
	actPageDown
	actTop
	actBottom
	actNewline
	actBackspace
	actDelete
	actDeleteWordBack
	actDeleteWordForward
	actDeleteToLineEnd
	actDeleteToLineStart
)

// firstEdit is the first action that changes the text: those before it only move the cursor.
const firstEdit = actNewline

var actions = map[string]int{
	"left": actLeft, "ctrl+b": actLeft,
	"right": actRight, "ctrl+f": actRight,
	"up": actUp, "ctrl+p": actUp,
	"down": actDown, "ctrl+n": actDown,
	"alt+left": actWordLeft, "ctrl+left": actWordLeft, "alt+b": actWordLeft,
	"alt+right": actWordRight, "ctrl+right": actWordRight, "alt+f": actWordRight,
	"home": actRowStart, "end": actRowEnd,
	"ctrl+a": actLineStart, "ctrl+e": actLineEnd,
	"pgup": actPageUp, "pgdown": actPageDown,
	"ctrl+home": actTop, "alt+<": actTop,
	"ctrl+end": actBottom, "alt+>": actBottom,

	"enter": actNewline, "ctrl+m": actNewline,
	"backspace": actBackspace, "ctrl+h": actBackspace,
	"delete": actDelete, "ctrl+d": actDelete,
	"ctrl+w": actDeleteWordBack, "alt+backspace": actDeleteWordBack, "ctrl+backspace": actDeleteWordBack,
	"alt+d": actDeleteWordForward, "alt+delete": actDeleteWordForward, "ctrl+delete": actDeleteWordForward,
	"ctrl+k": actDeleteToLineEnd,
	"ctrl+u": actDeleteToLineStart,
}

// Moves says whether a key only moves the cursor (a screen whose text may not change can
// still let it through).
func Moves(msg tea.KeyPressMsg) bool {
	a := actions[msg.String()]
	return a != 0 && a < firstEdit
}

// Update handles a key or a paste while the editor is focused, and reports whether the text
// changed. A key with text inserts it; a paste inserts its content, cut to the limit.
func (m *Model) Update(msg tea.Msg) (changed bool) {
	if !m.focus {
		return false
	}
	switch msg := msg.(type) {
	case tea.PasteMsg:
		return m.edit(func() { m.InsertString(msg.Content) })
	case tea.KeyPressMsg:
		if a := actions[msg.String()]; a != 0 {
			return m.act(a)
		}
		if msg.Text != "" {
			return m.edit(func() { m.InsertString(msg.Text) })
		}
	}
	return false
}

// edit runs f and says whether it changed the text.
func (m *Model) edit(f func()) bool {
	n, before := len(m.text), m.text
	f()
	return len(m.text) != n || m.text != before
}

// act does one action and says whether the text changed.
func (m *Model) act(a int) bool {
	m.layout()
	p, end := m.pos, len(m.text)
	cr := m.rowOf(p)
	ls, le := lineStart(m.text, p), lineEnd(m.text, p)
	switch a {
	case actLeft:
		if p > 0 {
			m.moveTo(m.prev(p))
		}
	case actRight:
		if p < end {
			m.moveTo(m.next(p))
		}
	case actUp:
		m.vertical(cr - 1)
	case actDown:
		m.vertical(cr + 1)
	case actWordLeft:
		m.moveTo(m.wordLeft(p, false))
	case actWordRight:
		m.moveTo(m.wordRight(p, false))
	case actRowStart:
		m.moveTo(m.rows[cr].start)
	case actRowEnd:
		m.moveTo(m.last(m.rows[cr]))
	case actLineStart:
		m.moveTo(ls)
	case actLineEnd:
		m.moveTo(le)
	case actPageUp:
		if cr > m.top {
			m.vertical(m.top) // first to the top of the page, then a page up
		} else {
			m.vertical(cr - m.height)
		}
	case actPageDown:
		if bottom := min(m.top+m.height, len(m.rows)) - 1; cr < bottom {
			m.vertical(bottom)
		} else {
			m.vertical(cr + m.height)
		}
	case actTop:
		m.moveTo(0)
	case actBottom:
		m.moveTo(end)

	case actNewline:
		return m.insert("\n")
	case actBackspace:
		return p > 0 && m.remove(m.prev(p), p)
	case actDelete:
		return p < end && m.remove(p, m.next(p))
	case actDeleteWordBack:
		if p == ls { // at the start of a line, it joins the line above
			return p > 0 && m.remove(p-1, p)
		}
		return m.remove(m.wordLeft(p, true), p)
	case actDeleteWordForward:
		if p == le {
			return p < end && m.remove(p, p+1)
		}
		return m.remove(p, m.wordRight(p, true))
	case actDeleteToLineEnd:
		if p == le {
			return p < end && m.remove(p, p+1)
		}
		return m.remove(p, le)
	case actDeleteToLineStart:
		if p == ls {
			return p > 0 && m.remove(p-1, p)
		}
		return m.remove(ls, p)
	}
	return false
}

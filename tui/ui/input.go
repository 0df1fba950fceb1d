package ui

import "charm.land/bubbles/v2/textinput"

// SteadyCursor stops a field's cursor from blinking: a blinking cursor redraws the screen
// twice a second for every participant, which thin connections feel.
func SteadyCursor(ti *textinput.Model) {
	s := ti.Styles()
	s.Cursor.Blink = false
	ti.SetStyles(s)
}

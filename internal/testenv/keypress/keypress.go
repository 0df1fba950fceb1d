package keypress

import (
	"strings"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
)

// Named makes the key press a name stands for: a character ("a", "A", "中"), a named key
// ("enter", "esc", "pgdown", "f1", "f3"…), either after any of the prefixes "ctrl+", "shift+" and
// "alt+". An upper-case letter is pressed with shift, as a terminal reports it.
func Named(name string) tea.KeyPressMsg {
	mod, base := modifiers(name)
	if code, ok := namedCode(base); ok {
		k := tea.KeyPressMsg{Code: code, Mod: mod}
		if code == tea.KeySpace && mod == 0 {
			k.Text = " "
		}
		return k
	}
	r, _ := utf8.DecodeRuneInString(base)
	if mod != 0 {
		return tea.KeyPressMsg{Code: r, Mod: mod}
	}
	k := tea.KeyPressMsg{Code: r, Text: base}
	if strings.ToLower(base) != base {
		k.Code, k.ShiftedCode, k.Mod = []rune(strings.ToLower(base))[0], r, tea.ModShift
	}
	return k
}

// modifiers splits the "ctrl+", "shift+" and "alt+" prefixes off a key name.
func modifiers(name string) (tea.KeyMod, string) {
	var mod tea.KeyMod
	base := name
	for {
		switch {
		case strings.HasPrefix(base, "ctrl+") && len(base) > 5:
			mod |= tea.ModCtrl
			base = base[5:]
		case strings.HasPrefix(base, "shift+") && len(base) > 6:
			mod |= tea.ModShift
			base = base[6:]
		case strings.HasPrefix(base, "alt+") && len(base) > 4:
			mod |= tea.ModAlt
			base = base[4:]
		default:
			return mod, base
		}
	}
}

// namedCode is the code of a named key.
func namedCode(name string) (rune, bool) {
	switch name {
	case "enter":
		return tea.KeyEnter, true
	case "esc":
		return tea.KeyEscape, true
	case "tab":
		return tea.KeyTab, true
	case "space":
		return tea.KeySpace, true
	case "up":
		return tea.KeyUp, true
	case "down":
		return tea.KeyDown, true
	case "left":
		return tea.KeyLeft, true
	case "right":
		return tea.KeyRight, true
	case "home":
		return tea.KeyHome, true
	case "end":
		return tea.KeyEnd, true
	case "backspace":
		return tea.KeyBackspace, true
	case "delete":
		return tea.KeyDelete, true
	case "pgup":
		return tea.KeyPgUp, true
	case "pgdown":
		return tea.KeyPgDown, true
	case "f1":
		return tea.KeyF1, true
	case "f2":
		return tea.KeyF2, true
	case "f3":
		return tea.KeyF3, true
	}
	return 0, false
}

// Typed is the key presses of typing s, one a character (a space is the space key).
func Typed(s string) []tea.KeyPressMsg {
	var out []tea.KeyPressMsg
	for _, r := range s {
		out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return out
}

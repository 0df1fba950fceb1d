package tui

import (
	"strings"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
)

// keyPress makes the key press a name stands for ("a", "ctrl+s", "shift+up", "space"…), as
// the editors' harness in package exercise does.
func keyPress(name string) tea.KeyPressMsg {
	var mod tea.KeyMod
	base := name
	for {
		switch {
		case strings.HasPrefix(base, "ctrl+") && len(base) > 5:
			mod |= tea.ModCtrl
			base = base[5:]
			continue
		case strings.HasPrefix(base, "shift+") && len(base) > 6:
			mod |= tea.ModShift
			base = base[6:]
			continue
		case strings.HasPrefix(base, "alt+") && len(base) > 4:
			mod |= tea.ModAlt
			base = base[4:]
			continue
		}
		break
	}
	if code, ok := namedKeys[base]; ok {
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

var namedKeys = map[string]rune{
	"enter": tea.KeyEnter, "esc": tea.KeyEscape, "tab": tea.KeyTab, "space": tea.KeySpace,
	"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
	"home": tea.KeyHome, "end": tea.KeyEnd, "backspace": tea.KeyBackspace, "delete": tea.KeyDelete,
	"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "f1": tea.KeyF1,
}

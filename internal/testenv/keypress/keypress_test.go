package keypress

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// Names read as the keys a terminal reports: modifiers, named keys, capitals with shift.
func TestNamed(t *testing.T) {
	cases := map[string]tea.KeyPressMsg{
		"a":            {Code: 'a', Text: "a"},
		"K":            {Code: 'k', ShiftedCode: 'K', Mod: tea.ModShift, Text: "K"},
		"space":        {Code: tea.KeySpace, Text: " "},
		"ctrl+s":       {Code: 's', Mod: tea.ModCtrl},
		"shift+up":     {Code: tea.KeyUp, Mod: tea.ModShift},
		"ctrl+alt+end": {Code: tea.KeyEnd, Mod: tea.ModCtrl | tea.ModAlt},
		"f1":           {Code: tea.KeyF1},
		"中":            {Code: '中', Text: "中"},
	}
	for name, want := range cases {
		if got := Named(name); got != want {
			t.Errorf("%q: %+v, want %+v", name, got, want)
		}
		if got := Named(name).String(); got == "" {
			t.Errorf("%q names no key", name)
		}
	}
	if got := Typed("a b"); len(got) != 3 || got[1] != Named("space") {
		t.Errorf("Typed: %+v", got)
	}
}

package exercise

import (
	"charm.land/bubbles/v2/key"

	"workshop/tui/ui"
)

// Keys are the bindings of the exercise editors and the participant view's live actions,
// made once per participant screen from the app's ui.KeyMap so that editors and help agree,
// in the key map's language. Arrows and vi keys both work everywhere.
type Keys struct {
	Up, Down, Left, Right key.Binding
	Top, Bottom           key.Binding
	Submit                key.Binding
	Enter                 key.Binding
	Cancel                key.Binding
	Add, Edit, Delete     key.Binding
	MoveUp, MoveDown      key.Binding
	Yes                   key.Binding
	More, Less            key.Binding
	Toggle                key.Binding
	Place, Unplace        key.Binding
	Quadrant              key.Binding
	Rate                  key.Binding
	Results               key.Binding
	NextField, PrevField  key.Binding
	Rename                key.Binding
	Hand, Bell            key.Binding
}

// NewKeys derives the editors' bindings from the app's key map, with help in its language.
func NewKeys(k ui.KeyMap) Keys {
	p := k.Printer()
	b := func(keys []string, help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return Keys{
		Up:        k.Up,
		Down:      k.Down,
		Left:      b([]string{"left", "h"}, "←/h", p.T("left")),
		Right:     b([]string{"right", "l"}, "→/l", p.T("right")),
		Top:       b([]string{"home"}, "home", p.T("first")),
		Bottom:    b([]string{"end", "G"}, "end/G", p.T("last")),
		Submit:    k.Submit,
		Enter:     ui.Relabel(k.Enter, "enter", p.T("save")),
		Cancel:    ui.Relabel(k.Back, "esc", p.T("cancel")),
		Add:       b([]string{"a", "i", "o"}, "a", p.T("add")),
		Edit:      b([]string{"e", "enter"}, "e", p.T("edit")),
		Delete:    b([]string{"d", "delete", "x"}, "d", p.T("delete")),
		MoveUp:    b([]string{"shift+up", "K"}, "K/shift+↑", p.T("move up")),
		MoveDown:  b([]string{"shift+down", "J"}, "J/shift+↓", p.T("move down")),
		Yes:       b([]string{"y", "Y"}, "y", p.T("yes")),
		More:      b([]string{"right", "l", "+", "=", "space"}, "→/+", p.T("add dot")),
		Less:      b([]string{"left", "h", "-", "backspace"}, "←/-", p.T("take dot")),
		Toggle:    b([]string{"space", "x"}, "space", p.T("tick")),
		Place:     b([]string{"enter", "m"}, "enter", p.T("move")),
		Unplace:   b([]string{"u", "delete", "backspace"}, "u", p.T("take off")),
		Quadrant:  b([]string{"1", "2", "3", "4"}, "1-4", p.T("put in quadrant")),
		Rate:      b([]string{"1", "2", "3", "4", "5"}, "1-5", p.T("rate")),
		Results:   b([]string{"r"}, "r", p.T("results")),
		NextField: b([]string{"tab"}, "tab", p.T("next cell")),
		PrevField: b([]string{"shift+tab"}, "shift+tab", p.T("previous cell")),
		Rename:    b([]string{"r"}, "r", p.T("rename stage")),
		Hand:      b([]string{"ctrl+r"}, "ctrl+r", p.T("ask for help")),
		Bell:      b([]string{"b"}, "b", p.T("bell on/off")),
	}
}

package exercise

import (
	"charm.land/bubbles/v2/key"

	"workshop/tui/ui"
)

// Keys are the bindings of the exercise editors and the participant view's live actions,
// made once per participant screen from the app's ui.KeyMap so that editors and help agree.
// Arrows and vi keys both work everywhere.
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

func NewKeys(k ui.KeyMap) Keys {
	b := key.NewBinding
	return Keys{
		Up:        k.Up,
		Down:      k.Down,
		Left:      b(key.WithKeys("left", "h"), key.WithHelp("←/h", "left")),
		Right:     b(key.WithKeys("right", "l"), key.WithHelp("→/l", "right")),
		Top:       b(key.WithKeys("home"), key.WithHelp("home", "first")),
		Bottom:    b(key.WithKeys("end", "G"), key.WithHelp("end/G", "last")),
		Submit:    k.Submit,
		Enter:     ui.Relabel(k.Enter, "enter", "save"),
		Cancel:    ui.Relabel(k.Back, "esc", "cancel"),
		Add:       b(key.WithKeys("a", "i", "o"), key.WithHelp("a", "add")),
		Edit:      b(key.WithKeys("e", "enter"), key.WithHelp("e", "edit")),
		Delete:    b(key.WithKeys("d", "delete", "x"), key.WithHelp("d", "delete")),
		MoveUp:    b(key.WithKeys("shift+up", "K"), key.WithHelp("K/shift+↑", "move up")),
		MoveDown:  b(key.WithKeys("shift+down", "J"), key.WithHelp("J/shift+↓", "move down")),
		Yes:       b(key.WithKeys("y", "Y"), key.WithHelp("y", "yes")),
		More:      b(key.WithKeys("right", "l", "+", "=", "space"), key.WithHelp("→/+", "add dot")),
		Less:      b(key.WithKeys("left", "h", "-", "backspace"), key.WithHelp("←/-", "take dot")),
		Toggle:    b(key.WithKeys("space", "x"), key.WithHelp("space", "tick")),
		Place:     b(key.WithKeys("enter", "m"), key.WithHelp("enter", "move")),
		Unplace:   b(key.WithKeys("u", "delete", "backspace"), key.WithHelp("u", "take off")),
		Quadrant:  b(key.WithKeys("1", "2", "3", "4"), key.WithHelp("1-4", "put in quadrant")),
		Rate:      b(key.WithKeys("1", "2", "3", "4", "5"), key.WithHelp("1-5", "rate")),
		Results:   b(key.WithKeys("r"), key.WithHelp("r", "results")),
		NextField: b(key.WithKeys("tab"), key.WithHelp("tab", "next cell")),
		PrevField: b(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous cell")),
		Rename:    b(key.WithKeys("r"), key.WithHelp("r", "rename stage")),
		Hand:      b(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", "ask for help")),
		Bell:      b(key.WithKeys("b"), key.WithHelp("b", "bell on/off")),
	}
}

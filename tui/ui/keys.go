package ui

import "charm.land/bubbles/v2/key"

// KeyMap is every key binding of the app, made once and passed to each model so help and
// handling never disagree.
type KeyMap struct {
	Quit      key.Binding
	Help      key.Binding
	Enter     key.Binding
	Back      key.Binding
	Up        key.Binding
	Down      key.Binding
	PageUp    key.Binding
	PageDown  key.Binding
	Focus     key.Binding
	Submit    key.Binding
	Next      key.Binding
	Prev      key.Binding
	StepBack  key.Binding
	StepAhead key.Binding
	Present   key.Binding
}

// DefaultKeyMap returns the standard bindings: arrows and vi keys both work.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Quit:      key.NewBinding(key.WithKeys("ctrl+c", "ctrl+q"), key.WithHelp("ctrl+c", "leave")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "more keys")),
		Enter:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose")),
		Back:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:      key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:    key.NewBinding(key.WithKeys("pgup", "ctrl+u"), key.WithHelp("pgup", "scroll up")),
		PageDown:  key.NewBinding(key.WithKeys("pgdown", "ctrl+d"), key.WithHelp("pgdn", "scroll down")),
		Focus:     key.NewBinding(key.WithKeys("tab", "shift+tab"), key.WithHelp("tab", "guidance/answer")),
		Submit:    key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "submit")),
		Next:      key.NewBinding(key.WithKeys("n", "right", "l"), key.WithHelp("n/→", "next step")),
		Prev:      key.NewBinding(key.WithKeys("p", "left", "h"), key.WithHelp("p/←", "previous step")),
		StepBack:  key.NewBinding(key.WithKeys("alt+left", "["), key.WithHelp("[", "earlier step")),
		StepAhead: key.NewBinding(key.WithKeys("alt+right", "]"), key.WithHelp("]", "later step")),
		Present:   key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "back to group's step")),
	}
}

// Relabel returns a copy of a binding with other help text, for the short help line where
// space is tight.
func Relabel(b key.Binding, keys, desc string) key.Binding {
	c := b
	c.SetHelp(keys, desc)
	return c
}

package ui

import (
	"charm.land/bubbles/v2/key"

	"workshop/i18n"
)

// KeyMap is every key binding of the app, made once and passed to each model so help and
// handling never disagree. Its help texts are in the language of the printer it was made
// with, which the editors' own bindings (exercise.NewKeys) follow too.
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

	p *i18n.Printer
}

// DefaultKeyMap returns the standard bindings with English help: arrows and vi keys both work.
func DefaultKeyMap() KeyMap { return NewKeyMap(nil) }

// NewKeyMap returns the standard bindings with their help in p's language (English for nil).
// The keys themselves are the same in every language.
func NewKeyMap(p *i18n.Printer) KeyMap {
	if p == nil {
		p = i18n.New(i18n.English)
	}
	b := func(keys []string, help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return KeyMap{
		Quit:      b([]string{"ctrl+c", "ctrl+q"}, "ctrl+c", p.T("leave")),
		Help:      b([]string{"?"}, "?", p.T("more keys")),
		Enter:     b([]string{"enter"}, "enter", p.T("choose")),
		Back:      b([]string{"esc"}, "esc", p.T("back")),
		Up:        b([]string{"up", "k"}, "↑/k", p.T("up")),
		Down:      b([]string{"down", "j"}, "↓/j", p.T("down")),
		PageUp:    b([]string{"pgup", "ctrl+u"}, "pgup", p.T("scroll up")),
		PageDown:  b([]string{"pgdown", "ctrl+d"}, "pgdn", p.T("scroll down")),
		Focus:     b([]string{"tab", "shift+tab"}, "tab", p.T("guidance/answer")),
		Submit:    b([]string{"ctrl+s"}, "ctrl+s", p.T("submit")),
		Next:      b([]string{"n", "right", "l"}, "n/→", p.T("next step")),
		Prev:      b([]string{"p", "left", "h"}, "p/←", p.T("previous step")),
		StepBack:  b([]string{"alt+left", "["}, "[", p.T("earlier step")),
		StepAhead: b([]string{"alt+right", "]"}, "]", p.T("later step")),
		Present:   b([]string{"g"}, "g", p.T("back to group's step")),
		p:         p,
	}
}

// Printer is the printer the key map's help is written by, for bindings made from it.
func (k KeyMap) Printer() *i18n.Printer {
	if k.p == nil {
		return i18n.New(i18n.English)
	}
	return k.p
}

// Relabel returns a copy of a binding with other help text, for the short help line where
// space is tight.
func Relabel(b key.Binding, keys, desc string) key.Binding {
	c := b
	c.SetHelp(keys, desc)
	return c
}

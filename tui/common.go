package tui

import (
	"workshop/i18n"
	"workshop/tui/ui"
)

// Common is what every screen of one session is given when it is made: the session's
// dependencies, its styles, its keys and the language it speaks. The App makes it once and
// passes it to each screen's constructor; screens embed it, so r.deps, r.st, r.keys and
// r.T("…") read the same things everywhere.
//
// A Common is not changed once screens hold it: the styles are shared by pointer and restyled
// in place on the program's loop; choosing another language makes a new Common (withLang)
// for the screens made after it, with the keys' help in that language too.
type Common struct {
	deps *Deps
	st   *Styles
	keys KeyMap
	*i18n.Printer
}

// newCommon puts a session's shared pieces together; the keys' help speaks p's language
// (English for nil).
func newCommon(deps *Deps, st *Styles, p *i18n.Printer) *Common {
	if p == nil {
		p = i18n.New(i18n.English)
	}
	return &Common{deps: deps, st: st, keys: ui.NewKeyMap(p), Printer: p}
}

// withLang is a copy of c that speaks l.
func (c *Common) withLang(l i18n.Lang) *Common {
	n := *c
	n.Printer = i18n.New(l)
	n.keys = ui.NewKeyMap(n.Printer)
	return &n
}

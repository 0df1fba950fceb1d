package i18n

import (
	"fmt"
	"strings"

	"golang.org/x/text/message"
)

// Printer prints the interface's messages in one language. It is immutable and safe for any
// number of goroutines; New returns a shared one per language.
type Printer struct {
	lang    Lang
	p       *message.Printer
	en      *message.Printer
	has     map[string]entry
	enHas   map[string]entry
	missing func(key string) string // nil: fall back to English
}

// Msg is a message chosen before its reader's language is known (an error made in session, a
// label in a table): its English key and its arguments. Printer.Msg prints it.
type Msg struct {
	Key  string
	Args []any
	// text is printed as it is when Key is empty: words that are not ours to translate.
	text string
	// foreign marks text in English from code that has no catalog entry yet: a strict
	// printer shows it as missing.
	foreign bool
}

// M names a message to print later. Its key must be a string literal, like Printer.T's.
func M(key string, args ...any) Msg { return Msg{Key: key, Args: args} }

// Verbatim is text printed as it is in every language: a name, what someone typed, a
// module's own words.
func Verbatim(s string) Msg { return Msg{text: s} }

// Untranslated is English text from a place that has no catalog entry for it (an error
// message made by a library): printed as it is, but marked by a Strict printer so a test finds
// it.
func Untranslated(s string) Msg { return Msg{text: s, foreign: true} }

// String is the message in English, for logs and for code that has no reader.
func (m Msg) String() string { return New(English).Msg(m) }

// IsZero reports whether m names no message.
func (m Msg) IsZero() bool { return m.Key == "" && m.text == "" }

var printers = func() map[Lang]*Printer {
	out := map[Lang]*Printer{}
	for _, l := range Languages {
		out[l] = newPrinter(l, nil)
	}
	return out
}()

// New returns the printer of language l (English for a language the interface does not speak).
func New(l Lang) *Printer {
	if p, ok := printers[l]; ok {
		return p
	}
	return printers[English]
}

// Strict returns a printer of l that prints a key with no translation in l as ⟦key⟧, so a
// test walking the screens can see every message left untranslated.
func Strict(l Lang) *Printer {
	return newPrinter(l, func(key string) string { return "⟦" + key + "⟧" })
}

func newPrinter(l Lang, missing func(string) string) *Printer {
	cs, err := loadCatalogs()
	p := &Printer{lang: l, missing: missing}
	if err != nil || cs == nil {
		// A catalog that does not read is a defect the package's tests catch; the interface
		// is then English rather than broken.
		p.p = message.NewPrinter(English.tag())
		p.en = p.p
		return p
	}
	p.p = message.NewPrinter(l.tag(), message.Catalog(cs.cat))
	p.en = message.NewPrinter(English.tag(), message.Catalog(cs.cat))
	p.has = cs.byLang[l]
	p.enHas = cs.byLang[English]
	return p
}

// Lang is the printer's language.
func (p *Printer) Lang() Lang { return p.lang }

// T prints the message whose English text is key, with its arguments, in the printer's
// language. key must be a string literal (a test reads every call). A key may start with a
// context, "context|text", where one English text needs two translations; English prints the
// text alone.
func (p *Printer) T(key string, args ...any) string {
	copied := false
	for i, a := range args {
		if m, ok := a.(Msg); ok { // a message inside a message prints in the same language
			if !copied {
				args, copied = append([]any(nil), args...), true // the caller's slice stays as it was
			}
			args[i] = p.Msg(m)
		}
	}
	if e, ok := p.has[key]; ok {
		if e.forms == nil {
			if s, ok := quick(e.text, args); ok {
				return s
			}
		}
		return p.p.Sprintf(key, args...)
	}
	if p.lang != English && p.missing != nil {
		return p.missing(key)
	}
	if _, ok := p.enHas[key]; ok {
		return p.en.Sprintf(key, args...)
	}
	text := key
	if i := strings.IndexByte(key, '|'); i >= 0 {
		text = key[i+1:]
	}
	if s, ok := quick(text, args); ok {
		return s
	}
	return p.p.Sprintf(text, args...)
}

// quick formats a message that has no number to write in the reader's convention: no verbs,
// or only text arguments and whole numbers below 1,000 (no digit grouping in any of the
// languages), which fmt writes exactly as x/text would, at a tenth of the cost. Screens draw
// many such messages on every frame.
func quick(text string, args []any) (string, bool) {
	if len(args) == 0 {
		if !strings.Contains(text, "%") {
			return text, true
		}
		return "", false
	}
	for _, a := range args {
		switch a := a.(type) {
		case string:
		case int:
			if a < 0 || a >= 1000 {
				return "", false
			}
		default:
			return "", false
		}
	}
	return fmt.Sprintf(text, args...), true
}

// Msg prints a message named with M, Verbatim or Untranslated. The zero Msg prints as "".
func (p *Printer) Msg(m Msg) string {
	if m.Key == "" {
		if m.foreign && p.lang != English && p.missing != nil {
			return p.missing(m.text)
		}
		return m.text
	}
	return p.T(m.Key, m.Args...)
}

package tui

import (
	"reflect"
	"unicode/utf8"

	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
)

// keyDecoder turns a session's input bytes into input events: keys, pastes, resize reports and
// the terminal's answers to the door's queries.
//
// It stands in for Ultraviolet's TerminalReader, whose decoding it shares (uv.EventDecoder does
// the work), because each TerminalReader builds its own table of key sequences: about 134 KB
// of map per session, the largest thing a connected session held, which every garbage
// collection then had to scan. The decoder recognises the same sequences without the table
// (TestKeyDecoderAgreesWithTerminalReader compares the two).
//
// A sequence may arrive in pieces: what cannot be decoded yet is kept until more bytes arrive,
// or until the caller decides it waited long enough and decodes with expired set. A lone ESC
// is then the escape key, not the start of a sequence.
type keyDecoder struct {
	dec     uv.EventDecoder
	pending []byte // bytes received and not yet decoded: the start of a sequence
	paste   []byte // the text of a bracketed paste under way; nil outside one
}

// maxPendingInput bounds the bytes kept while a sequence is incomplete: a client that sends
// the start of a sequence and never its end has it decoded as it is once this much waits.
const maxPendingInput = 16 << 10

// feed takes bytes read from the client and appends to out the events they complete.
func (d *keyDecoder) feed(out []uv.Event, b []byte) []uv.Event {
	d.pending = append(d.pending, b...)
	return d.decode(out, len(d.pending) > maxPendingInput)
}

// expire decodes what is pending as it is: the client sent nothing more in time, so an
// unfinished sequence is taken for what it decodes to now.
func (d *keyDecoder) expire(out []uv.Event) []uv.Event { return d.decode(out, true) }

// waiting reports whether bytes are kept for a sequence that is not complete yet.
func (d *keyDecoder) waiting() bool { return len(d.pending) > 0 }

func (d *keyDecoder) decode(out []uv.Event, expired bool) []uv.Event {
	buf := d.pending
	used := 0
	defer func() {
		// Keep the undecoded rest at the start of the buffer, which is reused.
		d.pending = d.pending[:copy(d.pending, buf[used:])]
	}()
	for used < len(buf) {
		rest := buf[used:]
		esc := rest[0] == ansi.ESC
		n, ev := d.dec.Decode(rest)
		if n <= 0 {
			break
		}
		// An ESC alone, or ESC and one byte, may be the start of a longer sequence: wait for
		// the rest unless the wait is over.
		short := esc && n <= 2 && !expired
		if d.paste != nil {
			if _, end := ev.(uv.PasteEndEvent); !end {
				switch ev := ev.(type) {
				case uv.KeyPressEvent:
					if ev.Text != "" {
						d.paste = append(d.paste, ev.Text...)
					} else {
						if short {
							return out
						}
						d.paste = append(d.paste, rest[:n]...) // enter, tab and the like, as typed
					}
				case uv.UnknownEvent:
					if !expired {
						return out
					}
				}
				used += n
				continue
			}
		}
		switch e := ev.(type) {
		case uv.UnknownEvent:
			if !expired {
				return out // perhaps the start of a sequence: wait for the rest
			}
			out = append(out, e)
			used += n
			continue
		case uv.PasteStartEvent:
			d.paste = []byte{}
		case uv.PasteEndEvent:
			out = append(out, uv.PasteEvent{Content: validRunes(d.paste)})
			d.paste = nil
		}
		if ignored(ev) {
			used += n
			continue
		}
		if short {
			return out
		}
		if m, ok := ev.(uv.MultiEvent); ok {
			out = append(out, m...)
		} else if ev != nil {
			out = append(out, ev)
		}
		used += n
	}
	return out
}

// validRunes is the pasted text with invalid UTF-8 dropped.
func validRunes(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	out := make([]rune, 0, len(b))
	for len(b) > 0 {
		r, w := utf8.DecodeRune(b)
		if r != utf8.RuneError {
			out = append(out, r)
		}
		b = b[w:]
	}
	return string(out)
}

// ignoredType is the type the decoder gives a sequence that is to be dropped (a control string
// cancelled half way). It is unexported in Ultraviolet, so it is found by its name;
// TestKeyDecoderDropsCancelledSequences notices if that changes.
var ignoredType = func() reflect.Type {
	var d uv.EventDecoder
	_, ev := d.Decode([]byte("\x1b]0;t\x18")) // an operating system command cancelled by CAN
	if t := reflect.TypeOf(ev); t != nil && t.Name() == "ignoredEvent" {
		return t
	}
	return nil
}()

func ignored(ev uv.Event) bool { return ignoredType != nil && reflect.TypeOf(ev) == ignoredType }

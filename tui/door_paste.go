package tui

import "bytes"

// Bracketed paste markers: a terminal wraps pasted text in them so it arrives as one paste
// instead of as typed keys.
var (
	pasteStart = []byte("\x1b[200~")
	pasteEnd   = []byte("\x1b[201~")
)

// MaxPaste is the most characters of one paste that reach a session. The input decoder holds
// a whole paste in memory before the screen sees it (about 36 bytes per pasted byte), so the
// paste has to be cut before the decoder, not after. It is twice the longest answer an
// exercise takes by default (a 4,000-character reflection): the screen still sees that a paste
// was too long and says it was cut, with the message it uses for any paste over its limit.
const MaxPaste = 8000

// pasteBound cuts bracketed pastes in a byte stream to at most max characters. Past the
// limit it closes the paste itself, so the decoder delivers what it has, and drops the rest of
// the paste up to the terminal's own end marker. A paste that never ends therefore costs at
// most max characters of memory; whatever follows it is dropped with it, which only a broken
// or hostile client ever sees. State is kept between calls, so a marker split across reads is
// still found.
type pasteBound struct {
	max int

	inPaste  bool
	dropping bool // past the limit: dropping until the end marker
	chars    int  // characters passed through in this paste
	bytes    int  // bytes passed through in this paste
	// matched counts the bytes of a marker seen so far: of the start marker outside a paste
	// (those bytes pass at once, so a lone escape key is never held back), of the end marker
	// inside one.
	matched int
	// held are the bytes inside a paste that may begin its end marker. They are kept back so
	// that a cut never falls inside a marker, which would leave the decoder waiting for an end
	// that never comes.
	held []byte
}

// filter appends to out the bytes of in that pass, and returns out.
func (b *pasteBound) filter(out, in []byte) []byte {
	for _, c := range in {
		switch {
		case !b.inPaste:
			out = append(out, c)
			if b.advance(pasteStart, c) {
				b.inPaste, b.dropping, b.chars, b.bytes = true, false, 0, 0
			}
		case b.dropping:
			if b.advance(pasteEnd, c) {
				b.inPaste, b.dropping = false, false
			}
		default:
			out = b.inside(out, c)
		}
	}
	return out
}

// advance matches one more byte against a marker and says whether the marker is complete.
func (b *pasteBound) advance(marker []byte, c byte) bool {
	switch c {
	case marker[b.matched]:
		b.matched++
	case marker[0]:
		b.matched = 1
	default:
		b.matched = 0
	}
	if b.matched == len(marker) {
		b.matched = 0
		return true
	}
	return false
}

// inside handles one byte of a paste that is still within its limit.
func (b *pasteBound) inside(out []byte, c byte) []byte {
	b.held = append(b.held, c)
	for len(b.held) > 0 {
		if bytes.HasPrefix(pasteEnd, b.held) {
			if len(b.held) < len(pasteEnd) {
				return out // maybe the end marker: wait for the next byte
			}
			b.held = b.held[:0]
			b.inPaste = false
			return append(out, pasteEnd...)
		}
		// The first held byte is pasted text; the ones after it may still begin the marker.
		first := b.held[0]
		b.held = append(b.held[:0], b.held[1:]...)
		out = b.text(out, first)
		if b.dropping {
			// Cut: what is still held is dropped, but may begin the terminal's end marker.
			b.matched = 0
			for _, h := range b.held {
				b.advance(pasteEnd, h)
			}
			b.held = b.held[:0]
			return out
		}
	}
	return out
}

// text passes one byte of pasted text, or cuts the paste when it is at its limit: max
// characters, or 4×max bytes (the most max characters of UTF-8 take), so that a stream of
// stray continuation bytes, which start no character, is bounded too.
func (b *pasteBound) text(out []byte, c byte) []byte {
	first := c&0xC0 != 0x80 // the first byte of a character (UTF-8 continuation bytes are 10xxxxxx)
	if (first && b.chars == b.max) || b.bytes == 4*b.max {
		b.dropping = true
		return append(out, pasteEnd...) // the decoder delivers the paste cut here
	}
	if first {
		b.chars++
	}
	b.bytes++
	return append(out, c)
}

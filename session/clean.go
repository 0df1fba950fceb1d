package session

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// TooLongError reports text over its size limit, in words a participant can act on.
type TooLongError struct {
	What  string // e.g. "answer", "name"
	Len   int    // characters given
	Limit int    // characters allowed
}

func (e *TooLongError) Error() string {
	return fmt.Sprintf("%s is %d characters; the limit is %d — shorten it by %d", e.What, e.Len, e.Limit, e.Len-e.Limit)
}

// CleanText makes text a person typed safe to store and show to others: it removes terminal
// escape and control sequences (CSI, OSC, DCS, SOS, PM, APC and lone ESC), C0 and C1 control
// characters and bidirectional overrides, replaces invalid UTF-8, turns CRLF and lone CR into
// newlines and tabs into spaces, and keeps newlines. It never fails; see Bound for limits.
func CleanText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			// Invalid byte: drop it rather than guess at an encoding.
			i++
			continue
		case r == 0x1b: // ESC starts a sequence; skip it whole.
			i = skipEscape(s, i+1)
			continue
		case r == 0x9b: // C1 CSI
			i = skipCSI(s, i+size)
			continue
		case r == 0x9d || r == 0x90 || r == 0x98 || r == 0x9e || r == 0x9f: // C1 OSC, DCS, SOS, PM, APC
			i = skipString(s, i+size)
			continue
		case r == '\r':
			b.WriteByte('\n')
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		case r == '\n':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteString("    ")
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			// Other control characters: bell, backspace, form feed, C1 controls...
		case isBidiControl(r):
			// Bidirectional overrides can make text read differently from what was stored.
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// CleanLine is CleanText for one-line values such as names: newlines become spaces, runs of
// spaces fold into one, and surrounding space is trimmed.
func CleanLine(s string) string {
	return strings.Join(strings.FieldsFunc(CleanText(s), unicode.IsSpace), " ")
}

// Bound returns an error when s holds more than limit characters (runes).
func Bound(what, s string, limit int) error {
	if n := utf8.RuneCountInString(s); limit > 0 && n > limit {
		return &TooLongError{What: what, Len: n, Limit: limit}
	}
	return nil
}

func isBidiControl(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c
}

// skipEscape returns the index after the escape sequence whose ESC was just before i.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '[':
		return skipCSI(s, i+1)
	case ']', 'P', 'X', '^', '_':
		return skipString(s, i+1)
	}
	// Two-byte or nF sequences: intermediates 0x20-0x2f then one final byte.
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
		i++
	}
	if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
		i++
	}
	return i
}

// skipCSI skips parameter and intermediate bytes and the final byte of a CSI sequence.
func skipCSI(s string, i int) int {
	for i < len(s) {
		c := s[i]
		i++
		if c >= 0x40 && c <= 0x7e {
			return i
		}
		if c < 0x20 || c > 0x3f && c < 0x40 || c >= 0x7f {
			// Not part of a well-formed CSI: stop here so the byte is judged on its own.
			return i - 1
		}
	}
	return i
}

// skipString skips an OSC/DCS/SOS/PM/APC payload up to BEL, ST (ESC \) or C1 ST.
func skipString(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == 0x07:
			return i + 1
		case s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\':
			return i + 2
		case s[i] == 0x1b:
			return i // a new sequence begins; let the caller handle it
		case strings.HasPrefix(s[i:], "\u009c"):
			return i + len("\u009c")
		}
		i++
	}
	return i
}

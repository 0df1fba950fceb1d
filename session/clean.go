package session

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"workshop/i18n"
)

// TooLongError reports text over its size limit, in words a participant can act on.
type TooLongError struct {
	What  i18n.Msg // e.g. "the answer", "name"
	Len   int      // characters given
	Limit int      // characters allowed
}

// Error is the refusal in English.
func (e *TooLongError) Error() string { return e.UserMsg().String() }

// UserMsg is the refusal in the reader's language.
func (e *TooLongError) UserMsg() i18n.Msg {
	return i18n.M("%s is %d characters; the limit is %d — shorten it by %d", e.What, e.Len, e.Limit, e.Len-e.Limit)
}

// CleanText makes text a person typed safe to store and show to others: it removes terminal
// escape and control sequences (CSI, OSC, DCS, SOS, PM, APC and lone ESC), C0 and C1 control
// characters, bidirectional overrides and characters that draw nothing (zero-width spaces,
// soft hyphens, word joiners, byte order marks and the other format characters; see
// invisible), drops invalid UTF-8, turns CRLF, lone CR and the Unicode line and paragraph
// separators into newlines and tabs into spaces, and keeps newlines. It never fails; see
// Bound for limits.
func CleanText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	last := rune(-1) // the last character written: joiners are kept only between some
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		out := ""
		switch {
		case r == utf8.RuneError && size <= 1:
			// Invalid byte: drop it rather than guess at an encoding.
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
			out = "\n"
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		case r == '\n' || r == 0x2028 || r == 0x2029:
			// A terminal shows neither line nor paragraph separators; both mean a new line.
			out = "\n"
		case r == '\t':
			out = "    "
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			// Other control characters: bell, backspace, form feed, C1 controls...
		case r >= tagFirst && r <= tagLast:
			// Tag letters draw nothing, except as the name of a subdivision flag (England,
			// Scotland, Wales): a black flag, a few tag letters, a cancel tag.
			if n := flagTags(s[i:]); n > 0 && last == blackFlag {
				b.WriteString(s[i : i+n])
				last = tagCancel
				i += n
				continue
			}
			i += tagRun(s[i:])
			continue
		case r == zwj || r == zwnj:
			// Past the end, or before an invalid byte, next is RuneError: no letter, no emoji.
			if next, n := utf8.DecodeRuneInString(s[i+size:]); n > 1 && joins(r, last, next) {
				out = s[i : i+size]
			}
		case invisible(r):
			// Drawn as nothing, so it could make two different texts look the same or hide text.
		default:
			out = s[i : i+size]
		}
		if out != "" {
			b.WriteString(out)
			last, _ = utf8.DecodeLastRuneInString(out)
		}
		i += size
	}
	return b.String()
}

// Characters CleanText treats by their context.
const (
	zwnj      = 0x200c
	zwj       = 0x200d
	blackFlag = 0x1f3f4
	tagFirst  = 0xe0000
	tagLast   = 0xe007f
	tagCancel = 0xe007f
)

// invisible says whether r draws nothing: the format characters (soft hyphen, zero-width
// space, word joiner, byte order mark, bidirectional controls...), the other default-ignorable
// characters (Hangul fillers among them) and the interlinear annotation marks, which hide
// text. Variation selectors stay, since they choose how the character before them looks
// (emoji or text, a CJK variant), and so do the visible prepended marks of Arabic numbers.
func invisible(r rune) bool {
	switch {
	case r < 0xa0:
		return false
	case r >= 0xfff9 && r <= 0xfffb:
		return true
	case unicode.Is(unicode.Variation_Selector, r), unicode.Is(unicode.Prepended_Concatenation_Mark, r):
		return false
	}
	return unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r)
}

// joiningScripts are the scripts in which a zero-width joiner or non-joiner between two
// letters changes how they are drawn (Persian words are written with non-joiners, Indic
// conjuncts with joiners).
var joiningScripts = []*unicode.RangeTable{
	unicode.Arabic, unicode.Syriac, unicode.Nko, unicode.Mongolian, unicode.Devanagari,
	unicode.Bengali, unicode.Gurmukhi, unicode.Gujarati, unicode.Oriya, unicode.Tamil,
	unicode.Telugu, unicode.Kannada, unicode.Malayalam, unicode.Sinhala, unicode.Myanmar,
	unicode.Khmer,
}

// joins says whether the joiner j between prev and next does something visible: a
// zero-width joiner between two emoji makes one (a family, a woman technologist), and either
// joiner between letters of a joining script shapes them. Anywhere else it is invisible.
func joins(j, prev, next rune) bool {
	letter := func(r rune) bool {
		return (unicode.IsLetter(r) || unicode.IsMark(r)) && unicode.In(r, joiningScripts...)
	}
	if letter(prev) && letter(next) {
		return true
	}
	emojiEnd := unicode.Is(unicode.So, prev) || (prev >= 0x1f3fb && prev <= 0x1f3ff) || prev == 0xfe0f
	return j == zwj && emojiEnd && unicode.Is(unicode.So, next)
}

// flagTags returns the length of the tag letters of a subdivision flag at the start of s (1 to
// 6 lower-case tag letters or digits and a cancel tag), or 0 when s does not start with one.
func flagTags(s string) int {
	for n, i := 0, 0; i < len(s) && n <= 7; n++ {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == tagCancel && n >= 1:
			return i
		case (r >= 0xe0030 && r <= 0xe0039) || (r >= 0xe0061 && r <= 0xe007a):
		default:
			return 0
		}
	}
	return 0
}

// tagRun returns the length of the run of tag characters at the start of s.
func tagRun(s string) int {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r < tagFirst || r > tagLast {
			break
		}
		i += size
	}
	return i
}

// CleanLine is CleanText for one-line values such as names: newlines become spaces, runs of
// spaces fold into one, and surrounding space is trimmed.
func CleanLine(s string) string {
	return strings.Join(strings.FieldsFunc(CleanText(s), unicode.IsSpace), " ")
}

// Bound returns an error when s holds more than limit characters (runes).
func Bound(what i18n.Msg, s string, limit int) error {
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

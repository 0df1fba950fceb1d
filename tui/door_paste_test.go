package tui

import (
	"bytes"
	"strings"
	"testing"
)

// filterAll runs input through a fresh bound in pieces of the given size, as reads would.
func filterAll(max int, in []byte, piece int) []byte {
	b := &pasteBound{max: max}
	var out []byte
	for len(in) > 0 {
		n := min(piece, len(in))
		out = b.filter(out, in[:n])
		in = in[n:]
	}
	return out
}

func TestPasteBound(t *testing.T) {
	paste := func(s string) string { return "\x1b[200~" + s + "\x1b[201~" }
	for _, tc := range []struct {
		name, in, want string
	}{
		{"typing passes", "hello\x1b[A\x1b", "hello\x1b[A\x1b"},
		{"short paste passes", "a" + paste("héllo") + "b", "a" + paste("héllo") + "b"},
		{"long paste is cut", paste(strings.Repeat("x", 20)) + "after", paste(strings.Repeat("x", 10)) + "after"},
		{"cut on a character boundary", paste(strings.Repeat("é", 20)), paste(strings.Repeat("é", 10))},
		{"unterminated paste is bounded", "\x1b[200~" + strings.Repeat("y", 1000), "\x1b[200~" + strings.Repeat("y", 10) + "\x1b[201~"},
		{"what follows an unterminated paste is dropped with it", "\x1b[200~" + strings.Repeat("y", 30) + "typed", "\x1b[200~" + strings.Repeat("y", 10) + "\x1b[201~"},
		{"escape inside a paste is text", paste("a\x1b[2b"), paste("a\x1b[2b")},
		{"end marker right at the limit", paste("0123456789"), paste("0123456789")},
		{"stray continuation bytes are bounded too", paste(strings.Repeat("\xa9", 100)), paste(strings.Repeat("\xa9", 40))},
		{"two pastes", paste(strings.Repeat("z", 15)) + paste("ok"), paste(strings.Repeat("z", 10)) + paste("ok")},
	} {
		for _, piece := range []int{1, 2, 3, 7, 4096} {
			if got := filterAll(10, []byte(tc.in), piece); string(got) != tc.want {
				t.Errorf("%s (reads of %d): got %q, want %q", tc.name, piece, got, tc.want)
			}
		}
	}
}

// FuzzPasteBound checks the bound's promises on any input read in any pieces: a paste never
// carries more than the limit, every paste that starts is closed before ordinary input
// resumes, and input outside pastes passes unchanged.
func FuzzPasteBound(f *testing.F) {
	f.Add([]byte("\x1b[200~hello\x1b[201~"), uint8(1))
	f.Add([]byte("\x1b[200~"+strings.Repeat("é", 40)), uint8(3))
	f.Add([]byte("\x1b[20\x1b[200~\x1b[201\x1b[201~x"), uint8(2))
	f.Fuzz(func(t *testing.T, in []byte, piece uint8) {
		const max = 16
		out := filterAll(max, in, int(piece)+1)
		// Walk the output: between a start and an end marker, count characters.
		rest := out
		for {
			i := bytes.Index(rest, pasteStart)
			if i < 0 {
				break
			}
			rest = rest[i+len(pasteStart):]
			j := bytes.Index(rest, pasteEnd)
			if j < 0 {
				// The last paste may still be open only if the input ended inside it (what
				// may begin its end marker is held back, not passed).
				if n := countChars(rest); n > max || len(rest) > 4*max {
					t.Fatalf("open paste holds %d characters in %d bytes", n, len(rest))
				}
				break
			}
			body := rest[:j]
			if n := countChars(body); n > max || len(body) > 4*max {
				t.Fatalf("paste of %d characters in %d bytes passed (limit %d): %q", n, len(body), max, body)
			}
			rest = rest[j+len(pasteEnd):]
		}
		if !bytes.Contains(in, pasteStart) && !bytes.Equal(in, out) {
			t.Fatalf("input without pastes changed: %q -> %q", in, out)
		}
	})
}

// countChars counts characters the way the bound does: bytes that do not continue one.
func countChars(b []byte) int {
	n := 0
	for _, c := range b {
		if c&0xC0 != 0x80 {
			n++
		}
	}
	return n
}

package tui

import (
	"context"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"

	uv "github.com/charmbracelet/ultraviolet"
)

// terminalReaderEvents is what Ultraviolet's own TerminalReader makes of input that arrives at
// once and is followed by the end of the input (which completes any unfinished sequence, as
// the ESC wait does).
func terminalReaderEvents(t testing.TB, input string) []uv.Event {
	t.Helper()
	pr, pw := io.Pipe()
	r := uv.NewTerminalReader(pr, "xterm-256color")
	evc := make(chan uv.Event)
	done := make(chan error, 1)
	go func() { done <- r.StreamEvents(context.Background(), evc) }()
	go func() {
		_, _ = pw.Write([]byte(input))
		_ = pw.Close()
	}()
	var got []uv.Event
	for {
		select {
		case ev := <-evc:
			got = append(got, ev)
		case err := <-done:
			if err != nil {
				t.Fatalf("TerminalReader: %v", err)
			}
			return got
		}
	}
}

// decoderEvents is what keyDecoder makes of the same input, fed in pieces of size step (the
// whole at once when step is 0) and then expired.
func decoderEvents(input string, step int) []uv.Event {
	var d keyDecoder
	var got []uv.Event
	b := []byte(input)
	if step <= 0 {
		step = max(len(b), 1)
	}
	for len(b) > 0 {
		n := min(step, len(b))
		got = d.feed(got, b[:n])
		b = b[n:]
	}
	return d.expire(got)
}

// withoutCursorReports drops cursor position reports: for CSI 1;<mod> R the decoder reports
// both the key (a modified F3) and a report of the cursor on row 1, since the two read alike;
// the door never asks where the cursor is, so only the key means anything.
func withoutCursorReports(evs []uv.Event) []uv.Event {
	var out []uv.Event
	for _, ev := range evs {
		if _, ok := ev.(uv.CursorPositionEvent); !ok {
			out = append(out, ev)
		}
	}
	return out
}

// keySequences is input a terminal sends: control keys, cursor and function keys in the
// VT100, XTerm and URxvt encodings, with modifiers, typed text, pastes and the answers to the
// door's queries.
func keySequences() []string {
	var s []string
	for c := 0; c < 32; c++ {
		s = append(s, string(rune(c)), "\x1b"+string(rune(c)))
	}
	for _, k := range []string{"a", "b", "c", "d"} {
		s = append(s, "\x1b["+k, "\x1bO"+k, "\x1b\x1b["+k, "\x1b\x1bO"+k)
	}
	for _, k := range []string{"1", "2", "3", "4", "5", "6", "7", "8", "11", "12", "13", "14", "15", "17", "20", "21", "23", "24", "26", "29", "31", "34"} {
		for _, m := range []string{"~", "$", "^", "@", ";2~", ";5~", ";3~"} {
			s = append(s, "\x1b["+k+m, "\x1b\x1b["+k+m)
		}
	}
	for _, k := range []string{"A", "B", "C", "D", "E", "F", "H", "P", "Q", "R", "S"} {
		s = append(s, "\x1b["+k, "\x1bO"+k, "\x1b\x1b["+k)
		for m := 2; m <= 16; m++ {
			s = append(s, fmt.Sprintf("\x1b[1;%d%s", m, k))
		}
	}
	for _, k := range "MXjklmnopqrstuvwxy" {
		s = append(s, "\x1bO"+string(k), "\x1b\x1bO"+string(k))
	}
	s = append(s,
		"\x7f", "\x1b\x7f", "\x1b", "\x1b\x1b", "a", "\x1ba", "\x1bA", "é", "\x1bé", "日本語", "🙂",
		"Ana Souza\r", "hello world", "\x1b[27;5;13~", "\x1b[13;5u", "\x1b[97;7u", "\x1b[I", "\x1b[O",
		"\x1b[200~pasted text\x1b[201~", "\x1b[200~two\r\nlines\ttab\x1b[201~", "\x1b[200~\x1b[201~",
		"\x1b]11;rgb:1e1e/1e1e/1e1e\x1b\\", "\x1b]11;rgb:ffff/ffff/ffff\a", "\x1b[?2026;2$y", "\x1b[?2027;0$y",
		"\x1b[8;24;80t", "\x1b[48;24;80;480;800t", "\x1b[<0;10;5M", "\x1b[M !!",
		"\x1b[", "\x1bO", "\x1b[1;", "\x1b[200~unfinished paste", "\x1bP1\x18", "\x1b]0;t\x18",
		"\x1b[A\x1b[B\x1b[C", "ab\x1b[Acd", "\xff\xfe", "\x1b[999999999999999999999A",
	)
	return s
}

// The decoder makes of every input what Ultraviolet's TerminalReader makes of it, without the
// key table each TerminalReader builds.
func TestKeyDecoderAgreesWithTerminalReader(t *testing.T) {
	for _, in := range keySequences() {
		want := withoutCursorReports(terminalReaderEvents(t, in))
		if got := withoutCursorReports(decoderEvents(in, 0)); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: decoder %#v, TerminalReader %#v", in, got, want)
		}
	}
}

// A key, a paste or a report that arrives in pieces is decoded as if it came at once: an
// unfinished sequence waits for the rest.
func TestKeyDecoderJoinsPieces(t *testing.T) {
	for _, in := range []string{
		"\x1b[A", "\x1b[1;5A", "\x1bOP", "\x1b[13~", "\x1b[24;2~", "\x1b[13;5u", "é", "日本語", "🙂",
		"\x1b[200~pasted\r\ntext\x1b[201~", "\x1b]11;rgb:1e1e/1e1e/1e1e\a", "\x1b[?2026;2$y", "ab\x1b[Acd",
	} {
		want := decoderEvents(in, 0)
		for step := 1; step < len(in); step++ {
			if got := decoderEvents(in, step); !reflect.DeepEqual(got, want) {
				t.Errorf("%q in pieces of %d: %#v, whole: %#v", in, step, got, want)
			}
		}
	}
}

// A control string the terminal cancels half way is dropped, as TerminalReader drops it; the
// decoder finds the library's unexported type for it by name, which this notices if renamed.
func TestKeyDecoderDropsCancelledSequences(t *testing.T) {
	if ignoredType == nil {
		t.Fatal("Ultraviolet no longer reports a cancelled control string as ignoredEvent")
	}
	if got := decoderEvents("\x1b]0;title\x18x", 0); len(got) != 1 || got[0] != uv.Event(uv.KeyPressEvent{Code: 'x', Text: "x"}) {
		t.Fatalf("a cancelled control string then x: %#v, want only the x key", got)
	}
}

// An escape waits for what may follow, and is the escape key once the wait is over.
func TestKeyDecoderWaitsAfterEscape(t *testing.T) {
	var d keyDecoder
	if got := d.feed(nil, []byte("\x1b")); len(got) != 0 || !d.waiting() {
		t.Fatalf("a lone ESC gave %#v at once (waiting %v), want it kept for what follows", got, d.waiting())
	}
	if got := d.feed(nil, []byte("[A")); len(got) != 1 || got[0] != uv.Event(uv.KeyPressEvent{Code: uv.KeyUp}) || d.waiting() {
		t.Fatalf("ESC then [A: %#v (waiting %v), want the up key", got, d.waiting())
	}
	d.feed(nil, []byte("\x1b"))
	if got := d.expire(nil); len(got) != 1 || got[0] != uv.Event(uv.KeyPressEvent{Code: uv.KeyEscape}) || d.waiting() {
		t.Fatalf("a lone ESC once the wait is over: %#v (waiting %v), want the escape key", got, d.waiting())
	}
}

// A client that opens a sequence and never ends it has it decoded once the bound is reached,
// instead of the server keeping all it sends.
func TestKeyDecoderBoundsAnUnfinishedSequence(t *testing.T) {
	var d keyDecoder
	chunk := []byte(strings.Repeat("1", 1024))
	d.feed(nil, []byte("\x1b[200~"))
	for range 4 * maxPendingInput / len(chunk) {
		d.feed(nil, chunk)
		if len(d.pending) > maxPendingInput+len(chunk) {
			t.Fatalf("%d bytes kept for an unfinished sequence, bound %d", len(d.pending), maxPendingInput)
		}
	}
	d.pending, d.paste = d.pending[:0], nil
	d.feed(nil, []byte("\x1b["))
	for range 4 * maxPendingInput / len(chunk) {
		d.feed(nil, chunk)
		if len(d.pending) > maxPendingInput+len(chunk) {
			t.Fatalf("%d bytes kept for an unfinished CSI, bound %d", len(d.pending), maxPendingInput)
		}
	}
}

// Any input decodes to what TerminalReader makes of it; in pieces, it decodes without a
// panic and leaves nothing waiting once expired.
func FuzzKeyDecoder(f *testing.F) {
	// Every seventh known sequence seeds it: each check starts a TerminalReader, and the
	// unit test above covers them all.
	for i, s := range keySequences() {
		if i%7 == 0 {
			f.Add(s, uint8(i))
		}
	}
	f.Fuzz(func(t *testing.T, in string, step uint8) {
		if len(in) > 2048 {
			return // TerminalReader reads 4 KiB at a time; keep to one read
		}
		if step%8 != 0 {
			var d keyDecoder
			for b := []byte(in); len(b) > 0; {
				n := min(int(step%8), len(b))
				d.feed(nil, b[:n])
				b = b[n:]
			}
			if d.expire(nil); d.waiting() {
				t.Fatalf("%q in pieces of %d: %q still waiting once expired", in, step%8, d.pending)
			}
			return
		}
		got := withoutCursorReports(decoderEvents(in, 0))
		want := withoutCursorReports(terminalReaderEvents(t, in))
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: decoder %#v, TerminalReader %#v", in, got, want)
		}
	})
}

package plain

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"unicode/utf8"
)

// lines runs the line reader over input given in chunks and returns the lines and the echo.
func lines(t *testing.T, chunks ...string) ([]line, string) {
	t.Helper()
	var echo bytes.Buffer
	tm := newTerm(&echo)
	out := make(chan line)
	go readLines(context.Background(), &chunkReader{chunks: chunks}, tm, out)
	var got []line
	for l := range out {
		got = append(got, l)
	}
	tm.mu.Lock() // the reader has ended: its echo is all written
	defer tm.mu.Unlock()
	return got, echo.String()
}

type chunkReader struct{ chunks []string }

func (r *chunkReader) Read(p []byte) (int, error) {
	if len(r.chunks) == 0 {
		return 0, errEOF
	}
	n := copy(p, r.chunks[0])
	r.chunks[0] = r.chunks[0][n:]
	if r.chunks[0] == "" {
		r.chunks = r.chunks[1:]
	}
	return n, nil
}

var errEOF = errLeave

// Typing is echoed and edited as on a line of a terminal; escape sequences (arrow keys,
// colours pasted in) neither show nor reach the line; CR LF is one enter.
func TestLineEditing(t *testing.T) {
	got, echo := lines(t, "hel", "lo\x7f\x7fp me\r\n", "\x1b[Aup\x1b[31mred\x1b]0;title\x07\r", "caf\xc3", "\xa9\r", "gone\x03", "x\x15y\r")
	want := []string{"help me", "upred", "café", "", "y"}
	if len(got) != len(want)+1 || !got[len(got)-1].eof {
		t.Fatalf("lines %+v", got)
	}
	for i, w := range want {
		if got[i].text != w {
			t.Errorf("line %d = %q, want %q", i, got[i].text, w)
		}
	}
	if strings.Contains(echo, "\x1b") {
		t.Errorf("the echo holds an escape sequence: %q", echo)
	}
	if !strings.Contains(echo, "hello\b \b\b \bp me\r\n") {
		t.Errorf("echo %q", echo)
	}
}

// ctrl+c and ctrl+d on an empty line end the session; a line past MaxLine is cut and says so.
func TestLineEndsAndBounds(t *testing.T) {
	got, _ := lines(t, "\x03")
	if len(got) == 0 || !got[0].cancel {
		t.Errorf("ctrl+c: %+v", got)
	}
	got, _ = lines(t, "\x04")
	if len(got) == 0 || !got[0].eof {
		t.Errorf("ctrl+d: %+v", got)
	}
	got, _ = lines(t, strings.Repeat("a", MaxLine+50)+"\r")
	if len(got) == 0 || !got[0].cut || utf8.RuneCountInString(got[0].text) != MaxLine {
		t.Errorf("long line: cut %v, %d characters", got[0].cut, len(got[0].text))
	}
}

// Whatever arrives, no line holds a control character and the echo holds no escape.
func FuzzLineReader(f *testing.F) {
	f.Add([]byte("hello\r"), []byte("\x1b[31mx\r"))
	f.Add([]byte("\x1bP1;2\x1b\\a\r"), []byte("\xe2\x80\xaeevil\r"))
	f.Fuzz(func(t *testing.T, a, b []byte) {
		got, echo := lines(t, string(a), string(b))
		if strings.Contains(echo, "\x1b") || strings.ContainsRune(echo, 0x202e) {
			t.Fatalf("echo holds an escape or a bidi override: %q", echo)
		}
		for _, l := range got {
			for _, r := range l.text {
				if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
					t.Fatalf("line %q holds control %U", l.text, r)
				}
			}
		}
	})
}

// The lines of one event said while the person types come together, with the prompt and the
// typing written again once after them, not after each line.
func TestBatchWritesThePromptOnce(t *testing.T) {
	var out bytes.Buffer
	tm := newTerm(&out)
	tm.ask()
	tm.key('h')
	tm.key('i')
	tm.begin()
	tm.say("The group moved to step 2.")
	tm.say("Step 2 of 3: Ideas.", "Add ideas.")
	tm.end()
	if want := "> hi\r\nThe group moved to step 2.\r\nStep 2 of 3: Ideas.\r\nAdd ideas.\r\n> hi"; out.String() != want {
		t.Errorf("batch wrote %q, want %q", out.String(), want)
	}
	// A key pressed while a batch is said brings the prompt back before its echo.
	out.Reset()
	tm.begin()
	tm.say("Time is up.")
	tm.key('!')
	tm.say("One more line.")
	tm.end()
	if want := "\r\nTime is up.\r\n> hi!\r\nOne more line.\r\n> hi!"; out.String() != want {
		t.Errorf("batch with a key wrote %q, want %q", out.String(), want)
	}
}

package plain

import (
	"context"
	"io"
	"strings"
	"sync"
	"unicode/utf8"

	"workshop/session"
)

// MaxLine bounds one typed line, in characters, as the front door bounds a paste: what comes
// after is dropped and the person is told.
const MaxLine = 8000

// line is one typed line, or the end of the input.
type line struct {
	text string
	cut  bool // the line was longer than MaxLine and was cut
	// cancel is ctrl+c on an empty line, eof ctrl+d on an empty line or the end of the input.
	cancel, eof bool
}

// term is the session's terminal as plain mode sees it: lines out, lines in. Output from the
// session and the echo of typing share one lock, so an event that arrives while the person
// types is written on its own line, after which the prompt and what they typed so far are
// written again below it (appended, never redrawn in place).
type term struct {
	mu      sync.Mutex
	w       io.Writer
	prompt  string
	typed   []rune
	cut     bool
	waiting bool // the prompt is shown and the person may be typing after it
	// batch counts the batches open (begin); held says lines were said in one while the
	// person was typing, so the prompt and their typing are owed once it ends.
	batch int
	held  bool
	err   error
}

func newTerm(w io.Writer) *term { return &term{w: w, prompt: "> "} }

// write sends s as it is; a write error is kept and ends the session's loop.
func (t *term) write(s string) {
	if t.err != nil {
		return
	}
	_, t.err = io.WriteString(t.w, s)
}

// say writes lines, each on its own line. If the prompt was shown, the lines go below what
// the person typed and the prompt and their typing follow again (at the end of the batch, if
// one is open).
func (t *term) say(lines ...string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	var b strings.Builder
	if t.waiting && !t.held {
		b.WriteString("\r\n")
	}
	for _, l := range lines {
		for _, part := range strings.Split(l, "\n") {
			b.WriteString(part + "\r\n")
		}
	}
	switch {
	case t.waiting && t.batch > 0:
		t.held = true
	case t.waiting:
		b.WriteString(t.prompt + string(t.typed))
	}
	t.write(b.String())
}

// begin opens a batch: the lines of one event, said while the person may be typing, come
// together, with the prompt written again once after the last of them (end), not after each.
func (t *term) begin() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.batch++
}

// end closes a batch opened by begin.
func (t *term) end() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.batch > 0 {
		t.batch--
	}
	if t.batch == 0 && t.held {
		t.held = false
		t.write(t.prompt + string(t.typed))
	}
}

// ask shows the prompt: the person types after it.
func (t *term) ask() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.waiting {
		return
	}
	t.waiting = true
	t.write(t.prompt + string(t.typed))
}

// failed says whether writing to the client failed (it left).
func (t *term) failed() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.err != nil
}

// key handles one typed character: printable ones are echoed and kept, editing keys edit.
// It returns a line when one ends.
func (t *term) key(r rune) (line, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.held { // a key while a batch is said: the prompt and typing come back first
		t.held = false
		t.write(t.prompt + string(t.typed))
	}
	if r == '\t' {
		r = ' ' // a tab is a space in a line
	}
	switch r {
	case '\r', '\n':
		text := string(t.typed)
		l := line{text: session.CleanLine(text), cut: t.cut}
		t.typed, t.cut, t.waiting = t.typed[:0], false, false
		t.write("\r\n")
		return l, true
	case 0x7f, 0x08: // backspace
		if n := len(t.typed); n > 0 {
			t.typed = t.typed[:n-1]
			t.write("\b \b")
		}
	case 0x15: // ctrl+u: forget the line typed so far
		for range t.typed {
			t.write("\b \b")
		}
		t.typed = t.typed[:0]
	case 0x03: // ctrl+c
		if len(t.typed) > 0 {
			t.typed, t.cut = t.typed[:0], false
			t.write("\r\n")
			t.waiting = false
			return line{text: ""}, true
		}
		t.write("\r\n")
		t.waiting = false
		return line{cancel: true}, true
	case 0x04: // ctrl+d
		if len(t.typed) == 0 {
			t.write("\r\n")
			t.waiting = false
			return line{eof: true}, true
		}
	default:
		if r < 0x20 || (r >= 0x80 && r < 0xa0) || r == utf8.RuneError {
			return line{}, false // other control characters draw nothing and are dropped
		}
		if r != 0x200d && session.CleanText(string(r)) == "" {
			// Bidi overrides and other characters that draw nothing are not echoed either;
			// a joiner stays until the line is cleaned, where its neighbours decide.
			return line{}, false
		}
		if len(t.typed) >= MaxLine {
			t.cut = true
			return line{}, false
		}
		t.typed = append(t.typed, r)
		t.write(string(r))
	}
	return line{}, false
}

// readLines decodes the session's input into lines on out until the input ends or ctx does.
// Escape sequences (arrow keys, function keys, terminal answers) are dropped whole, so they
// neither show nor reach what is stored; session.CleanLine cleans each line again.
func readLines(ctx context.Context, in io.Reader, t *term, out chan<- line) {
	defer close(out)
	var d decoder
	buf := make([]byte, 4096)
	send := func(l line) bool {
		select {
		case out <- l:
			return true
		case <-ctx.Done():
			return false
		}
	}
	for {
		n, err := in.Read(buf)
		for _, r := range d.feed(buf[:n]) {
			if l, ok := t.key(r); ok && !send(l) {
				return
			}
		}
		if err != nil {
			send(line{eof: true})
			return
		}
	}
}

// decoder turns input bytes into typed characters, dropping escape sequences.
type decoder struct {
	state   int    // 0 text, 1 after ESC, 2 in CSI, 3 in a string (OSC, DCS...), 4 ESC in a string, 5 after ESC O
	partial []byte // the start of a UTF-8 character split between reads
	lastCR  bool   // the last character was CR, so a LF right after it is the same enter
}

func (d *decoder) feed(p []byte) []rune {
	var out []rune
	data := append(d.partial, p...)
	d.partial = nil
	for i := 0; i < len(data); {
		c := data[i]
		switch d.state {
		case 1:
			i++
			switch c {
			case '[':
				d.state = 2
			case ']', 'P', 'X', '^', '_':
				d.state = 3
			case 'O':
				d.state = 5
			default:
				d.state = 0
			}
			continue
		case 2:
			i++
			if c >= 0x40 && c <= 0x7e {
				d.state = 0
			}
			continue
		case 3:
			i++
			switch c {
			case 0x07:
				d.state = 0
			case 0x1b:
				d.state = 4
			}
			continue
		case 4:
			i++
			d.state = 0
			if c != '\\' {
				d.state = 3
			}
			continue
		case 5:
			i++
			d.state = 0
			continue
		}
		if c == 0x1b {
			d.state = 1
			i++
			continue
		}
		if c < utf8.RuneSelf {
			i++
			if c == '\n' && d.lastCR {
				d.lastCR = false
				continue
			}
			d.lastCR = c == '\r'
			out = append(out, rune(c))
			continue
		}
		if !utf8.FullRune(data[i:]) {
			d.partial = append([]byte(nil), data[i:]...)
			break
		}
		r, size := utf8.DecodeRune(data[i:])
		i += size
		d.lastCR = false
		if r != utf8.RuneError {
			out = append(out, r)
		}
	}
	return out
}

package frame

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
)

// term is a terminal emulator that records every byte it was sent.
type term struct {
	mu  sync.Mutex
	emu *vt.Emulator
	all bytes.Buffer
}

func newTerm(w, h int) *term { return &term{emu: vt.NewEmulator(w, h)} }

func (t *term) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.all.Write(p)
	return t.emu.Write(p)
}

// rows returns the screen's text, one string per row, trailing blanks removed.
func (t *term) rows() []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := make([]string, t.emu.Height())
	for y := range out {
		var b strings.Builder
		for x := 0; x < t.emu.Width(); x++ {
			c := t.emu.CellAt(x, y)
			if c == nil || c.Width == 0 {
				continue
			}
			if c.Content == "" {
				b.WriteByte(' ')
				continue
			}
			b.WriteString(c.Content)
		}
		out[y] = strings.TrimRight(b.String(), " ")
	}
	return out
}

func (t *term) bytes() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.all.Len()
}

// want is what a frame should leave on a w×h screen: each row's plain text cut to w cells.
func want(frame string, w, h int) []string {
	lines := strings.Split(frame, "\n")
	out := make([]string, h)
	for y := range out {
		if y < len(lines) {
			out[y] = strings.TrimRight(ansi.Strip(ansi.Truncate(lines[y], w, "")), " ")
		}
	}
	return out
}

func checkScreen(t *testing.T, tm *term, frame string, w, h int) {
	t.Helper()
	got, exp := tm.rows(), want(frame, w, h)
	for y := range exp {
		if got[y] != exp[y] {
			t.Fatalf("row %d shows %q, want %q\nframe:\n%s", y, got[y], exp[y], frame)
		}
	}
}

func TestFramesAppearOnScreen(t *testing.T) {
	tm := newTerm(20, 5)
	fw := New(tm, 20, 5, Options{Profile: colorprofile.TrueColor, Title: "workshop"})
	frames := []string{
		"Step 1 of 3\nhello\n\nlast",
		"Step 2 of 3\nhello\n\nlast",
		"\x1b[1mbold\x1b[m and plain\nhello wide 世界 ok\nline 3\nline 4\nline 5 is long enough to be cut",
		"short",
		"",
	}
	for _, f := range frames {
		fw.Frame(f)
		fw.Flush()
		checkScreen(t, tm, f, 20, 5)
	}
	fw.Close("", time.Second)
	if tm.emu.IsAltScreen() {
		t.Fatal("the alternate screen is still on after Close")
	}
	if tm.emu.CursorHidden() {
		t.Fatal("the cursor is still hidden after Close")
	}
}

func TestOnlyChangedRowsAreWritten(t *testing.T) {
	tm := newTerm(80, 24)
	fw := New(tm, 80, 24, Options{Profile: colorprofile.TrueColor})
	defer fw.Close("", time.Second)
	var rows []string
	for i := range 24 {
		rows = append(rows, fmt.Sprintf("row %02d %s", i, strings.Repeat("x", 60)))
	}
	rows[0] = "⏱ 05:00"
	fw.Frame(strings.Join(rows, "\n"))
	fw.Flush()
	before := tm.bytes()
	rows[0] = "⏱ 04:59"
	fw.Frame(strings.Join(rows, "\n"))
	fw.Flush()
	if n := tm.bytes() - before; n > 60 {
		t.Fatalf("a one-row change wrote %d bytes; a whole row is about 80", n)
	}
	checkScreen(t, tm, strings.Join(rows, "\n"), 80, 24)

	before = tm.bytes()
	fw.Frame(strings.Join(rows, "\n"))
	fw.Flush()
	if n := tm.bytes() - before; n != 0 {
		t.Fatalf("an unchanged frame wrote %d bytes", n)
	}
}

func TestResizeRepaints(t *testing.T) {
	tm := newTerm(30, 6)
	fw := New(tm, 30, 6, Options{Profile: colorprofile.ANSI256})
	defer fw.Close("", time.Second)
	f := "one\ntwo\nthree\nfour\nfive\nsix"
	fw.Frame(f)
	fw.Flush()
	tm.mu.Lock()
	tm.emu.Resize(20, 4)
	tm.mu.Unlock()
	fw.Resize(20, 4)
	g := "uno\ndos\ntres\ncuatro"
	fw.Frame(g)
	fw.Flush()
	checkScreen(t, tm, g, 20, 4)
}

// After a resize the writer waits for the frame made for the new size: the frame it holds was
// made for the old one, and its long rows would wrap in the smaller window.
func TestResizeWaitsForTheFrameOfTheNewSize(t *testing.T) {
	tm := newTerm(30, 6)
	fw := New(tm, 30, 6, Options{Profile: colorprofile.ANSI256, RowsFit: true})
	defer fw.Close("", time.Second)
	f := "a row as wide as the window..\n\nthree"
	fw.Frame(f)
	fw.Flush()
	before := tm.bytes()
	tm.mu.Lock()
	tm.emu.Resize(12, 4)
	tm.mu.Unlock()
	fw.Resize(12, 4)
	fw.Flush()
	if got := tm.bytes(); got != before {
		t.Fatalf("%d bytes written after the resize, before any frame of the new size", got-before)
	}
	g := "short\n\nthree"
	fw.Frame(g)
	fw.Flush()
	checkScreen(t, tm, g, 12, 4)
	// The same frame again after another resize still repaints at the new size.
	tm.mu.Lock()
	tm.emu.Resize(14, 5)
	tm.mu.Unlock()
	fw.Resize(14, 5)
	fw.Frame(g)
	fw.Flush()
	checkScreen(t, tm, g, 14, 5)
}

func TestColoursFollowTheProfile(t *testing.T) {
	line := "\x1b[38;2;255;0;0mred\x1b[m"
	for _, p := range []colorprofile.Profile{colorprofile.NoTTY, colorprofile.ASCII, colorprofile.ANSI} {
		var out bytes.Buffer
		fw := New(&out, 10, 2, Options{Profile: p})
		fw.Frame(line)
		fw.Flush()
		fw.Close("", time.Second)
		if strings.Contains(out.String(), "38;2;") {
			t.Errorf("profile %v: a true-colour sequence reached the terminal: %q", p, out.String())
		}
		if !strings.Contains(out.String(), "red") {
			t.Errorf("profile %v: the text is missing: %q", p, out.String())
		}
	}
}

// stalled is a terminal that stops reading until released.
type stalled struct {
	release chan struct{}
	mu      sync.Mutex
	out     bytes.Buffer
	writes  int
}

func (s *stalled) Write(p []byte) (int, error) {
	<-s.release
	s.mu.Lock()
	defer s.mu.Unlock()
	s.writes++
	s.out.Write(p)
	return len(p), nil
}

func TestAStalledTerminalNeverBlocksFrames(t *testing.T) {
	st := &stalled{release: make(chan struct{})}
	fw := New(st, 10, 2, Options{Profile: colorprofile.TrueColor})
	for i := range 1000 {
		fw.Frame(fmt.Sprintf("frame %d", i)) // returns although nothing is being written
	}
	close(st.release)
	fw.Flush()
	fw.Close("", time.Second)
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.writes > 4 {
		t.Fatalf("%d writes for 1000 frames handed over while the terminal stalled; frames must coalesce", st.writes)
	}
	if !strings.Contains(st.out.String(), "frame 999") {
		t.Fatal("the newest frame was never written")
	}
}

func TestCloseWritesTheLastWordsOnTheMainScreen(t *testing.T) {
	tm := newTerm(40, 5)
	fw := New(tm, 40, 5, Options{Profile: colorprofile.TrueColor})
	fw.Frame("inside")
	fw.Flush()
	fw.Close("The server is restarting.\nReconnect with: ssh -p 2222 localhost", time.Second)
	if tm.emu.IsAltScreen() {
		t.Fatal("still on the alternate screen")
	}
	text := strings.Join(tm.rows(), "\n")
	if !strings.Contains(text, "The server is restarting.") || !strings.Contains(text, "Reconnect with") {
		t.Fatalf("the closing words are not on the main screen:\n%s", text)
	}
	fw.Frame("after close") // ignored, never blocks
}

// TestRandomFramesMatchTheScreen draws random frames, with wide and combining characters and
// styles, and checks the emulated screen shows each one exactly.
func TestRandomFramesMatchTheScreen(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	words := []string{"a", "plain", "世界", "👍🏽", "é", "e\u0301", "\x1b[1mbold\x1b[m", "\x1b[31mred\x1b[39m", " ", "Ação", "—"}
	const w, h = 24, 8
	tm := newTerm(w, h)
	fw := New(tm, w, h, Options{Profile: colorprofile.TrueColor})
	defer fw.Close("", time.Second)
	rows := make([]string, h)
	for range 300 {
		for range 1 + r.IntN(3) {
			y := r.IntN(h)
			var b strings.Builder
			for range r.IntN(8) {
				b.WriteString(words[r.IntN(len(words))])
			}
			rows[y] = b.String()
		}
		f := strings.Join(rows, "\n")
		fw.Frame(f)
		fw.Flush()
		checkScreen(t, tm, f, w, h)
	}
}

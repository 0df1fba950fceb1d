package frame

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

// Options say how a Writer sets up the terminal.
type Options struct {
	// Profile is the colour profile of the client's terminal; frames are converted to it.
	Profile colorprofile.Profile
	// Title is the window title set at start and cleared at the end ("" sets none).
	Title string
	// Start is written once after the terminal is set up, e.g. a query whose answer the
	// program reads from its input.
	Start string
	// RowsFit promises that no row of a frame is wider than the terminal, so rows are written
	// without being measured. Without it, a row too wide is cut.
	RowsFit bool
	// Rows, when set, shares converted rows with the other writers given the same cache.
	Rows *Rows
}

// Writer owns the terminal of one session. Frame, Resize and Raw may be called from any
// goroutine; one goroutine of its own writes to the terminal.
type Writer struct {
	out     io.Writer
	profile colorprofile.Profile
	title   string
	rowsFit bool
	rows    *Rows

	mu      sync.Mutex
	latest  string
	dirty   bool // latest has not been drawn
	width   int
	height  int
	repaint bool   // the next draw repaints every line
	raw     []byte // bytes to write before the next frame (a bell)
	closing bool
	// gen counts what was handed over; written is the gen the terminal has received.
	gen, written uint64
	flushed      *sync.Cond
	stopped      bool // the drawing goroutine has ended

	wake chan struct{}
	done chan struct{}

	// Owned by the drawing goroutine.
	shown          []string // the lines the terminal shows, by row
	next           []string // storage for the rows of the frame being drawn
	shownW, shownH int
	buf            bytes.Buffer
	conv           colorprofile.Writer
	err            error
}

// New sets up the terminal on out (alternate screen, hidden cursor, bracketed paste) and starts the goroutine that draws frames of width×height cells.
func New(out io.Writer, width, height int, opts Options) *Writer {
	w := &Writer{out: out, profile: opts.Profile, title: opts.Title, rowsFit: opts.RowsFit, rows: opts.Rows, width: width, height: height,
		wake: make(chan struct{}, 1), done: make(chan struct{})}
	w.flushed = sync.NewCond(&w.mu)
	w.conv.Profile = max(opts.Profile, colorprofile.ASCII) // lines keep cursor-free styling only
	w.conv.Forward = &w.buf
	var b strings.Builder
	b.WriteString(ansi.SetModeAltScreenSaveCursor)
	b.WriteString(ansi.HideCursor)
	b.WriteString(ansi.SetModeBracketedPaste)
	if w.title != "" {
		b.WriteString(ansi.SetWindowTitle(w.title))
	}
	b.WriteString(ansi.ResetStyle + ansi.CursorHomePosition + ansi.EraseEntireScreen)
	b.WriteString(opts.Start)
	w.raw = []byte(b.String())
	w.dirty = true
	go w.loop()
	w.signal()
	return w
}

// Frame hands over the newest frame: content is one line per row, "\n" between rows. It never
// blocks; a frame not yet written is replaced.
func (w *Writer) Frame(content string) {
	w.mu.Lock()
	if w.closing || (content == w.latest && !w.dirty && !w.repaint) {
		w.mu.Unlock()
		return
	}
	w.latest, w.dirty = content, true
	w.gen++
	w.mu.Unlock()
	w.signal()
}

// Resize records the terminal's new size; the next frame repaints the whole screen. Nothing is
// drawn until that frame comes: the frame held now was made for the old size, and its rows,
// wider than the new window, would wrap onto rows the writer then takes for blank.
func (w *Writer) Resize(width, height int) {
	w.mu.Lock()
	if width != w.width || height != w.height {
		w.width, w.height, w.repaint = width, height, true
	}
	w.mu.Unlock()
}

// Repaint makes the next frame rewrite every line, e.g. after the terminal was cleared.
func (w *Writer) Repaint() {
	w.mu.Lock()
	w.repaint, w.dirty = true, true
	w.gen++
	w.mu.Unlock()
	w.signal()
}

// Raw writes s as it is before the next frame (a bell, a query). It never blocks.
func (w *Writer) Raw(s string) {
	w.mu.Lock()
	if !w.closing {
		w.raw = append(w.raw, s...)
		w.gen++
	}
	w.mu.Unlock()
	w.signal()
}

func (w *Writer) signal() {
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

// Close draws nothing more, restores the terminal (main screen, visible cursor, paste mode
// off) and then writes after, e.g. a line telling the person why the session ended.
// It waits at most wait for a write the client is not reading; the session's end unblocks it.
func (w *Writer) Close(after string, wait time.Duration) {
	w.mu.Lock()
	if w.closing {
		w.mu.Unlock()
		return
	}
	w.closing = true
	var b strings.Builder
	b.WriteString(ansi.ResetStyle)
	b.WriteString(ansi.ResetModeBracketedPaste)
	if w.title != "" {
		b.WriteString(ansi.SetWindowTitle(""))
	}
	b.WriteString(ansi.ShowCursor)
	b.WriteString(ansi.ResetModeAltScreenSaveCursor)
	if after != "" {
		b.WriteString(strings.ReplaceAll(strings.TrimRight(after, "\n"), "\n", "\r\n") + "\r\n")
	}
	w.raw = append(w.raw, b.String()...)
	w.mu.Unlock()
	w.signal()
	select {
	case <-w.done:
	case <-time.After(wait):
	}
}

// Err returns the first error writing to the terminal (nil while all writes succeeded).
func (w *Writer) Err() error {
	select {
	case <-w.done:
		return w.err
	default:
		return nil
	}
}

// Flush blocks until the terminal was sent everything handed over so far, or writing ended.
func (w *Writer) Flush() {
	w.mu.Lock()
	defer w.mu.Unlock()
	want := w.gen
	for w.written < want && !w.stopped {
		w.flushed.Wait()
	}
}

func (w *Writer) loop() {
	defer func() {
		w.mu.Lock()
		w.stopped = true
		w.flushed.Broadcast()
		w.mu.Unlock()
		close(w.done)
	}()
	for range w.wake {
		w.mu.Lock()
		gen := w.gen
		raw, content, dirty := w.raw, w.latest, w.dirty
		width, height, repaint, closing := w.width, w.height, w.repaint, w.closing
		w.raw, w.dirty, w.repaint = nil, false, false
		w.mu.Unlock()

		w.buf.Reset()
		w.buf.Write(raw)
		if dirty && !closing {
			w.draw(content, width, height, repaint)
		}
		if w.buf.Len() > 0 {
			if _, err := w.out.Write(w.buf.Bytes()); err != nil {
				w.err = err
				return
			}
		}
		w.mu.Lock()
		w.written = gen
		w.flushed.Broadcast()
		w.mu.Unlock()
		if closing {
			return
		}
	}
}

// draw appends to w.buf what turns the terminal's screen into content: every row whose text
// differs from what it shows, rewritten whole and erased to its end.
func (w *Writer) draw(content string, width, height int, repaint bool) {
	if width < 1 || height < 1 {
		return
	}
	if repaint || width != w.shownW || height != w.shownH {
		w.buf.WriteString(ansi.ResetStyle + ansi.CursorHomePosition + ansi.EraseEntireScreen)
		w.shown = w.shown[:0]
		w.shownW, w.shownH = width, height
	}
	// The rows are cut into a slice kept from frame to frame: a frame costs no allocation
	// for its rows.
	lines := w.next[:0]
	for rest, more := content, true; more && len(lines) < height; {
		var line string
		line, rest, more = strings.Cut(rest, "\n")
		lines = append(lines, strings.TrimSuffix(line, "\r"))
	}
	started := false
	for y := range height {
		line := ""
		if y < len(lines) {
			line = lines[y]
		}
		if y < len(w.shown) && w.shown[y] == line {
			continue
		}
		if y >= len(w.shown) && line == "" {
			continue // a row never drawn is blank already
		}
		if !started {
			w.buf.WriteString(ansi.SetModeSynchronizedOutput)
			started = true
		}
		w.writeRow(y, line, width)
	}
	if started {
		w.buf.WriteString(ansi.ResetModeSynchronizedOutput)
	}
	// Keep what each row shows. The lines are substrings of content, so this holds one frame;
	// the rows of the frame before are let go.
	clear(w.shown)
	w.shown, w.next = lines, w.shown[:0]
}

func (w *Writer) writeRow(y int, line string, width int) {
	w.buf.WriteString("\x1b[")
	w.buf.WriteString(strconv.Itoa(y + 1))
	w.buf.WriteString(";1H")
	// Erase the row first, then write it: the row needs no measuring to know whether it ends
	// short of the edge, and erasing after a full row would erase its last cell.
	w.buf.WriteString(ansi.ResetStyle + ansi.EraseLineRight)
	if !w.rowsFit && len(line) > width && ansi.StringWidth(line) > width {
		line = ansi.Truncate(line, width, "") // a row never takes fewer bytes than cells
	}
	if needsConversion(line, w.profile) {
		w.writeConverted(line)
	} else {
		w.buf.WriteString(line)
	}
	w.buf.WriteString(ansi.ResetStyle)
}

// writeConverted writes line converted to the terminal's profile, as converted before for any
// screen when the writer shares a cache of rows.
func (w *Writer) writeConverted(line string) {
	if w.rows == nil {
		_, _ = w.conv.WriteString(line) // writes into w.buf, which cannot fail
		return
	}
	if out, ok := w.rows.get(w.conv.Profile, line); ok {
		w.buf.WriteString(out)
		return
	}
	start := w.buf.Len()
	_, _ = w.conv.WriteString(line)
	w.rows.put(w.conv.Profile, line, string(w.buf.Bytes()[start:]))
}

// needsConversion says whether line may hold colours profile lacks. Parsing a row's escape
// sequences to convert them costs more than the rest of drawing it, and frames whose styles
// were made for the profile hold none, so only rows that could need it are converted.
func needsConversion(line string, profile colorprofile.Profile) bool {
	switch {
	case profile >= colorprofile.TrueColor:
		return false
	case profile == colorprofile.ANSI256:
		return strings.Contains(line, "8;2;") // 24-bit foreground, background or underline
	case profile == colorprofile.ANSI:
		return strings.Contains(line, "8;2;") || strings.Contains(line, "8;5;")
	default:
		return strings.IndexByte(line, 0x1b) >= 0
	}
}

package loadtest

import (
	"bytes"
	"strconv"

	"github.com/charmbracelet/x/vt"
)

// Texts the tool looks for on a workshop screen. They are what a person sees; the floor
// server shows the same ones so one tool measures both.
const (
	textCodePrompt = "Join a workshop" // the lobby asks for a code
	textNamePrompt = "What name"       // the lobby asks for a display name
	textKeepCode   = "Keep this code"  // a keyless participant's rejoin code
	textBadCode    = "No workshop or participant"
	textStep       = "Step "          // "Step N of M — Title", the participant's step line
	textEditor     = "ctrl+s submits" // an exercise's status line, once its editor is loaded
	textDraft      = "Draft saved"    // typed text stored as a draft
	textSubmitted  = "✓ Submitted"    // the editor confirms a submission
	textNotSaved   = "Not saved"      // the editor reports a failed save
)

// screenText writes the emulator's screen into buf (reused between calls), one line per row
// with trailing blanks dropped, and returns it. It walks the cells once and allocates only
// when buf must grow, which keeps checking hundreds of screens cheap.
func screenText(emu *vt.Emulator, buf []byte) []byte {
	buf = buf[:0]
	for y := range emu.Height() {
		buf = append(rowText(emu, y, buf), '\n')
	}
	return buf
}

// rowText appends row y of the emulator's screen to buf, trailing blanks dropped.
func rowText(emu *vt.Emulator, y int, buf []byte) []byte {
	start := len(buf)
	for x := range emu.Width() {
		c := emu.CellAt(x, y)
		switch {
		case c == nil:
			buf = append(buf, ' ')
		case c.Content == "":
			if c.Width == 0 {
				continue // the second half of a wide character
			}
			buf = append(buf, ' ')
		default:
			buf = append(buf, c.Content...)
		}
	}
	end := len(buf)
	for end > start && buf[end-1] == ' ' {
		end--
	}
	return buf[:end]
}

// screenHas reports whether a row of the emulator's screen shows want (text on one line),
// reading the rows from the top only until one does: the texts awaited on every screen at
// once sit near the top (the step line is the second row), and reading a whole screen costs
// the tool more than the terminal spent drawing the change. buf is scratch space, returned
// for reuse.
func screenHas(emu *vt.Emulator, want string, buf []byte) (bool, []byte) {
	for y := range emu.Height() {
		buf = rowText(emu, y, buf[:0])
		if bytes.Contains(buf, []byte(want)) {
			return true, buf
		}
	}
	return false, buf
}

// stepOnScreen finds the participant's step line, "Step N of M — Title", and returns N, M and
// what follows the dash on that line.
func stepOnScreen(screen []byte) (n, m int, title string, ok bool) {
	rest := screen
	for {
		i := bytes.Index(rest, []byte(textStep))
		if i < 0 {
			return 0, 0, "", false
		}
		line := rest[i+len(textStep):]
		if nl := bytes.IndexByte(line, '\n'); nl >= 0 {
			line = line[:nl]
		}
		rest = rest[i+len(textStep):]
		n, line, ok1 := leadingInt(line)
		if !ok1 || !bytes.HasPrefix(line, []byte(" of ")) {
			continue
		}
		m, line, ok2 := leadingInt(line[len(" of "):])
		if !ok2 {
			continue
		}
		if t, found := bytes.CutPrefix(line, []byte(" — ")); found {
			title = string(bytes.TrimSpace(t))
		}
		return n, m, title, true
	}
}

// stepText is the start of the step line for step n of m, which a screen shows once it is on
// that step.
func stepText(n, m int) string {
	return textStep + strconv.Itoa(n) + " of " + strconv.Itoa(m) + " — "
}

func leadingInt(b []byte) (int, []byte, bool) {
	i := 0
	for i < len(b) && i < 6 && b[i] >= '0' && b[i] <= '9' {
		i++
	}
	if i == 0 {
		return 0, b, false
	}
	n, err := strconv.Atoi(string(b[:i]))
	return n, b[i:], err == nil
}

// titlePrefix is the part of a step title a screen must show: the first runes, since a narrow
// step line may cut the rest.
func titlePrefix(title string, runes int) string {
	for i := range title {
		if runes == 0 {
			return title[:i]
		}
		runes--
	}
	return title
}

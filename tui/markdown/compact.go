package markdown

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// compact rewrites rendered guidance into fewer bytes that draw the same cells. Glamour styles
// every cell on its own and pads each line to the wrap width: a blank takes 14 bytes
// ("\x1b[38;5;252m \x1b[m"), so a line of guidance is often ten times its text. Every screen
// of a cohort is sent its step's guidance on each move, and every byte is encrypted, sent and
// parsed again by the person's terminal. Here, runs in the same style are joined under one
// sequence, and blanks at the end of a line that nothing shows on (no background, underline,
// reverse or strike) are dropped. Lines are taken as starting unstyled, as a screen draws each
// row; a line holding any escape sequence other than a colour or attribute is kept as it is.
func compact(s string) string {
	if !strings.Contains(s, "\x1b[") && !strings.Contains(s, " \n") && !strings.HasSuffix(s, " ") {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = compactLine(l)
	}
	return strings.Join(lines, "\n")
}

// run is text drawn in one style: the SGR sequences in force, in the order given, since the
// last reset ("" is unstyled).
type run struct {
	style string
	text  strings.Builder
}

func compactLine(line string) string {
	if strings.ContainsFunc(line, func(r rune) bool { return r != 0x1b && (r < 0x20 || r == 0x7f) }) {
		return line // a control character moves the cursor: blanks may draw over text
	}
	if strings.IndexByte(line, 0x1b) < 0 {
		return strings.TrimRight(line, " ")
	}
	runs, ok := splitRuns(line)
	if !ok {
		return line
	}
	// Drop blanks at the end that draw nothing the erased rest of a row does not.
	for len(runs) > 0 {
		last := runs[len(runs)-1]
		if !blankInvisible(last.style) {
			break
		}
		text := strings.TrimRight(last.text.String(), " ")
		if text != "" {
			last.text.Reset()
			last.text.WriteString(text)
			break
		}
		runs = runs[:len(runs)-1]
	}
	var b strings.Builder
	b.Grow(len(line) / 2)
	cur := ""
	for _, r := range runs {
		if r.text.Len() == 0 {
			continue
		}
		if r.style != cur {
			if cur != "" {
				b.WriteString(ansi.ResetStyle)
			}
			b.WriteString(r.style)
			cur = r.style
		}
		b.WriteString(r.text.String())
	}
	if cur != "" {
		b.WriteString(ansi.ResetStyle)
	}
	return b.String()
}

// splitRuns cuts a line into runs of text by style. It reports false for a line holding an
// escape sequence that is not SGR, which compactLine then leaves alone.
func splitRuns(line string) ([]*run, bool) {
	var runs []*run
	style := ""
	var p *ansi.Parser
	state := byte(0)
	for rest := line; rest != ""; {
		seq, width, n, next := ansi.DecodeSequence(rest, state, p)
		state = next
		switch {
		case width > 0 || (n == 1 && seq[0] >= 0x20):
			if len(runs) == 0 || runs[len(runs)-1].style != style {
				runs = append(runs, &run{style: style})
			}
			runs[len(runs)-1].text.WriteString(seq)
		case isSGR(seq):
			params := seq[2 : len(seq)-1]
			switch {
			case params == "" || params == "0":
				style = ""
			case strings.HasPrefix(params, "0;"):
				style = seq
			default:
				style += seq
			}
		default:
			return nil, false
		}
		rest = rest[n:]
	}
	return runs, true
}

// isSGR reports whether seq is a CSI sequence setting colours or attributes ("\x1b[…m").
func isSGR(seq string) bool {
	return len(seq) >= 3 && seq[len(seq)-1] == 'm' && isCSI(seq) && !strings.ContainsAny(seq[2:len(seq)-1], "<=>?")
}

// blankInvisible reports whether a blank drawn in style looks like no cell at all: the style
// sets only foreground colours and attributes that show on letters (bold, italic, faint,
// blink), not a background, underline, overline, reverse video or strike-through.
func blankInvisible(style string) bool {
	for style != "" {
		end := strings.IndexByte(style, 'm')
		params := strings.Split(style[2:end], ";")
		style = style[end+1:]
		for i := 0; i < len(params); i++ {
			main, _, colon := strings.Cut(params[i], ":")
			switch main {
			case "", "0", "1", "2", "3", "5", "6", "22", "23", "25", "39", "49", "59":
			case "38", "58":
				if colon {
					continue // colon form: the colour is in this one parameter
				}
				if i+1 < len(params) && params[i+1] == "5" {
					i += 2
				} else if i+1 < len(params) && params[i+1] == "2" {
					i += 4
				}
			case "24", "27", "29", "55":
				// Turning an attribute off: seen alone it leaves blanks blank.
			default:
				if len(main) == 2 && main[0] == '3' && main[1] >= '0' && main[1] <= '7' {
					continue // a foreground colour
				}
				if len(main) == 2 && main[0] == '9' && main[1] >= '0' && main[1] <= '7' {
					continue // a bright foreground colour
				}
				return false
			}
		}
	}
	return true
}

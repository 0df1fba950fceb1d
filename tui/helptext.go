package tui

import (
	"regexp"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Reflow lays out help text for a window width cells wide, so that a command's help reads the
// same on the command line, over SSH and at any width. Paragraphs (separated by blank lines)
// may be written on one line or hard-wrapped anywhere: their lines are joined and wrapped again
// at spaces, by display width, and never inside a word (so a flag such as --login-grace stays
// whole; a word longer than the width is left on a line of its own). An indented line keeps its
// indent and starts an item of its own; lines indented further under it continue it. An item
// such as "  csv   a progress sheet…" wraps under its text, past the term; an indented line
// that fits and has no continuation (an example command) is kept exactly as written.
func Reflow(text string, width int) string {
	if width < 1 {
		return text
	}
	var out []string
	var blk *helpBlock
	flush := func() {
		if blk != nil {
			out = append(out, blk.layout(width)...)
			blk = nil
		}
	}
	for _, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		line = strings.TrimRight(line, " \t")
		if strings.TrimSpace(line) == "" {
			flush()
			out = append(out, "")
			continue
		}
		indent := len(line) - len(strings.TrimLeft(line, " "))
		body := line[indent:]
		item := indent > 0 || strings.HasPrefix(body, "- ") || strings.HasPrefix(body, "* ")
		switch {
		case blk != nil && !item && !blk.item:
			// The next line of a plain paragraph.
			blk.add(body)
		case blk != nil && blk.item && indent > blk.indent && (blk.hang == 0 || indent == blk.hang):
			// A line indented under an item continues it.
			blk.hang = indent
			blk.add(body)
		default:
			flush()
			blk = newHelpBlock(line, indent, item)
		}
	}
	flush()
	return strings.Join(out, "\n")
}

// termRe finds an item's term and the run of spaces after it ("csv   "), or a list mark.
var termRe = regexp.MustCompile(`^(\S+ {2,}|[-*] )`)

// helpBlock is one paragraph or item of help text.
type helpBlock struct {
	first  string // the block's first line as written
	indent int
	prefix string // the term (or list mark) and its spaces, kept as written
	words  []string
	item   bool
	hang   int // indent of continuation lines as written (0: none seen)
	lines  int
}

func newHelpBlock(line string, indent int, item bool) *helpBlock {
	b := &helpBlock{first: line, indent: indent, item: item}
	body := line[indent:]
	if item {
		if m := termRe.FindString(body); m != "" {
			b.prefix = m
			body = body[len(m):]
		}
	}
	b.add(body)
	return b
}

func (b *helpBlock) add(text string) {
	b.words = append(b.words, strings.Fields(text)...)
	b.lines++
}

// layout wraps the block at width.
func (b *helpBlock) layout(width int) []string {
	if b.item && b.lines == 1 && ansi.StringWidth(b.first) <= width {
		return []string{b.first}
	}
	lead := strings.Repeat(" ", b.indent) + b.prefix
	hang := ansi.StringWidth(lead)
	if b.hang > 0 && b.prefix == "" {
		hang = b.hang
	}
	if hang >= width-10 {
		// Too narrow for the text to hang past the term: continue under the item's indent.
		hang = b.indent
	}
	var lines []string
	cur, curW := lead, ansi.StringWidth(lead)
	fresh := true // nothing but the lead on the current line
	for _, w := range b.words {
		ww := ansi.StringWidth(w)
		switch {
		case fresh:
			cur, curW = cur+w, curW+ww
		case curW+1+ww <= width:
			cur, curW = cur+" "+w, curW+1+ww
		default:
			lines = append(lines, cur)
			cur, curW = strings.Repeat(" ", hang)+w, hang+ww
		}
		fresh = false
	}
	return append(lines, cur)
}

package exercise

import (
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"workshop/content"
	"workshop/tui/ui"
)

// The editors' layout: the prompt (wrapped, never cut to one line unless space is short), a
// body that scrolls to keep the cursor in view, and a footer that stays at the bottom.

// promptLines is the exercise's prompt wrapped to the width (never cut to one line).
func (b *exBase) promptLines() []string {
	if b.prompt.lines != nil && b.prompt.width == b.width && b.prompt.style == b.st.Markdown {
		return append([]string(nil), b.prompt.lines...) // callers may change their copy
	}
	p := strings.TrimSpace(b.shown.Prompt)
	if p == "" {
		p = b.defaultPrompt()
	}
	// Every screen on the step shows the same prompt: it is wrapped and styled once for all
	// of them, for each width and style set.
	key := "prompt|" + b.st.Key() + "|" + strconv.Itoa(b.width) + "|" + p
	out := strings.Split(b.st.Cache.Styled(key, func() string {
		lines := strings.Split(ui.Wrap(p, b.width), "\n")
		for i, l := range lines {
			lines[i] = b.st.Subtitle.Render(l)
		}
		return strings.Join(lines, "\n")
	}), "\n")
	// The prompt is the same on every frame; wrapping and styling it each time was most of
	// what drawing an editor cost.
	b.prompt.lines, b.prompt.width, b.prompt.style = out, b.width, b.st.Markdown
	return append([]string(nil), out...)
}

// defaultPrompt is the prompt of an exercise whose module gives none.
func (b *exBase) defaultPrompt() string {
	switch b.ex.Kind {
	case content.KindReflection:
		return b.T("Your answer")
	case content.KindList:
		return b.T("Add your items")
	case content.KindVote:
		return b.T("Spend your dots on the items that matter most")
	case content.KindMatrix:
		return b.T("Place each item on the grid")
	case content.KindJourney:
		return b.T("Fill in the grid")
	case content.KindTable:
		return b.T("Fill in the table")
	case content.KindScale:
		return b.T("Rate each statement")
	case content.KindChecklist:
		return b.T("Tick what applies")
	case content.KindQuiz:
		return b.T("Answer each question")
	}
	return b.T("Your work")
}

// noun is what the items of a body are, for the marks that count them.
type noun int

const (
	nounItem noun = iota
	nounStatement
	nounQuestion
	nounRow
)

// bodyItems says which lines of a body belong to which item (a list item, a question, a
// statement, a row), so the marks of a scrolled body count items, not lines.
type bodyItems struct {
	noun   noun  // what an item is: an item, a statement, a question, a row
	starts []int // the first line of each item, in order
	end    int   // the line after the last item's
}

// hidden counts the items wholly above line top and wholly below line bottom (exclusive).
func (it *bodyItems) hidden(top, bottom int) (above, below int) {
	for i, start := range it.starts {
		next := it.end
		if i+1 < len(it.starts) {
			next = it.starts[i+1]
		}
		if next <= top {
			above++
		}
		if start >= bottom {
			below++
		}
	}
	return above, below
}

// frameItems is frame for a body of items: the marks where the body is scrolled say how many
// items are hidden ("↓ 7 more items"), not how many lines.
func (b *exBase) frameItems(body []string, items bodyItems, lo, hi int, footer ...string) string {
	b.items = &items
	defer func() { b.items = nil }()
	return b.frame(body, lo, hi, footer...)
}

// moreMark is the line that says what is hidden above or below: n lines, or, for a body of
// items, the items hidden.
func (b *exBase) moreMark(arrow string, lines, items int) string {
	if b.items == nil {
		return b.st.Muted.Render("  " + b.T("%s %d more lines", arrow, lines))
	}
	return b.st.Muted.Render("  " + b.hiddenItems(arrow, items))
}

// hiddenItems says how many items of the body are hidden beyond arrow, or, with none wholly
// hidden, that the one in view goes on.
func (b *exBase) hiddenItems(arrow string, n int) string {
	switch {
	case n == 0 && b.items.noun == nounStatement:
		return b.T("%s more of this statement", arrow)
	case n == 0 && b.items.noun == nounQuestion:
		return b.T("%s more of this question", arrow)
	case n == 0 && b.items.noun == nounRow:
		return b.T("%s more of this row", arrow)
	case n == 0:
		return b.T("%s more of this item", arrow)
	case b.items.noun == nounStatement:
		return b.T("%s %d more statements", arrow, n)
	case b.items.noun == nounQuestion:
		return b.T("%s %d more questions", arrow, n)
	case b.items.noun == nounRow:
		return b.T("%s %d more rows", arrow, n)
	}
	return b.T("%s %d more items", arrow, n)
}

// frame fits the prompt, a scrolling body and a footer into the editor's height: the footer
// always shows, the body scrolls so that lines lo..hi (the cursor) stay visible, and the
// prompt gives way first when space is short.
func (b *exBase) frame(body []string, lo, hi int, footer ...string) string {
	h := max(b.height, 1)
	footer = strings.Split(strings.Join(footer, "\n"), "\n") // a status may take several lines
	if len(footer) > h {
		footer = footer[len(footer)-h:]
	}
	room := h - len(footer)
	prompt := b.fitPrompt(room)
	lines := append([]string{}, prompt...)
	lines = append(lines, b.window(body, lo, hi, room-len(prompt))...)
	for len(lines) < room {
		lines = append(lines, "") // the footer stays at the bottom of the pane
	}
	lines = append(lines, footer...)
	for i, l := range lines {
		lines[i] = ui.Truncate(l, b.width)
	}
	return strings.Join(lines[:h], "\n")
}

// fitPrompt returns the prompt lines that fit above a body in room lines: the whole prompt
// when the body keeps three lines, fewer lines marked as cut when not, none when even one
// line would leave the body less than two.
func (b *exBase) fitPrompt(room int) []string {
	prompt := b.promptLines()
	if keep := max(room-3, 1); len(prompt) > keep {
		prompt = prompt[:keep]
		prompt[keep-1] = ui.Truncate(prompt[keep-1]+" …", b.width)
	}
	if room-len(prompt) < 2 {
		return nil
	}
	return prompt
}

// window shows height lines of body, scrolled so lines lo..hi show, with a marker line where
// more lines are hidden above or below (when there is room for markers at all).
func (b *exBase) window(body []string, lo, hi, height int) []string {
	if height <= 0 {
		return nil
	}
	if len(body) <= height {
		b.scroll = 0
		return body
	}
	lo, hi = max(lo, 0), min(max(hi, lo), len(body)-1)
	marks := height >= 5
	top, bottom := 0, 0
	var inner int
	for range 3 {
		inner = height - top - bottom
		l, h := lo, hi
		if h-l+1 > inner {
			h = l + inner - 1
		}
		if l < b.scroll {
			b.scroll = l
		}
		if h >= b.scroll+inner {
			b.scroll = h - inner + 1
		}
		b.scroll = min(max(b.scroll, 0), len(body)-inner)
		t, bt := 0, 0
		if marks && b.scroll > 0 {
			t = 1
		}
		if marks && b.scroll+inner < len(body) {
			bt = 1
		}
		if t == top && bt == bottom {
			break
		}
		top, bottom = t, bt
	}
	inner = height - top - bottom
	b.scroll = min(max(b.scroll, 0), len(body)-inner)
	out := make([]string, 0, height)
	var above, below int
	if b.items != nil {
		above, below = b.items.hidden(b.scroll, b.scroll+inner)
	}
	if top > 0 {
		out = append(out, b.moreMark("↑", b.scroll, above))
	}
	out = append(out, body[b.scroll:b.scroll+inner]...)
	if bottom > 0 {
		out = append(out, b.moreMark("↓", len(body)-b.scroll-inner, below))
	}
	return out
}

// cursorLine renders one selectable line: a marker and the selected style when chosen, so the
// choice shows without colour too.
func (b *exBase) cursorLine(selected bool, s string) string {
	if selected {
		if b.focused {
			return b.st.Selected.Render("› " + s)
		}
		return "› " + s
	}
	return "  " + s
}

// wrapped is para as one string of lines, for a footer line that may need several.
func wrapped(style lipgloss.Style, text string, width int) string {
	return strings.Join(para(style, text, width), "\n")
}

// footerLines counts the lines of footer entries, each of which may hold several.
func footerLines(entries []string) int {
	n := 0
	for _, e := range entries {
		n += strings.Count(e, "\n") + 1
	}
	return n
}

// para wraps text to width and styles each line, for bodies that scroll line by line.
func para(style lipgloss.Style, text string, width int) []string {
	lines := strings.Split(ui.Wrap(text, width), "\n")
	for i, l := range lines {
		lines[i] = style.Render(l)
	}
	return lines
}

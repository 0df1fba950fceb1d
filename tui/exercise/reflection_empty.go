package exercise

import (
	"strconv"
	"strings"
)

// emptyView is the frame of a reflection with nothing written in it, shared through the render
// cache by every screen that draws the same one: after a move every participant on the step
// has a fresh, empty editor, and drawing each of them was a large share of what the move cost.
// ok is false when the editor holds text, or when its body does not simply fit the window
// under the prompt (the one case the key describes); View then draws it itself.
//
// The key names everything the frame shows: the styles, the editor's and the pane's sizes, the
// focus, the placeholder, the prompt lines and the status line as drawn.
func (r *reflection) emptyView(status string) (string, bool) {
	if r.st.Cache == nil || r.area.Value() != "" {
		return "", false
	}
	h := max(r.height, 1)
	footer := strings.Count(status, "\n") + 1
	if footer > h {
		return "", false
	}
	room := h - footer
	prompt := r.fitPrompt(room)
	if win := room - len(prompt); win <= 0 || r.area.Height() > win {
		return "", false
	}
	r.scroll = 0 // what window does for a body that fits, as the frame drawn here would
	var k strings.Builder
	k.Grow(64 + len(r.placeholder) + len(status) + 96*len(prompt))
	k.WriteString("reflection|")
	k.WriteString(r.st.Key())
	for _, n := range [...]int{r.width, r.height, r.area.Width(), r.area.Height()} {
		k.WriteByte('|')
		k.WriteString(strconv.Itoa(n))
	}
	if r.area.Focused() {
		k.WriteString("|f")
	}
	k.WriteByte(0)
	k.WriteString(r.placeholder)
	for _, l := range prompt {
		k.WriteByte(0)
		k.WriteString(l)
	}
	k.WriteByte(1)
	k.WriteString(status)
	return r.st.Cache.Styled(k.String(), func() string {
		body := strings.Split(r.area.View(), "\n")
		return r.frame(body, 0, len(body)-1, status)
	}), true
}

package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"workshop/i18n"
	"workshop/session"
)

func (l *lobby) View() string {
	st := l.st
	// compact is a small window: what a person must act on (the field, the key to go on,
	// an error) comes before the hints, so the longer languages keep it in view.
	compact := l.height < 16
	errShown := false
	var b strings.Builder
	b.WriteString(truncate(st.Title.Render("workshop")+st.Muted.Render(l.T(" · a live, facilitated session")), l.width) + "\n")
	if l.languageLine() {
		b.WriteString(st.Muted.Render(truncate(l.T("F3 Language: %s", i18n.Verbatim(l.Lang().Name())), l.width)) + "\n")
	}
	b.WriteString("\n")
	switch l.stage {
	case stageCode, stageBusy:
		if l.cohort.ID == 0 {
			b.WriteString(st.Subtitle.Render(l.T("Join a workshop")) + "\n\n")
			b.WriteString(wrap(l.T("Type the join code your facilitator gave you and press enter."), l.width) + "\n")
			rejoin := st.Muted.Render(wrap(l.T("Coming back from another computer? Type your personal rejoin code (like %s) instead.", "K7MQ\u20112PXD"), l.width)) + "\n"
			if compact {
				b.WriteString(l.input.View() + "\n")
				errShown = l.writeErr(&b)
				b.WriteString("\n" + rejoin)
			} else {
				b.WriteString(rejoin + "\n" + l.input.View() + "\n")
			}
			if l.deps.Mode != nil {
				b.WriteString("\n" + st.Muted.Render(wrap(plainHint(l.Common), l.width)) + "\n")
			}
		} else {
			b.WriteString(st.Muted.Render(l.T("Joining…")) + "\n")
		}
	case stageName:
		b.WriteString(st.Subtitle.Render(truncate(l.T("Cohort: %s", i18n.Verbatim(l.cohort.Name)), l.width)) + "\n\n")
		b.WriteString(wrap(l.T("What name should the facilitator and your group see? Press enter to join."), l.width) + "\n\n")
		b.WriteString(l.input.View() + "\n")
	case stagePick:
		l.viewPick(&b)
	case stageRejoin:
		b.WriteString(st.Subtitle.Render(wrap(l.T("You are in. Keep this code:"), l.width)) + "\n\n")
		b.WriteString(st.Code.Render(l.rejoinCode) + "\n\n")
		about := wrap(l.T("This is your personal rejoin code. Write it down. To come back as yourself — after a dropped connection or from another computer — connect again and type this code instead of the join code. Your work will be waiting."), l.width)
		next := st.Accent.Render(wrap(l.T("Press enter to continue."), l.width))
		if compact {
			b.WriteString(next + "\n\n" + about)
		} else {
			b.WriteString(about + "\n\n" + next)
		}
	}
	if l.stage == stageBusy && l.cohort.ID == 0 {
		b.WriteString(st.Muted.Render(l.T("Checking…")) + "\n")
	}
	if !errShown {
		l.writeErr(&b)
	}
	return indent(b.String())
}

// indent sets every line of the lobby one cell in from the window's edge. The lobby draws again
// on every key typed in its field, and measuring and padding the whole block with a style, for
// blanks no one sees, cost more than the rest of drawing it.
func indent(s string) string {
	var b strings.Builder
	b.Grow(len(s) + strings.Count(s, "\n") + 1)
	for line := range strings.Lines(s) {
		b.WriteByte(' ')
		b.WriteString(line)
	}
	if s == "" || strings.HasSuffix(s, "\n") {
		b.WriteByte(' ') // the last line, empty, as a padded block has it
	}
	return b.String()
}

// writeErr writes the lobby's error, if there is one, and says whether it did.
func (l *lobby) writeErr(b *strings.Builder) bool {
	if l.err.IsZero() {
		return false
	}
	b.WriteString("\n" + l.st.Bad.Render(wrap(l.Msg(l.err), l.width)) + "\n")
	return true
}

// speak is the lobby in com's language, where it stands: the field keeps what was typed, and a
// participant screen waiting behind the rejoin code changes language too.
func (l *lobby) speak(com *Common) (screen, tea.Cmd) {
	l.Common = com
	value, pos := l.input.Value(), l.input.Position()
	switch l.stage {
	case stageCode:
		l.askCode()
	case stageName:
		l.askName()
	}
	l.input.SetValue(value)
	l.input.SetCursor(pos)
	if pv, ok := l.next.(*participantView); ok {
		l.next, _ = pv.speak(com) // its editor is made when it opens, in com's language
	}
	return l, nil
}

// languageLine says whether the lobby names the language key under its title: always where
// a person arrives, and further on when the window has a line to spare for it (the help names
// it too).
func (l *lobby) languageLine() bool {
	return l.stage == stageCode || l.stage == stageBusy || l.height >= 16
}

func (l *lobby) Resize(w, h int) screen {
	l.width, l.height = max(w-2, 10), h
	l.fitInput()
	return l
}

// fitInput keeps the text field inside the window: a field wider than the window would widen
// every line of the padded block.
func (l *lobby) fitInput() {
	want := session.MaxNameLen + 1
	if l.stage == stageCode {
		want = 20
	}
	if l.width > 0 {
		want = min(want, l.width-cellWidth(l.input.Prompt)-1)
	}
	l.input.SetWidth(max(want, 4))
}

func (l *lobby) Typing() bool { return l.stage == stageCode || l.stage == stageName }

func (l *lobby) ShortHelp() []key.Binding {
	switch l.stage {
	case stagePick:
		return []key.Binding{relabel(l.keys.Up, "↑/↓", l.T("choose")), l.enterKey(l.T("open"))}
	case stageCode:
		if len(l.mine) > 0 {
			return []key.Binding{l.enterKey(l.T("join")), relabel(l.keys.Back, "esc", l.T("your workshops"))}
		}
	case stageName:
		return []key.Binding{l.enterKey(l.T("join")), relabel(l.keys.Back, "esc", l.T("back"))}
	case stageRejoin:
		return []key.Binding{l.enterKey(l.T("continue"))}
	}
	return []key.Binding{l.enterKey(l.T("join"))}
}

func (l *lobby) enterKey(desc string) key.Binding {
	return key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", desc))
}

func (l *lobby) FullHelp() [][]key.Binding { return [][]key.Binding{l.ShortHelp()} }

// viewPick draws the picker of a key holder's cohorts: each cohort's name, then its module and
// the step the person is on, and last "join another workshop". Entries wrap; when they do not
// all fit, the list scrolls with the cursor and the heading says where it is.
func (l *lobby) viewPick(b *strings.Builder) {
	st, w := l.st, l.width
	type entry struct{ lines []string }
	var entries []entry
	for i := 0; i <= len(l.mine); i++ {
		mark := "  "
		if i == l.pick {
			mark = "› "
		}
		style := lipgloss.NewStyle()
		if i == l.pick {
			style = st.Accent.Bold(true)
		}
		var e entry
		if i == len(l.mine) {
			for _, ln := range strings.Split(wrap(l.T("Join another workshop with its code"), max(w-2, 8)), "\n") {
				e.lines = append(e.lines, style.Render(mark+ln))
				mark = "  "
			}
			entries = append(entries, e)
			break
		}
		ms := l.mine[i]
		name := ms.Cohort.Name
		if !ms.Cohort.ArchivedAt.IsZero() {
			name = l.T("%s (archived)", i18n.Verbatim(name))
		}
		for _, ln := range strings.Split(wrap(name, max(w-2, 8)), "\n") {
			e.lines = append(e.lines, style.Render(mark+ln))
			mark = "  "
		}
		detail := ms.ModuleTitle
		if ms.Steps > 0 {
			detail = l.T("%s · step %d of %d", i18n.Verbatim(detail), ms.Step+1, ms.Steps)
		}
		for _, ln := range strings.Split(wrap(detail, max(w-2, 8)), "\n") {
			e.lines = append(e.lines, st.Muted.Render("  "+ln))
		}
		entries = append(entries, e)
	}
	total := 0
	for _, e := range entries {
		total += len(e.lines)
	}
	// Above the list: title, language, blank, subtitle, blank, heading, blank; below it, the
	// error.
	top := 5
	if l.languageLine() {
		top++
	}
	errH := 0
	if !l.err.IsZero() {
		errH = strings.Count(wrap(l.Msg(l.err), w), "\n") + 2
	}
	head := l.T("You are in more than one workshop. Choose one and press enter.")
	room := l.height - top - strings.Count(wrap(head, w), "\n") - 1 - errH
	if total > room {
		head = l.T("Choose one, press enter (%d of %d):", l.pick+1, len(entries))
	}
	headLines := strings.Split(wrap(head, w), "\n")
	room = max(l.height-top-len(headLines)-errH, 1)
	b.WriteString(st.Subtitle.Render(l.T("Your workshops")) + "\n\n")
	b.WriteString(strings.Join(headLines, "\n") + "\n\n")
	if cur := entries[l.pick].lines; len(cur) > room {
		entries[l.pick].lines = cur[:room] // a window too small for one whole entry
	}
	// From the cursor's entry, take in the ones after and before while they fit.
	from, to := l.pick, l.pick+1
	used := len(entries[l.pick].lines)
	for grew := true; grew; {
		grew = false
		if to < len(entries) && used+len(entries[to].lines) <= room {
			used += len(entries[to].lines)
			to++
			grew = true
		}
		if from > 0 && used+len(entries[from-1].lines) <= room {
			from--
			used += len(entries[from].lines)
			grew = true
		}
	}
	for _, e := range entries[from:to] {
		for _, ln := range e.lines {
			b.WriteString(ln + "\n")
		}
	}
}

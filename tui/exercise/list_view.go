package exercise

import (
	"fmt"
	"strings"

	"workshop/session/work"
	"workshop/tui/ui"
)

func (l *listEditor) whose() string {
	switch {
	case l.anonymous():
		return l.T("Anonymous board: everyone's items, no names kept")
	case l.shared() || l.noTeam:
		if t, ok := l.env.team(); ok {
			return l.T("%s's board · updates live", l.teamName(t.Name))
		}
		return l.T("Your team's board · updates live")
	}
	return l.T("Your list")
}

// author says who wrote an item, for team boards; on an anonymous board only the
// participant's own items of this session are marked.
func (l *listEditor) author(it work.Item) string {
	switch {
	case l.anonymous():
		if l.env.isMine(l.step.ID, it.ID) {
			return l.T("yours")
		}
		return ""
	case l.shared():
		if it.EditedBy != 0 && it.EditedBy != it.By {
			return l.T("%s, edited by %s", l.env.name(it.By), l.env.name(it.EditedBy))
		}
		return l.env.name(it.By)
	}
	return ""
}

func (l *listEditor) View() string {
	st := l.st
	items := l.list().Items
	body := para(st.Muted, l.whose(), l.width)
	lo, hi := 0, 0
	if l.noTeam {
		body = append(body, para(st.Muted, l.T("This list is shared by a team. When the facilitator forms teams, your team's board appears here."), l.width)...)
	}
	marks := bodyItems{noun: nounItem}
	for i, it := range items {
		marks.starts = append(marks.starts, len(body))
		sel := i == l.cursor && l.mode != listAdding
		num := fmt.Sprintf("%d. ", i+1)
		by := l.author(it)
		if sel && l.mode == listDeleting {
			lo = len(body)
			body = append(body, para(st.Bad, l.T("› Delete “%s”? y deletes it, any other key keeps it", it.Text), l.width)...)
			hi = len(body) - 1
			continue
		}
		avail := max(l.width-2-len(num), 8)
		if by != "" {
			avail = max(avail-ui.CellWidth(by)-2, 8)
		}
		if sel {
			lo = len(body)
			text := strings.Split(ui.Wrap(it.Text, avail), "\n")
			for j, t := range text {
				if j == 0 {
					body = append(body, l.withAuthor(l.cursorLine(true, num+t), by))
				} else {
					body = append(body, l.cursorLine(false, strings.Repeat(" ", len(num))+t))
				}
			}
			hi = len(body) - 1
			continue
		}
		body = append(body, l.withAuthor(l.cursorLine(false, num+ui.Truncate(it.Text, avail)), by))
	}
	marks.end = len(body)
	addLine := st.Muted.Render(l.T("+ Add an item (a)"))
	if full := l.fullLine(); full != "" {
		addLine = st.Muted.Render(full)
	}
	if l.mode != listAdding {
		body = append(body, l.cursorLine(l.cursor == len(items), addLine))
		if l.cursor == len(items) {
			lo, hi = len(body)-1, len(body)-1
		}
	}
	var footer []string
	if l.mode == listAdding || l.mode == listEditing {
		footer = append(footer, l.input.lines(l.width)...)
	}
	footer = append(footer, l.statusLine(l.count()))
	return l.frameItems(body, marks, lo, hi, footer...)
}

func (l *listEditor) withAuthor(line, by string) string {
	if by == "" {
		return line
	}
	return ui.Spread(line, l.st.Muted.Render(by), l.width)
}

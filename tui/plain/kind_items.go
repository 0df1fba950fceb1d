package plain

import (
	"strconv"
	"strings"

	"workshop/i18n"
	"workshop/session/work"
)

// Lists, team boards and anonymous lists: a line that is no command is a new item.

func (w *stepWork) list() *work.List { return w.value.(*work.List) }

// by is the author kept with a new item: nobody on an anonymous list.
func (w *stepWork) by() int64 {
	if w.ex.Anonymous {
		return 0
	}
	return w.r.me.ID
}

// own counts the items the participant holds of the list, as the full screen counts them.
func (w *stepWork) own() int {
	l := w.list()
	switch {
	case w.ex.Anonymous:
		n := 0
		for _, it := range l.Items {
			if w.mine[it.ID] {
				n++
			}
		}
		return n
	case w.shared():
		return work.OwnItems(l, w.r.me.ID)
	}
	return len(l.Items)
}

func (w *stepWork) addItem(text string) {
	text = strings.TrimSpace(text)
	if text == "" {
		return
	}
	if err := work.Room(w.ex, w.list(), w.own()); err != nil {
		w.r.t.say(reason(w.p(), err))
		return
	}
	it := work.Item{ID: work.NewID(), Text: text, By: w.by()}
	if w.change(func(v any) error { v.(*work.List).Add(it); return nil }) {
		if w.ex.Anonymous {
			w.mine[it.ID] = true
		}
		w.r.t.say(msgItemAdded(w.p(), w.list().Index(it.ID)+1, len(w.list().Items), w.shared(), w.ex.Anonymous))
	}
}

// canChange says whether the participant may change an item: on an anonymous list only the
// ones this session added, since no author is kept.
func (w *stepWork) canChange(it work.Item) bool {
	if w.ex.Anonymous && !w.mine[it.ID] {
		w.r.t.say(w.p().T("On an anonymous board you can change only the items you added since you joined this time: no names are kept."))
		return false
	}
	return true
}

func (w *stepWork) listCommand(cmd, args string) bool {
	p, items := w.p(), w.list().Items
	switch cmd {
	case "add":
		w.addItem(args)
	case "delete", "remove":
		i, ok := index(args, len(items))
		if !ok {
			w.r.t.say(msgWhichNumber(p, len(items)))
			return true
		}
		it := items[i]
		if w.canChange(it) && w.change(func(v any) error { v.(*work.List).Delete(it.ID); return nil }) {
			w.r.t.say(p.T("Deleted %q. %d items left.", it.Text, len(w.list().Items)))
		}
	case "edit":
		i, text, ok := numberAndRest(args, len(items))
		if !ok || text == "" {
			w.r.t.say(p.T("Type edit, the item number (1 to %d) and the new text, for example: edit 1 shorter queues.", len(items)))
			return true
		}
		it, by := items[i], w.by()
		if w.canChange(it) && w.change(func(v any) error { return v.(*work.List).Edit(it.ID, text, by) }) {
			w.r.t.say(p.T("Item %d changed.", i+1))
		}
	case "up", "down":
		i, ok := index(args, len(items))
		if !ok {
			w.r.t.say(msgWhichNumber(p, len(items)))
			return true
		}
		it, delta := items[i], -1
		if cmd == "down" {
			delta = 1
		}
		if w.canChange(it) && w.change(func(v any) error { return v.(*work.List).Move(it.ID, delta) }) {
			w.r.t.say(p.T("The item is number %d now.", w.list().Index(it.ID)+1))
		}
	default:
		return false
	}
	return true
}

func (w *stepWork) readList(l *work.List) []string {
	if len(l.Items) == 0 {
		return []string{w.p().T("No items yet.")}
	}
	out := make([]string, 0, len(l.Items))
	for i, it := range l.Items {
		out = append(out, msgItem(w.p(), i+1, it.Text, w.author(it)))
	}
	return out
}

// author names who wrote an item, for lists that keep authors; the zero Msg for nobody.
func (w *stepWork) author(it work.Item) i18n.Msg {
	switch {
	case w.ex.Anonymous:
		if w.mine[it.ID] {
			return i18n.M("you")
		}
		return i18n.Msg{}
	case it.By == 0 || !w.shared():
		return i18n.Msg{}
	case it.By == w.r.me.ID:
		return i18n.M("you")
	}
	if m, ok := w.r.snap.Member(it.By); ok {
		return i18n.Verbatim(m.Label())
	}
	return i18n.M("someone who left")
}

// Votes: dot N adds a dot, undot N takes one off, dots N K sets K dots.

func (w *stepWork) vote() *work.Vote { return w.value.(*work.Vote) }

func (w *stepWork) voteCommand(cmd, args string) bool {
	p, n := w.p(), len(w.items)
	how := p.T("Type dot and an item number to give it a dot, undot to take one back, or dots, the number and how many, for example: dots 2 3.")
	switch cmd {
	case "dot", "undot", "dots":
		f := strings.Fields(args)
		if len(f) == 0 || (cmd == "dots" && len(f) != 2) {
			w.r.t.say(how)
			return true
		}
		i, ok := index(f[0], n)
		if !ok {
			w.r.t.say(msgWhichNumber(p, n))
			return true
		}
		id := w.items[i].ID
		cur := w.vote().Dots[id]
		want := cur + 1
		switch cmd {
		case "undot":
			want = cur - 1
		case "dots":
			k, err := strconv.Atoi(f[1])
			if err != nil || k < 0 {
				w.r.t.say(how)
				return true
			}
			want = k
		}
		items := w.items
		if w.change(func(v any) error {
			vt := v.(*work.Vote)
			vt.Keep(items)
			vt.Set(id, want)
			return nil
		}) {
			w.r.t.say(p.T("Item %d has %d of your dots. %d dots left.", i+1, w.vote().Dots[id], w.ex.DotCount()-w.vote().Spent()))
		}
	default:
		return false
	}
	return true
}

func (w *stepWork) readVote(v *work.Vote) []string {
	p := w.p()
	if len(w.items) == 0 {
		return []string{p.T("There is nothing to vote on yet: the earlier step has no items.")}
	}
	out := make([]string, 0, len(w.items)+1)
	for i, it := range w.items {
		out = append(out, p.T("%d. %s: %d of your dots.", i+1, it.Text, v.Dots[it.ID]))
	}
	out = append(out, p.T("%d of your %d dots left.", w.ex.DotCount()-v.Spent(), w.ex.DotCount()))
	if len(w.tally) > 0 {
		out = append(out, w.tallyLines()...)
	}
	return out
}

// Matrices: place N at X Y (1 to 10 along each axis), remove N.

func (w *stepWork) matrixCommand(cmd, args string) bool {
	pr, n := w.p(), len(w.items)
	switch cmd {
	case "place":
		f := strings.Fields(strings.ReplaceAll(args, ",", " "))
		if len(f) == 4 {
			if _, err := strconv.Atoi(f[1]); err != nil {
				f = append(f[:1], f[2:]...) // "at", or the reader's word for it
			}
		}
		if len(f) != 3 {
			w.r.t.say(msgPlaceHow(pr, work.GridSize))
			return true
		}
		i, ok := index(f[0], n)
		if !ok {
			w.r.t.say(msgWhichNumber(pr, n))
			return true
		}
		x, okx := index(f[1], work.GridSize)
		y, oky := index(f[2], work.GridSize)
		if !okx || !oky {
			w.r.t.say(msgPlaceHow(pr, work.GridSize))
			return true
		}
		id, p := w.items[i].ID, work.Place{X: x, Y: y}
		if w.change(func(v any) error { v.(*work.Matrix).Place(id, p); return nil }) {
			w.r.t.say(pr.T("Item %d placed at %d across, %d up: %s.", i+1, x+1, y+1, w.quadrantNames()[p.Quadrant()]))
		}
	case "remove", "delete":
		i, ok := index(args, n)
		if !ok {
			w.r.t.say(msgWhichNumber(pr, n))
			return true
		}
		id := w.items[i].ID
		if w.change(func(v any) error { v.(*work.Matrix).Unplace(id); return nil }) {
			w.r.t.say(pr.T("Item %d taken off the matrix.", i+1))
		}
	default:
		return false
	}
	return true
}

func (w *stepWork) readMatrix(m *work.Matrix) []string {
	pr := w.p()
	if len(w.items) == 0 {
		return []string{pr.T("There is nothing to place yet: the earlier step has no items.")}
	}
	names := w.quadrantNames()
	out := make([]string, 0, len(w.items))
	for i, it := range w.items {
		p, ok := m.Places[it.ID]
		if !ok {
			out = append(out, msgMatrixItem(pr, i+1, it.Text, 0, 0, ""))
			continue
		}
		out = append(out, msgMatrixItem(pr, i+1, it.Text, p.X+1, p.Y+1, names[p.Quadrant()]))
	}
	return out
}

package plain

import (
	"strconv"
	"strings"

	"workshop/session"
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
		w.r.t.say(msgCannot(session.ErrorMessage(err)))
		return
	}
	it := work.Item{ID: work.NewID(), Text: text, By: w.by()}
	if w.change(func(v any) error { v.(*work.List).Add(it); return nil }) {
		if w.ex.Anonymous {
			w.mine[it.ID] = true
		}
		w.r.t.say(msgItemAdded(w.list().Index(it.ID)+1, len(w.list().Items), w.shared(), w.ex.Anonymous))
	}
}

// canChange says whether the participant may change an item: on an anonymous list only the
// ones this session added, since no author is kept.
func (w *stepWork) canChange(it work.Item) bool {
	if w.ex.Anonymous && !w.mine[it.ID] {
		w.r.t.say(msgNotYours)
		return false
	}
	return true
}

func (w *stepWork) listCommand(cmd, args string) bool {
	items := w.list().Items
	switch cmd {
	case "add":
		w.addItem(args)
	case "delete", "remove":
		i, ok := index(args, len(items))
		if !ok {
			w.r.t.say(msgWhichNumber(len(items)))
			return true
		}
		it := items[i]
		if w.canChange(it) && w.change(func(v any) error { v.(*work.List).Delete(it.ID); return nil }) {
			w.r.t.say(msgItemDeleted(it.Text, len(w.list().Items)))
		}
	case "edit":
		i, text, ok := numberAndRest(args, len(items))
		if !ok || text == "" {
			w.r.t.say(msgEditHow(len(items)))
			return true
		}
		it, by := items[i], w.by()
		if w.canChange(it) && w.change(func(v any) error { return v.(*work.List).Edit(it.ID, text, by) }) {
			w.r.t.say(msgItemEdited(i + 1))
		}
	case "up", "down":
		i, ok := index(args, len(items))
		if !ok {
			w.r.t.say(msgWhichNumber(len(items)))
			return true
		}
		it, delta := items[i], -1
		if cmd == "down" {
			delta = 1
		}
		if w.canChange(it) && w.change(func(v any) error { return v.(*work.List).Move(it.ID, delta) }) {
			w.r.t.say(msgItemMoved(w.list().Index(it.ID) + 1))
		}
	default:
		return false
	}
	return true
}

func (w *stepWork) readList(l *work.List) []string {
	if len(l.Items) == 0 {
		return []string{msgNoItems}
	}
	out := make([]string, 0, len(l.Items))
	for i, it := range l.Items {
		out = append(out, msgItem(i+1, it.Text, w.author(it)))
	}
	return out
}

// author names who wrote an item, for lists that keep authors.
func (w *stepWork) author(it work.Item) string {
	switch {
	case w.ex.Anonymous:
		if w.mine[it.ID] {
			return "you"
		}
		return ""
	case it.By == 0 || !w.shared():
		return ""
	case it.By == w.r.me.ID:
		return "you"
	}
	if m, ok := w.r.snap.Member(it.By); ok {
		return m.Label()
	}
	return "someone who left"
}

// Votes: dot N adds a dot, undot N takes one off, dots N K sets K dots.

func (w *stepWork) vote() *work.Vote { return w.value.(*work.Vote) }

func (w *stepWork) voteCommand(cmd, args string) bool {
	n := len(w.items)
	switch cmd {
	case "dot", "undot", "dots":
		f := strings.Fields(args)
		if len(f) == 0 || (cmd == "dots" && len(f) != 2) {
			w.r.t.say(msgVoteHow)
			return true
		}
		i, ok := index(f[0], n)
		if !ok {
			w.r.t.say(msgWhichNumber(n))
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
				w.r.t.say(msgVoteHow)
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
			w.r.t.say(msgDots(i+1, w.vote().Dots[id], w.ex.DotCount()-w.vote().Spent()))
		}
	default:
		return false
	}
	return true
}

func (w *stepWork) readVote(v *work.Vote) []string {
	if len(w.items) == 0 {
		return []string{msgNothingToVoteOn}
	}
	out := make([]string, 0, len(w.items)+1)
	for i, it := range w.items {
		out = append(out, msgVoteItem(i+1, it.Text, v.Dots[it.ID]))
	}
	out = append(out, msgDotsLeft(w.ex.DotCount()-v.Spent(), w.ex.DotCount()))
	if len(w.tally) > 0 {
		out = append(out, w.tallyLines()...)
	}
	return out
}

// Matrices: place N at X Y (1 to 10 along each axis), remove N.

func (w *stepWork) matrixCommand(cmd, args string) bool {
	n := len(w.items)
	switch cmd {
	case "place", "move":
		f := strings.Fields(strings.ReplaceAll(args, ",", " "))
		if len(f) == 4 && strings.EqualFold(f[1], "at") {
			f = append(f[:1], f[2:]...)
		}
		if len(f) != 3 {
			w.r.t.say(msgPlaceHow(work.GridSize))
			return true
		}
		i, ok := index(f[0], n)
		if !ok {
			w.r.t.say(msgWhichNumber(n))
			return true
		}
		x, okx := index(f[1], work.GridSize)
		y, oky := index(f[2], work.GridSize)
		if !okx || !oky {
			w.r.t.say(msgPlaceHow(work.GridSize))
			return true
		}
		id, p := w.items[i].ID, work.Place{X: x, Y: y}
		if w.change(func(v any) error { v.(*work.Matrix).Place(id, p); return nil }) {
			w.r.t.say(msgPlaced(i+1, x+1, y+1, w.ex.QuadrantNames()[p.Quadrant()]))
		}
	case "remove", "unplace":
		i, ok := index(args, n)
		if !ok {
			w.r.t.say(msgWhichNumber(n))
			return true
		}
		id := w.items[i].ID
		if w.change(func(v any) error { v.(*work.Matrix).Unplace(id); return nil }) {
			w.r.t.say(msgUnplaced(i + 1))
		}
	default:
		return false
	}
	return true
}

func (w *stepWork) readMatrix(m *work.Matrix) []string {
	if len(w.items) == 0 {
		return []string{msgNothingToPlace}
	}
	names := w.ex.QuadrantNames()
	out := make([]string, 0, len(w.items))
	for i, it := range w.items {
		p, ok := m.Places[it.ID]
		if !ok {
			out = append(out, msgMatrixItem(i+1, it.Text, 0, 0, ""))
			continue
		}
		out = append(out, msgMatrixItem(i+1, it.Text, p.X+1, p.Y+1, names[p.Quadrant()]))
	}
	return out
}

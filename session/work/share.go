package work

import (
	"slices"

	"workshop/content"
	"workshop/i18n"
)

// A list's max_items bounds what one participant adds: their own list, or their share of a
// shared list (a team board or the anonymous pool), while max_board_items bounds a shared list
// as a whole. The functions below count a share and say, in a participant's words, whether one
// more item fits.

// OwnItems counts the items on a list that the participant added.
func OwnItems(l *List, by int64) int {
	if by == 0 {
		return 0
	}
	n := 0
	for _, it := range l.Items {
		if it.By == by {
			n++
		}
	}
	return n
}

// Changed counts the items a change added to a list and the ones it removed, by id.
func Changed(before, after *List) (added, removed int) {
	for _, it := range after.Items {
		if before.Index(it.ID) < 0 {
			added++
		}
	}
	for _, it := range before.Items {
		if !slices.ContainsFunc(after.Items, func(x Item) bool { return x.ID == it.ID }) {
			removed++
		}
	}
	return added, removed
}

// CheckShare says whether a participant who now holds own items of a shared list is within
// the list's max_items; added says the change at hand added some, since only adding can break
// the limit.
func CheckShare(ex *content.Exercise, own int, added bool) error {
	if added && own > ex.ItemLimit() {
		return overLimit(i18n.M("you have added %d items, the most one person may add here", ex.ItemLimit()))
	}
	return nil
}

// Room says whether the participant may add one more item to a list, where own is what they
// already hold of it (the list's length for their own list), and if not, why.
func Room(ex *content.Exercise, l *List, own int) error {
	if ex.SharedList() {
		if len(l.Items) >= ex.BoardItemLimit() {
			return overLimit(i18n.M("the board is full: it holds at most %d items", ex.BoardItemLimit()))
		}
		if own >= ex.ItemLimit() {
			return overLimit(i18n.M("you have added %d items, the most one person may add here", ex.ItemLimit()))
		}
		return nil
	}
	if len(l.Items) >= ex.ItemLimit() {
		return overLimit(i18n.M("the list is full: %d items is the limit. Delete one to add another", ex.ItemLimit()))
	}
	return nil
}

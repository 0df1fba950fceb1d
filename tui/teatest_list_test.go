package tui

import (
	"context"
	"strings"
	"testing"

	"workshop/session"
	"workshop/session/work"
)

// listTexts returns the texts of a list's items, in order.
func listTexts(v any) []string {
	var out []string
	for _, it := range v.(*work.List).Items {
		out = append(out, it.Text)
	}
	return out
}

func sameTexts(got []string, want ...string) bool {
	return strings.Join(got, "|") == strings.Join(want, "|")
}

// The participant's own list: add, reorder, edit, delete (asked first), the length limit of an
// item, the item limit of the list, and ctrl+s.
func TestTeatestListOwn(t *testing.T) {
	t.Parallel()
	m, h, ps := teaCohort(t, "ideas", "Ana")
	s := startTea(t, m, h, ps[0], 80, 24)
	s.waitFor("Step 3 of 14 — Ideas", "Your list", "+ Add an item (a)", "0/5 items", "Not started")

	s.keys("ctrl+s")
	s.waitFor("Add at least one item before submitting.")

	s.keys("a")
	s.waitFor("New item", "0/60")
	s.typeText("Online booking")
	s.keys("enter")
	s.typeText("Clear checklist")
	s.keys("enter")
	s.typeText("Call back")
	s.keys("enter", "esc")
	s.waitFor("1. Online booking", "2. Clear checklist", "3. Call back", "3/5 items", "Draft saved")
	v, status := s.decoded("ideas")
	if !sameTexts(listTexts(v), "Online booking", "Clear checklist", "Call back") || status != session.StatusDraft {
		t.Fatalf("stored %q %s", listTexts(v), status)
	}
	for _, it := range v.(*work.List).Items {
		if it.By != ps[0].ID {
			t.Fatalf("item stored without its author: %+v", it)
		}
	}

	// Reorder: K and shift+up move up, J and shift+down move down.
	s.keys("up", "K", "shift+up")
	s.waitFor("› 1. Call back", "2. Online booking", "3. Clear checklist", "Draft saved")
	s.keys("J")
	s.waitFor("1. Online booking", "› 2. Call back", "3. Clear checklist", "Draft saved")
	v, _ = s.decoded("ideas")
	if !sameTexts(listTexts(v), "Online booking", "Call back", "Clear checklist") {
		t.Fatalf("after reordering %q", listTexts(v))
	}

	// Edit: e opens the item's text; ctrl+u clears the field rather than paging the guidance.
	s.keys("e")
	s.waitFor("Edit item", "9/60")
	s.keys("ctrl+u")
	s.waitFor("0/60")
	s.typeText("Phone back")
	s.keys("enter")
	s.waitFor("› 2. Phone back", "Draft saved")

	// An item cannot be longer than the limit: a paste is cut, with a message, and typing stops.
	s.keys("a")
	s.paste(strings.Repeat("long idea ", 10))
	s.waitFor("pasted text cut to fit 60 characters", "60/60")
	s.typeText("more")
	s.keys("enter")
	s.typeText("Fifth")
	s.keys("enter")
	s.waitFor("5. Fifth", "Added. The list is now full.", "The list is full.", "5/5 items")
	s.keys("a")
	s.waitFor("The list is full: 5 items is the limit. Delete one to add another.")

	// Delete asks first; any key but y keeps the item.
	s.keys("home", "d")
	s.waitFor("› Delete “Online booking”? y deletes it, any other key keeps it")
	s.keys("n")
	s.waitFor("Kept.", "› 1. Online booking")
	s.keys("d", "y")
	s.waitFor("› 1. Phone back", "4/5 items", "+ Add an item (a)")

	s.keys("ctrl+s")
	s.waitFor("✓ Submitted", "4/5 items")
	v, status = s.decoded("ideas")
	got := listTexts(v)
	if status != session.StatusSubmitted || len(got) != 4 || got[0] != "Phone back" || got[1] != "Clear checklist" ||
		got[2] != strings.TrimSpace(strings.Repeat("long idea ", 6)) || got[3] != "Fifth" {
		t.Fatalf("submitted %s %q", status, got)
	}
	final := s.finalScreen()
	if !strings.Contains(final, "✓ Submitted") || !strings.Contains(final, "4. Fifth") {
		t.Fatalf("final frame:\n%s", final)
	}
}

// The team board is shared live: an item lands on the team's board with its author, a
// teammate's additions and edits show at once with their name, reordering and deleting change
// the board for everyone, and ctrl+s marks only the participant as done.
func TestTeatestListTeamBoard(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	m, h, ps := teaCohort(t, "team-ideas", "Ana", "Bea")
	splitIntoOneTeam(t, h)
	ana, bea := ps[0], ps[1]
	s := startTea(t, m, h, ana, 80, 24)
	s.waitFor("Step 4 of 14 — Team ideas", "Team: Team 1", "Team 1's board · updates live", "Saved at once for your team · ctrl+s when done")

	s.keys("a")
	s.typeText("From Ana")
	s.keys("enter", "esc")
	s.waitFor("1. From Ana", "you", "1/30 yours")
	s.waitBoard("team-ideas", "Ana's item", func(v any) bool { return len(v.(*work.List).Items) == 1 })
	v, owner := s.board("team-ideas")
	items := v.(*work.List).Items
	if !strings.HasPrefix(owner, "team:") || len(items) != 1 || items[0].Text != "From Ana" || items[0].By != ana.ID {
		t.Fatalf("board %s %+v", owner, items)
	}
	if _, found, _ := h.Work(ctx, ana.ID, "team-ideas"); !found {
		t.Fatal("working on the board did not show Ana as at work")
	}

	// A teammate adds an item and edits Ana's: both show at once, with who did it.
	beaID := addToBoard(t, h, bea, "team-ideas", "From Bea")
	if _, err := h.UpdateBoard(ctx, bea.ID, "team-ideas", func(v any) error {
		return v.(*work.List).Edit(items[0].ID, "From Ana, better", bea.ID)
	}); err != nil {
		t.Fatal(err)
	}
	scr := s.waitFor("1. From Ana, better", "2. From Bea", "you, edited by Bea", "1/30 yours")
	if !strings.Contains(lineWith(scr, "2. From Bea"), "Bea") {
		t.Fatalf("Bea's item shows no author:\n%s", scr)
	}

	// Moving Bea's item up and deleting Ana's change the shared board.
	s.keys("up", "K")
	s.waitFor("› 1. From Bea", "2. From Ana, better")
	s.keys("down", "d")
	s.waitFor("› Delete “From Ana, better”?")
	s.keys("y")
	s.waitFor("1. From Bea", "› + Add an item (a)", "0/30 yours")
	s.waitGone("From Ana, better")
	s.waitBoard("team-ideas", "only Bea's item", func(v any) bool {
		got := v.(*work.List).Items
		return len(got) == 1 && got[0].ID == beaID
	})

	s.keys("ctrl+s")
	s.waitFor("✓ Done", "the board stays open")
	a := s.work("team-ideas")
	if a.Status != session.StatusSubmitted || string(a.Data) != `{"shared":true}` {
		t.Fatalf("own record %s %s", a.Status, a.Data)
	}
	v, _ = s.board("team-ideas")
	if !sameTexts(listTexts(v), "From Bea") {
		t.Fatalf("marking done changed the board: %q", listTexts(v))
	}
}

// The anonymous board keeps no author: the participant's own items are marked only on their
// screen and only those can be changed, the order cannot, and nothing about the participant
// is stored until they mark the step done.
func TestTeatestListAnonymous(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	m, h, ps := teaCohort(t, "roundtable", "Ana", "Bea")
	ana, bea := ps[0], ps[1]
	addToBoard(t, h, bea, "roundtable", "The forms are too long")
	s := startTea(t, m, h, ana, 80, 24)
	s.waitFor("Step 5 of 14 — Roundtable", "Anonymous board: everyone's items, no names kept", "1. The forms are too long", "Saved at once, without your name")

	s.keys("a")
	s.typeText("Nobody called back")
	s.keys("enter", "esc")
	scr := s.waitFor("2. Nobody called back", "yours", "2 on the board")
	if strings.Contains(lineWith(scr, "1. The forms are too long"), "yours") {
		t.Fatalf("someone else's item marked as yours:\n%s", scr)
	}
	v := s.waitBoard("roundtable", "the new item", func(v any) bool {
		return sameTexts(listTexts(v), "The forms are too long", "Nobody called back")
	})
	if _, owner := s.board("roundtable"); owner != session.OwnerPool {
		t.Fatalf("the anonymous board is owned by %q", owner)
	}
	for _, it := range v.(*work.List).Items {
		if it.By != 0 || it.EditedBy != 0 {
			t.Fatalf("an author was stored: %+v", it)
		}
	}
	if _, found, err := h.Work(ctx, ana.ID, "roundtable"); err != nil || found {
		t.Fatalf("adding an anonymous item stored a record of Ana (found %v, %v)", found, err)
	}

	// Someone else's item cannot be edited or deleted; one's own can.
	s.keys("home", "e")
	s.waitFor("On an anonymous board you can change only the items you added")
	s.keys("d")
	s.waitFor("On an anonymous board you can change only the items you added")
	s.keys("down", "e", "ctrl+u")
	s.typeText("Nobody ever called back")
	s.keys("enter")
	s.waitFor("› 2. Nobody ever called back", "yours")
	s.keys("K")
	s.waitFor("Items on an anonymous board keep the order they were added in.")
	s.waitBoard("roundtable", "the edited item", func(v any) bool {
		return sameTexts(listTexts(v), "The forms are too long", "Nobody ever called back")
	})

	s.keys("ctrl+s")
	s.waitFor("✓ Done")
	if a := s.work("roundtable"); a.Status != session.StatusSubmitted || string(a.Data) != `{"shared":true}` {
		t.Fatalf("own record %s %s", a.Status, a.Data)
	}
}

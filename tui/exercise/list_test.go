package exercise

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"workshop/session"
	"workshop/session/work"
)

func TestListAddEditDeleteReorder(t *testing.T) {
	x := newExHarness(t, `
kind: list
prompt: One idea per item
max_items: 3
max_length: 20`, 80, 14)
	x.open(Data{})
	x.mustShow("Your list", "+ Add an item", "0/3 items")

	x.keys("a")
	if !x.ex.Typing() {
		t.Fatal("a did not open the text field")
	}
	x.typeText("Online booking")
	x.keys("enter")
	x.typeText("Clear checklist")
	x.keys("enter", "esc")
	list := x.stored().(*work.List)
	if len(list.Items) != 2 || list.Items[0].Text != "Online booking" || list.Items[1].By != 1 {
		t.Fatalf("stored %+v", list.Items)
	}
	x.mustShow("1. Online booking", "2. Clear checklist", "2/3 items")

	// Reorder with K / shift+up, vi and arrow style both.
	x.keys("up", "K")
	if got := x.stored().(*work.List).Items[0].Text; got != "Clear checklist" {
		t.Fatalf("after K the first item is %q", got)
	}
	x.keys("shift+down")
	if got := x.stored().(*work.List).Items[1].Text; got != "Clear checklist" {
		t.Fatalf("after shift+down the second item is %q", got)
	}

	// Edit: e opens the item's text; enter saves.
	x.keys("e", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace")
	x.typeText("list")
	x.keys("enter")
	x.mustShow("2. Clear list")

	// An item longer than the limit cannot be typed; the field shows the room left.
	x.keys("a")
	x.send(tea.PasteMsg{Content: strings.Repeat("long ", 10)})
	x.mustShow("pasted text cut to fit 20 characters", "20/20")
	x.keys("enter")
	x.mustShow("The list is now full.", "3/3 items")
	x.keys("a")
	x.mustShow("The list is full: 3 items is the limit")

	// Delete asks first; any key but y keeps the item.
	x.keys("home", "d")
	x.mustShow("Delete “Online booking”?")
	x.keys("n")
	x.mustShow("Kept.", "1. Online booking")
	x.keys("d", "y")
	if got := x.stored().(*work.List).Items; len(got) != 2 || got[0].Text != "Clear list" {
		t.Fatalf("after delete %+v", got)
	}

	x.keys("ctrl+s")
	if x.art.Status != session.StatusSubmitted {
		t.Fatal("ctrl+s did not submit")
	}
}

func TestListTeamBoardShowsWhoWroteWhatAndFollowsTeammates(t *testing.T) {
	x := newExHarness(t, "kind: list\nteam: true", 80, 12)
	x.board = &work.List{Items: []work.Item{{ID: "b1", Text: "From Bea", By: 2}}}
	x.open(Data{})
	x.mustShow("Team Blue's board", "From Bea", "Bea")

	x.keys("a")
	x.typeText("From Ana")
	x.keys("enter", "esc")
	if x.ops != 1 || x.saves != 0 {
		t.Fatalf("%d board changes and %d own saves; want the item on the board", x.ops, x.saves)
	}
	x.mustShow("From Ana", "you")

	// A teammate edits Ana's item and adds one at the top; the cursor stays on its item.
	x.keys("up") // on "From Ana"
	b := x.board.(*work.List)
	_ = b.Edit(b.Items[1].ID, "From Ana, better", 2)
	b.Items = append([]work.Item{{ID: "b2", Text: "Bea again", By: 2}}, b.Items...)
	x.refresh(Data{})
	v := x.mustShow("From Ana, better", "you, edited by Bea", "Bea again")
	if !strings.Contains(v, "› 3. From Ana, better") {
		t.Fatalf("cursor did not follow its item:\n%s", v)
	}

	// Marking the step done stores only that, not the board.
	x.keys("ctrl+s")
	if string(x.art.Data) != `{"shared":true}` || x.art.Status != session.StatusSubmitted {
		t.Fatalf("own record %s %s", x.art.Data, x.art.Status)
	}
	x.mustShow("✓ Done")
}

func TestListAnonymousKeepsNoAuthor(t *testing.T) {
	x := newExHarness(t, "kind: list\nanonymous: true", 80, 12)
	x.board = &work.List{Items: []work.Item{{ID: "z", Text: "Someone else's"}}}
	x.open(Data{})
	x.mustShow("no names kept", "Someone else's")

	x.keys("a")
	x.typeText("Mine")
	x.keys("enter", "esc")
	for _, it := range x.board.(*work.List).Items {
		if it.By != 0 || it.EditedBy != 0 {
			t.Fatalf("an author was stored: %+v", it)
		}
	}
	if x.art != nil {
		t.Fatal("adding an anonymous item wrote the participant's own record")
	}
	x.mustShow("Mine", "yours")

	// Another person's anonymous item cannot be changed; one's own can, in this session.
	x.keys("home", "e")
	x.mustShow("only the items you added")
	x.keys("d")
	x.mustShow("only the items you added")
	x.keys("down", "e", "backspace", "backspace", "backspace", "backspace")
	x.typeText("Still mine")
	x.keys("enter")
	if got := x.board.(*work.List).Items[1].Text; got != "Still mine" {
		t.Fatalf("own anonymous item not edited: %q", got)
	}
	x.keys("K")
	x.mustShow("keep the order")

	// A new session (a new screen) has no memory of what it added.
	x.env.mine = map[string]map[string]bool{}
	x.open(Data{})
	x.keys("down", "e")
	x.mustShow("only the items you added")
	x.mustNotShow("yours")
}

func TestListNoTeamYet(t *testing.T) {
	x := newExHarness(t, "kind: list\nteam: true", 60, 10)
	x.open(Data{NoTeam: true})
	x.mustShow("When the facilitator", "Not in a team yet")
	x.keys("a")
	x.mustShow("You are not in a team yet")
	if x.ex.Typing() {
		t.Fatal("a text field opened without a team")
	}
}

func TestListRefusedChangeReloads(t *testing.T) {
	x := newExHarness(t, "kind: list\nteam: true", 60, 10)
	x.open(Data{})
	x.refuse = session.ErrLocked
	x.keys("a")
	x.typeText("x")
	x.keys("enter")
	if x.reload != 1 {
		t.Fatalf("%d reloads after a refused change, want 1", x.reload)
	}
	x.mustShow("locked this step")
}

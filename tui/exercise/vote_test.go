package exercise

import (
	"strings"
	"testing"

	"workshop/session"
	"workshop/session/work"
)

func TestVoteDotsAndLimits(t *testing.T) {
	x := newExHarness(t, "kind: vote\nfrom: ideas\ndots: 3\nmax_per_item: 2", 80, 12)
	its := items("Online booking", "Clear checklist", "Longer hours")
	x.open(Data{Items: its})
	x.mustShow("3 of 3 dots left", "at most 2 per item", "From step 1, Ideas: the whole cohort's items", "Online booking", "yours")

	x.keys("l", "+", "right")
	x.mustShow("At most 2 dots on one item")
	x.keys("j", "space", "down", "l")
	x.mustShow("All 3 dots are spent")
	v := x.stored().(*work.Vote)
	if v.Dots["i1"] != 2 || v.Dots["i2"] != 1 || v.Dots["i3"] != 0 {
		t.Fatalf("dots %v", v.Dots)
	}
	// Change of mind: take a dot back and spend it elsewhere.
	x.keys("k", "h", "j", "l")
	v = x.stored().(*work.Vote)
	if v.Dots["i2"] != 0 || v.Dots["i3"] != 1 || v.Spent() != 3 {
		t.Fatalf("after moving a dot %v", v.Dots)
	}
	x.keys("ctrl+s")
	if x.art.Status != session.StatusSubmitted {
		t.Fatal("not submitted")
	}

	// Dots on an item that was removed from the earlier list are free again.
	x.refresh(Data{Items: its[:2]})
	x.mustShow("1 of 3 dots left")
	x.keys("l") // the cursor moved onto the last item left
	if v := x.stored().(*work.Vote); v.Dots["i3"] != 0 || v.Dots["i2"] != 1 {
		t.Fatalf("after the item went %v", v.Dots)
	}
}

func TestVoteClosedAndResults(t *testing.T) {
	x := newExHarness(t, "kind: vote\nfrom: ideas", 80, 12)
	its := items("Online booking", "Clear checklist")
	x.env.Snap.Cohort.Live.Votes = map[string]session.VoteState{x.step.ID: {Closed: true}}
	x.open(Data{Items: its})
	x.keys("l")
	x.mustShow("The vote is closed")
	if x.saves != 0 {
		t.Fatal("a closed vote took a dot")
	}

	x.env.Snap.Cohort.Live.Votes[x.step.ID] = session.VoteState{Closed: true, Revealed: true}
	tally := []work.Tally{{Item: its[1], Dots: 5}, {Item: its[0], Dots: 2}}
	x.refresh(Data{Items: its, Tally: tally})
	v := x.mustShow("Results", "the whole cohort's dots")
	lines := strings.Split(v, "\n")
	first, second := -1, -1
	for i, l := range lines {
		if strings.Contains(l, "Clear checklist") && strings.HasSuffix(strings.TrimSpace(l), "5") {
			first = i
		}
		if strings.Contains(l, "Online booking") && strings.Contains(l, " 2") {
			second = i
		}
	}
	if first < 0 || second < 0 || first > second {
		t.Fatalf("results not ranked with their counts:\n%s", v)
	}
	if strings.Count(lines[first], "█") <= strings.Count(lines[second], "█") {
		t.Fatalf("bars not in proportion:\n%s", v)
	}
}

func TestVoteNothingToVoteOn(t *testing.T) {
	x := newExHarness(t, "kind: vote\nfrom: ideas\nteam: true", 60, 10)
	x.open(Data{})
	x.mustShow("No items to vote on yet", "Team Blue's items")
	x.keys("l", "ctrl+s")
	x.mustShow("Put at least one dot")
}

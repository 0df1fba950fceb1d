package exercise

import (
	"strings"
	"testing"

	"workshop/session"
	"workshop/session/work"
)

// A closed vote says it is closed everywhere: in its status, above the items and when a dot
// key is pressed (whatever the dots left), and its help offers no dot keys.
func TestClosedVoteSaysSoEverywhere(t *testing.T) {
	x := newExHarness(t, "kind: vote\nfrom: ideas\ndots: 3", 80, 12)
	its := items("Online booking", "Clear checklist")
	x.open(Data{Items: its})
	x.keys("l", "l", "l", "ctrl+s")
	x.mustShow("✓ Submitted", "you can still change it")
	saves := x.saves

	x.env.Snap.Cohort.Live.Votes = map[string]session.VoteState{x.step.ID: {Closed: true}}
	x.refresh(Data{Items: its, Art: x.art})
	v := x.mustShow("The vote is closed: your dots are counted as they are", "The vote is closed: you put 3 dots on these items.")
	if strings.Contains(v, "you can still change it") {
		t.Errorf("a closed vote invites changes:\n%s", v)
	}
	x.keys("right")
	x.mustShow("The vote is closed: your dots are counted as they are")
	x.mustNotShow("dots are spent")
	for _, k := range x.ex.ShortHelp() {
		if strings.Contains(k.Help().Desc, "dot") || strings.Contains(k.Help().Desc, "undo") {
			t.Errorf("the help of a closed vote offers %q %q", k.Help().Key, k.Help().Desc)
		}
	}
	if x.saves != saves {
		t.Errorf("%d saves after closing: a closed vote took a change", x.saves-saves)
	}
}

// The results chart shows every item's text whole, wrapped if need be, and the participant's
// own dots beside the count, at 80 and at 40 columns.
func TestVoteResultsShowItemsWhole(t *testing.T) {
	long := "Publish every form online with a clear checklist of documents"
	for _, w := range []int{80, 40} {
		x := newExHarness(t, "kind: vote\nfrom: ideas\ndots: 3", w, 14)
		its := items(long, "Fewer forms")
		x.art = &session.Artifact{Schema: work.Schema, Data: []byte(`{"dots":{"i1":2,"i2":1}}`), Status: session.StatusSubmitted}
		x.env.Snap.Cohort.Live.Votes = map[string]session.VoteState{x.step.ID: {Closed: true, Revealed: true}}
		x.open(Data{Items: its, Tally: []work.Tally{{Item: its[0], Dots: 12}, {Item: its[1], Dots: 3}}})
		v := x.mustShow("Results", "(you 2)", "(you 1)")
		for _, word := range strings.Fields(long) {
			if !strings.Contains(v, word) || strings.Contains(v, "…") {
				t.Errorf("at %d columns the item is cut (%q):\n%s", w, word, v)
				break
			}
		}
	}
}

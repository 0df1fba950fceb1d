package session

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"workshop/content"
	"workshop/session/work"
)

// The items a vote or matrix works on, and a vote's tally, are worked out here once, from the
// stored work, for every screen and every export: the participant's ballot, the facilitator's
// console and the reports list the same items in the same order and rank ties the same way.

// StepItems returns the list items of a step (from is its exercise) that a vote or matrix
// draws on: every shared board (team boards and the anonymous pool) and every participant's
// own list, or, for team > 0, that team's board and its members' own lists (teamOf gives each
// participant's team). Team boards come in team order, then the pool, then own lists by
// participant. Anonymous items come without author, in text order, so that nothing about who
// wrote them or when is left in their order.
func StepItems(from *content.Exercise, boards []Board, arts []Artifact, teamOf map[int64]int64, team int64) []work.Item {
	if from == nil {
		return nil
	}
	boards = slices.Clone(boards)
	slices.SortStableFunc(boards, func(x, y Board) int {
		return cmp.Or(cmp.Compare(boardRank(x.Owner), boardRank(y.Owner)), cmp.Compare(x.Owner, y.Owner))
	})
	var items []work.Item
	add := func(schema int, data []byte) {
		v, err := work.Decode(from, schema, data)
		if err != nil {
			return
		}
		if l, ok := v.(*work.List); ok {
			items = append(items, l.Items...)
		}
	}
	for _, b := range boards {
		if team != 0 && b.Owner != OwnerTeam(team) {
			continue
		}
		add(b.Schema, b.Data)
	}
	if !from.Team && !from.Anonymous {
		arts = slices.Clone(arts)
		slices.SortStableFunc(arts, func(x, y Artifact) int { return cmp.Compare(x.ParticipantID, y.ParticipantID) })
		for _, a := range arts {
			if team != 0 && teamOf[a.ParticipantID] != team {
				continue
			}
			add(a.Schema, a.Data)
		}
	}
	if from.Anonymous {
		for i := range items {
			items[i].By, items[i].EditedBy = 0, 0
		}
		SortItems(items)
	}
	return items
}

// boardRank orders shared boards: team boards (by team id), then the anonymous pool.
func boardRank(owner string) int64 {
	if id, err := strconv.ParseInt(strings.TrimPrefix(owner, "team:"), 10, 64); err == nil && strings.HasPrefix(owner, "team:") {
		return id
	}
	return 1 << 62
}

// SortItems puts items in text order (letter case aside), then id: an order that says nothing
// about who wrote them or when.
func SortItems(items []work.Item) {
	slices.SortStableFunc(items, compareItems)
}

func compareItems(x, y work.Item) int {
	return cmp.Or(cmp.Compare(strings.ToLower(x.Text), strings.ToLower(y.Text)), cmp.Compare(x.Text, y.Text), cmp.Compare(x.ID, y.ID))
}

// TallyVote adds up the ballots of a vote step (ex) over its items: the ballots of everyone,
// or, for team > 0, of that team's members only. It returns the items with most dots first —
// ties in text order, whatever order the items came in — and how many people put at least one
// dot on an item.
func TallyVote(ex *content.Exercise, items []work.Item, ballots []Artifact, teamOf map[int64]int64, team int64) (tally []work.Tally, voters int) {
	var votes []*work.Vote
	for _, a := range ballots {
		if team != 0 && teamOf[a.ParticipantID] != team {
			continue
		}
		v, err := work.Decode(ex, a.Schema, a.Data)
		if err != nil {
			continue
		}
		vote, ok := v.(*work.Vote)
		if !ok {
			continue
		}
		votes = append(votes, vote)
		for _, n := range vote.Dots {
			if n > 0 {
				voters++
				break
			}
		}
	}
	items = slices.Clone(items)
	slices.SortStableFunc(items, compareItems)
	return work.TallyVotes(items, votes), voters
}

package work

import (
	"cmp"
	"slices"

	"workshop/content"
)

// Tally is one item's share of a vote.
type Tally struct {
	Item Item
	Dots int
}

// TallyVotes adds up votes on items, most dots first (ties in item order). Dots on items that
// are not in items are ignored.
func TallyVotes(items []Item, votes []*Vote) []Tally {
	idx := make(map[string]int, len(items))
	out := make([]Tally, len(items))
	for i, it := range items {
		idx[it.ID] = i
		out[i].Item = it
	}
	for _, v := range votes {
		for id, n := range v.Dots {
			if i, ok := idx[id]; ok && n > 0 {
				out[i].Dots += n
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Tally) int { return cmp.Compare(b.Dots, a.Dots) })
	return out
}

// Distribution counts, for each statement, how many people gave each rating: [statement][r-1].
func Distribution(ex *content.Exercise, scales []*Scale) [][5]int {
	out := make([][5]int, len(ex.Statements))
	for _, s := range scales {
		for i, r := range s.Ratings {
			if i < len(out) && r >= 1 && r <= 5 {
				out[i][r-1]++
			}
		}
	}
	return out
}

// Score counts the correct answers of a quiz.
func Score(ex *content.Exercise, q *Quiz) (correct, total int) {
	for i, question := range ex.Questions {
		if i < len(q.Answers) && q.Answers[i] >= 0 && q.Answers[i] < len(question.Options) && question.Options[q.Answers[i]].Correct {
			correct++
		}
	}
	return correct, len(ex.Questions)
}

// Placement is where an item ended up on a matrix.
type Placement struct {
	Item  Item
	Place Place
}

// Placements lists the placed items of a matrix in item order.
func Placements(items []Item, m *Matrix) []Placement {
	var out []Placement
	for _, it := range items {
		if p, ok := m.Places[it.ID]; ok {
			out = append(out, Placement{Item: it, Place: p})
		}
	}
	return out
}

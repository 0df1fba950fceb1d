package export

import (
	"math"

	"workshop/content"
	"workshop/session"
	"workshop/session/work"
)

// results computes the combined result of every step whose kind has one, with the same rules
// as the facilitator's screens: a vote counts every stored vote and a scale only submitted
// ratings; quiz statistics count submitted answers.
func (b *builder) results(c session.Cohort) {
	r := b.r
	r.Results = []Result{}
	r.items = map[string][]work.Item{}
	for _, s := range b.mod.Steps {
		ex := s.Exercise
		if ex == nil {
			continue
		}
		if ex.From != "" {
			r.items[s.ID] = b.items(ex.From, 0)
		}
		res := Result{StepID: s.ID, Kind: string(ex.Kind)}
		switch ex.Kind {
		case content.KindVote:
			res.Vote = b.vote(c, s.ID, ex)
		case content.KindMatrix:
			res.Matrix = b.matrix(s.ID, ex)
		case content.KindScale:
			res.Scale = b.scale(s.ID, ex)
		case content.KindQuiz:
			res.Quiz = b.quiz(s.ID, ex)
		case content.KindChecklist:
			res.Checklist = b.checklist(s.ID, ex)
		default:
			continue
		}
		r.Results = append(r.Results, res)
	}
}

// items returns the list items a vote or matrix works on, from the step it draws on: within
// one team's board and teammates' lists, or (team 0) everything the cohort wrote, as every
// screen lists them (session.StepItems).
func (b *builder) items(fromID string, team int64) []work.Item {
	from, ok := b.ex[fromID]
	if !ok {
		return nil
	}
	return session.StepItems(from, b.storedBoards[fromID], b.storedArts[fromID], b.teamOf, team)
}

// scopes lists the teams a team exercise is tallied for, or the cohort alone.
func (b *builder) scopes(ex *content.Exercise) []Owner {
	if !ex.Team {
		return []Owner{{Type: OwnerCohort}}
	}
	out := []Owner{}
	for _, t := range b.r.Teams {
		out = append(out, Owner{Type: OwnerTeam, TeamID: t.ID, Name: t.Name})
	}
	return out
}

func (b *builder) vote(c session.Cohort, stepID string, ex *content.Exercise) *VoteResult {
	vs := c.Live.Vote(stepID)
	res := &VoteResult{Closed: vs.Closed, Revealed: vs.Revealed, Tallies: []Tally{}}
	for _, scope := range b.scopes(ex) {
		// The same tally the facilitator's console and the participants' screens show.
		tally, voters := session.TallyVote(ex, b.items(ex.From, scope.TeamID), b.storedArts[stepID], b.teamOf, scope.TeamID)
		t := Tally{Scope: scope, Voters: voters, Items: []TallyItem{}}
		for _, ti := range tally {
			t.Items = append(t.Items, TallyItem{ID: ti.Item.ID, Text: ti.Item.Text, Dots: ti.Dots})
		}
		res.Tallies = append(res.Tallies, t)
	}
	return res
}

func (b *builder) matrix(stepID string, ex *content.Exercise) *MatrixResult {
	x, y := ex.MatrixAxes()
	res := &MatrixResult{XAxis: *axis(x), YAxis: *axis(y), Quadrants: lines(ex.QuadrantNames()), Groups: []MatrixGroup{}}
	var mine []*work.Matrix
	for _, d := range b.arts[stepID] {
		if m, ok := d.v.(*work.Matrix); ok {
			mine = append(mine, m)
		}
	}
	if !ex.Team || len(mine) > 0 {
		res.Groups = append(res.Groups, placeGroup(Owner{Type: OwnerCohort}, b.items(ex.From, 0), mine))
	}
	for _, d := range b.boards[stepID] {
		if m, ok := d.v.(*work.Matrix); ok && d.owner.Type == OwnerTeam {
			res.Groups = append(res.Groups, placeGroup(d.owner, b.items(ex.From, d.team), []*work.Matrix{m}))
		}
	}
	return res
}

// placeGroup combines matrices over items: the mean place of each item and its quadrant.
func placeGroup(scope Owner, items []work.Item, ms []*work.Matrix) MatrixGroup {
	g := MatrixGroup{Scope: scope, Placers: len(ms), Items: []MatrixItem{}}
	for _, it := range items {
		mi := MatrixItem{ID: it.ID, Text: it.Text, Quadrant: -1}
		var sx, sy int
		for _, m := range ms {
			p, ok := m.Places[it.ID]
			if !ok {
				continue
			}
			mi.Placements++
			mi.QuadrantCounts[p.Quadrant()]++
			sx += p.X
			sy += p.Y
		}
		if mi.Placements > 0 {
			mx, my := round2(float64(sx)/float64(mi.Placements)), round2(float64(sy)/float64(mi.Placements))
			mi.X, mi.Y = &mx, &my
			mi.Quadrant = quadrantOf(mx, my)
		}
		g.Items = append(g.Items, mi)
	}
	return g
}

// quadrantOf is work.Place.Quadrant for a mean position: the halves of the 0–9 grid meet at
// 4.5, so one placement falls in the same quadrant either way.
func quadrantOf(x, y float64) int {
	mid := float64(work.GridSize-1) / 2
	q := 0
	if y < mid {
		q += 2
	}
	if x >= mid {
		q++
	}
	return q
}

func (b *builder) scale(stepID string, ex *content.Exercise) *ScaleResult {
	var scales []*work.Scale
	for _, d := range b.arts[stepID] {
		if s, ok := d.v.(*work.Scale); ok && d.status == session.StatusSubmitted {
			scales = append(scales, s)
		}
	}
	res := &ScaleResult{Labels: lines(ex.ScaleLabels()), Responses: len(scales), Statements: []ScaleStatement{}}
	for i, counts := range work.Distribution(ex, scales) {
		st := ScaleStatement{Text: line(ex.Statements[i]), Counts: counts}
		sum := 0
		for r, n := range counts {
			st.Rated += n
			sum += (r + 1) * n
		}
		if st.Rated > 0 {
			m := round2(float64(sum) / float64(st.Rated))
			st.Mean = &m
		}
		res.Statements = append(res.Statements, st)
	}
	return res
}

func (b *builder) quiz(stepID string, ex *content.Exercise) *QuizResult {
	res := &QuizResult{Questions: []QuizQuestion{}, Scores: []QuizScore{}}
	for _, q := range ex.Questions {
		qq := QuizQuestion{Question: line(q.Question), Correct: -1, Chosen: make([]int, len(q.Options))}
		for i, o := range q.Options {
			if o.Correct && qq.Correct < 0 {
				qq.Correct = i
			}
		}
		res.Questions = append(res.Questions, qq)
	}
	total := 0
	for _, d := range b.arts[stepID] {
		qz, ok := d.v.(*work.Quiz)
		if !ok {
			continue
		}
		correct, n := work.Score(ex, qz)
		res.Scores = append(res.Scores, QuizScore{Owner: d.owner, Status: string(d.status), Correct: correct, Total: n})
		if d.status != session.StatusSubmitted {
			continue
		}
		res.Submitted++
		total += correct
		for i, a := range qz.Answers {
			if a < 0 || i >= len(res.Questions) {
				continue
			}
			q := &res.Questions[i]
			q.Answered++
			q.Chosen[a]++
			if a == q.Correct {
				q.Right++
			}
		}
	}
	if res.Submitted > 0 {
		res.AverageCorrect = round2(float64(total) / float64(res.Submitted))
	}
	return res
}

func (b *builder) checklist(stepID string, ex *content.Exercise) *ChecklistResult {
	res := &ChecklistResult{Items: make([]ChecklistItem, len(ex.Items))}
	for i, it := range ex.Items {
		res.Items[i] = ChecklistItem{Text: line(it), Notes: []Note{}}
	}
	for _, d := range b.arts[stepID] {
		cl, ok := d.v.(*work.Checklist)
		if !ok {
			continue
		}
		res.Responses++
		for i := range res.Items {
			if cl.Ticks[i] {
				res.Items[i].Ticked++
			}
			if cl.Notes[i] != "" {
				res.Items[i].Notes = append(res.Items[i].Notes, Note{Owner: d.owner, Text: cl.Notes[i]})
			}
		}
	}
	return res
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }

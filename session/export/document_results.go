package export

import (
	"workshop/i18n"
)

// resultBlocks are a step's cohort result, drawn for its kind.
func (r *Report) resultBlocks(x locale, s *Step, res *Result) []block {
	switch {
	case res.Vote != nil:
		return voteBlocks(x, res.Vote)
	case res.Matrix != nil:
		return matrixBlocks(x, res.Matrix)
	case res.Scale != nil:
		return scaleBlocks(x, res.Scale)
	case res.Quiz != nil:
		return quizBlocks(x, s, res.Quiz)
	case res.Checklist != nil:
		return checklistBlocks(x, res.Checklist)
	}
	return nil
}

// voteBlocks are a vote's state and its tallies, one chart for the cohort or each team.
func voteBlocks(x locale, v *VoteResult) []block {
	var out []block
	var state string
	switch {
	case v.Closed && v.Revealed:
		state = x.T("The vote is closed; participants were shown the result.")
	case v.Closed:
		state = x.T("The vote is closed; participants were not shown the result.")
	case v.Revealed:
		state = x.T("The vote is open; participants were shown the result.")
	default:
		state = x.T("The vote is open; participants were not shown the result.")
	}
	out = append(out, para{{text: state}})
	for _, t := range v.Tallies {
		title := x.T("Cohort")
		if t.Scope.Type == OwnerTeam {
			title = x.teamTitle(t.Scope.Name)
		}
		c := barChart{title: x.T("%s: %d voters", title, t.Voters), head: [2]string{x.T("Item"), x.T("Dots")}, rank: true, asTable: true}
		for _, it := range t.Items {
			c.bars = append(c.bars, bar{label: oneLine(it.Text), value: float64(it.Dots), text: x.Int(it.Dots)})
		}
		if len(c.bars) == 0 {
			out = append(out, para{{text: x.T("%s: no items to vote on.", title), emph: true}})
			continue
		}
		out = append(out, c)
	}
	return out
}

// matrixBlocks are a matrix's charts: the mean place of each item, for the cohort or each
// team's board.
func matrixBlocks(x locale, m *MatrixResult) []block {
	var out []block
	for _, g := range m.Groups {
		title := x.T("Cohort: mean position of each item over %d participants' matrices", g.Placers)
		if g.Scope.Type == OwnerTeam {
			title = x.T("%s's board", x.teamTitle(g.Scope.Name))
		}
		mc := matrixChart{title: title, x: m.XAxis, y: m.YAxis, quadrants: m.Quadrants, nothing: x.T("nothing")}
		for _, it := range g.Items {
			if it.X == nil {
				continue
			}
			mc.points = append(mc.points, matrixPoint{n: len(mc.points) + 1, text: oneLine(it.Text), x: *it.X, y: *it.Y,
				quadrant: it.Quadrant, placements: it.Placements, counts: it.QuadrantCounts})
			mc.points[len(mc.points)-1].placed = x.placed(mc.points[len(mc.points)-1])
		}
		if len(mc.points) == 0 {
			out = append(out, para{{text: x.T("%s: nothing placed yet.", title), emph: true}})
			continue
		}
		out = append(out, mc)
	}
	return out
}

// scaleBlocks are a scale's ratings as a stacked chart and a table with the means.
func scaleBlocks(x locale, sc *ScaleResult) []block {
	var out []block
	chart := stackChart{title: x.T("Ratings (%d submitted answers)", sc.Responses), series: sc.Labels, none: x.T("no answers")}
	t := table{head: append(append([]string{x.T("Statement")}, sc.Labels...), x.T("Mean")), num: []bool{false, true, true, true, true, true, true}}
	for _, st := range sc.Statements {
		chart.rows = append(chart.rows, stackRow{label: st.Text, values: st.Counts[:]})
		row := []string{st.Text}
		for _, n := range st.Counts {
			row = append(row, x.Int(n))
		}
		mean := ""
		if st.Mean != nil {
			mean = x.float(*st.Mean)
		}
		t.rows = append(t.rows, append(row, mean))
	}
	out = append(out, chart, t)
	return out
}

// quizBlocks are a quiz's average score, each question's right answers and each
// participant's score.
func quizBlocks(x locale, s *Step, q *QuizResult) []block {
	var out []block
	total := len(q.Questions)
	out = append(out, para{{text: x.T("Average score %s of %d, over %d submitted answers.", x.float(q.AverageCorrect), total, q.Submitted)}})
	qt := table{head: []string{x.T("Question"), x.T("Correct answer"), x.T("Right"), x.T("Answered")}, num: []bool{false, false, true, true}}
	for i, qq := range q.Questions {
		correct := ""
		if qq.Correct >= 0 && i < len(s.Exercise.Questions) {
			correct = s.Exercise.Questions[i].Options[qq.Correct]
		}
		qt.rows = append(qt.rows, []string{qq.Question, correct, x.Int(qq.Right), x.Int(qq.Answered)})
	}
	out = append(out, qt)
	if len(q.Scores) > 0 {
		st := table{head: []string{x.T("Participant"), x.T("Score"), x.T("Status")}, num: []bool{false, true, false}}
		for _, sc := range q.Scores {
			st.rows = append(st.rows, []string{x.ownerLabel(sc.Owner), x.T("%d of %d", sc.Correct, sc.Total), x.statusWord(sc.Status)})
		}
		out = append(out, st)
	}
	return out
}

// checklistBlocks are how many ticked each item, and the notes written on them.
func checklistBlocks(x locale, c *ChecklistResult) []block {
	var out []block
	t := table{head: []string{x.T("Item"), x.T("Ticked"), x.T("Share")}, num: []bool{false, true, true}}
	var notes []block
	for _, it := range c.Items {
		t.rows = append(t.rows, []string{it.Text, x.T("%d of %d", it.Ticked, c.Responses), percent(it.Ticked, c.Responses)})
		if len(it.Notes) > 0 {
			var bl bullets
			for _, n := range it.Notes {
				bl = append(bl, []span{{text: oneLine(n.Text)}, {text: " — " + x.ownerLabel(n.Owner), emph: true}})
			}
			notes = append(notes, para{{text: x.T("Notes on “%s”:", i18n.Verbatim(it.Text)), strong: true}}, bl)
		}
	}
	out = append(out, t)
	out = append(out, notes...)
	return out
}

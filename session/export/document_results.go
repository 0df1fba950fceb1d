package export

import (
	"fmt"
	"strconv"

	"workshop/session"
)

// resultBlocks are a step's cohort result, drawn for its kind.
func (r *Report) resultBlocks(s *Step, res *Result) []block {
	switch {
	case res.Vote != nil:
		return voteBlocks(res.Vote)
	case res.Matrix != nil:
		return matrixBlocks(res.Matrix)
	case res.Scale != nil:
		return scaleBlocks(res.Scale)
	case res.Quiz != nil:
		return quizBlocks(s, res.Quiz)
	case res.Checklist != nil:
		return checklistBlocks(res.Checklist)
	}
	return nil
}

// voteBlocks are a vote's state and its tallies, one chart for the cohort or each team.
func voteBlocks(v *VoteResult) []block {
	var out []block
	state := "The vote is open"
	if v.Closed {
		state = "The vote is closed"
	}
	if v.Revealed {
		state += "; participants were shown the result."
	} else {
		state += "; participants were not shown the result."
	}
	out = append(out, para{{text: state}})
	for _, t := range v.Tallies {
		title := "Cohort"
		if t.Scope.Type == OwnerTeam {
			title = session.TeamTitle(t.Scope.Name)
		}
		c := barChart{title: fmt.Sprintf("%s: %s", title, plural(t.Voters, "voter", "voters")), head: [2]string{"Item", "Dots"}, rank: true, asTable: true}
		for _, it := range t.Items {
			c.bars = append(c.bars, bar{label: oneLine(it.Text), value: float64(it.Dots), text: strconv.Itoa(it.Dots)})
		}
		if len(c.bars) == 0 {
			out = append(out, para{{text: title + ": no items to vote on.", emph: true}})
			continue
		}
		out = append(out, c)
	}
	return out
}

// matrixBlocks are a matrix's charts: the mean place of each item, for the cohort or each
// team's board.
func matrixBlocks(m *MatrixResult) []block {
	var out []block
	for _, g := range m.Groups {
		title := fmt.Sprintf("Cohort: mean position of each item over %s", plural(g.Placers, "participant's matrix", "participants' matrices"))
		if g.Scope.Type == OwnerTeam {
			title = session.TeamTitle(g.Scope.Name) + "'s board"
		}
		mc := matrixChart{title: title, x: m.XAxis, y: m.YAxis, quadrants: m.Quadrants}
		for _, it := range g.Items {
			if it.X == nil {
				continue
			}
			mc.points = append(mc.points, matrixPoint{n: len(mc.points) + 1, text: oneLine(it.Text), x: *it.X, y: *it.Y,
				quadrant: it.Quadrant, placements: it.Placements, counts: it.QuadrantCounts})
		}
		if len(mc.points) == 0 {
			out = append(out, para{{text: title + ": nothing placed yet.", emph: true}})
			continue
		}
		out = append(out, mc)
	}
	return out
}

// scaleBlocks are a scale's ratings as a stacked chart and a table with the means.
func scaleBlocks(sc *ScaleResult) []block {
	var out []block
	chart := stackChart{title: fmt.Sprintf("Ratings (%s)", plural(sc.Responses, "submitted answer", "submitted answers")), series: sc.Labels}
	t := table{head: append(append([]string{"Statement"}, sc.Labels...), "Mean"), num: []bool{false, true, true, true, true, true, true}}
	for _, st := range sc.Statements {
		chart.rows = append(chart.rows, stackRow{label: st.Text, values: st.Counts[:]})
		row := []string{st.Text}
		for _, n := range st.Counts {
			row = append(row, strconv.Itoa(n))
		}
		mean := ""
		if st.Mean != nil {
			mean = float(*st.Mean)
		}
		t.rows = append(t.rows, append(row, mean))
	}
	out = append(out, chart, t)
	return out
}

// quizBlocks are a quiz's average score, each question's right answers and each
// participant's score.
func quizBlocks(s *Step, q *QuizResult) []block {
	var out []block
	total := len(q.Questions)
	out = append(out, para{{text: fmt.Sprintf("Average score %s of %d, over %s.", float(q.AverageCorrect), total, plural(q.Submitted, "submitted answer", "submitted answers"))}})
	qt := table{head: []string{"Question", "Correct answer", "Right", "Answered"}, num: []bool{false, false, true, true}}
	for i, qq := range q.Questions {
		correct := ""
		if qq.Correct >= 0 && i < len(s.Exercise.Questions) {
			correct = s.Exercise.Questions[i].Options[qq.Correct]
		}
		qt.rows = append(qt.rows, []string{qq.Question, correct, strconv.Itoa(qq.Right), strconv.Itoa(qq.Answered)})
	}
	out = append(out, qt)
	if len(q.Scores) > 0 {
		st := table{head: []string{"Participant", "Score", "Status"}, num: []bool{false, true, false}}
		for _, sc := range q.Scores {
			st.rows = append(st.rows, []string{ownerLabel(sc.Owner), fmt.Sprintf("%d of %d", sc.Correct, sc.Total), statusWord(sc.Status)})
		}
		out = append(out, st)
	}
	return out
}

// checklistBlocks are how many ticked each item, and the notes written on them.
func checklistBlocks(c *ChecklistResult) []block {
	var out []block
	t := table{head: []string{"Item", "Ticked", "Share"}, num: []bool{false, true, true}}
	var notes []block
	for _, it := range c.Items {
		t.rows = append(t.rows, []string{it.Text, fmt.Sprintf("%d of %d", it.Ticked, c.Responses), percent(it.Ticked, c.Responses)})
		if len(it.Notes) > 0 {
			var bl bullets
			for _, n := range it.Notes {
				bl = append(bl, []span{{text: oneLine(n.Text)}, {text: " — " + ownerLabel(n.Owner), emph: true}})
			}
			notes = append(notes, para{{text: "Notes on “" + it.Text + "”:", strong: true}}, bl)
		}
	}
	out = append(out, t)
	out = append(out, notes...)
	return out
}

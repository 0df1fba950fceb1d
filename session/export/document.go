package export

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"workshop/session"
	"workshop/session/work"
)

// The Markdown and HTML reports are one document rendered twice: document builds it as
// blocks, and each renderer escapes every text it writes. Blocks hold plain text only.

// block is one of the block types below.
type block any

type heading struct {
	level    int
	id, text string
}

// span is a run of text, optionally bold or italic.
type span struct {
	text         string
	strong, emph bool
}

type para []span

// facts are label–value pairs, such as the cohort's details.
type facts [][2]string

// table cells are plain text; a newline in a cell is a line break.
type table struct {
	head []string
	num  []bool // right-aligned numeric columns
	keep []bool // columns whose cells never wrap, such as times
	rows [][]string
	// rowHeads makes the first cell of each row a row heading.
	rowHeads bool
	// md, when set, is what Markdown shows instead: a list that reads at 80 columns where
	// the table would not.
	md []block
}

type bullets [][]span

// quote is a longer answer and who wrote it.
type quote struct {
	who  []span
	text string
}

// barChart is a horizontal bar chart; in Markdown it is a table when asTable is set and left
// out otherwise (another table already holds its numbers).
type barChart struct {
	title   string
	head    [2]string
	bars    []bar
	rank    bool
	asTable bool
}

type bar struct {
	label string
	value float64
	text  string
}

// stackChart is a chart of horizontal bars split into parts (e.g. submitted, draft, not
// started); it is drawn in HTML only.
type stackChart struct {
	title  string
	series []string
	rows   []stackRow
}

type stackRow struct {
	label  string
	values []int
}

// matrixChart is a 2×2 with numbered items at their places; Markdown shows it as a 2×2 table.
type matrixChart struct {
	title     string
	x, y      Axis
	quadrants []string
	points    []matrixPoint
}

type matrixPoint struct {
	n          int
	text       string
	x, y       float64
	quadrant   int
	placements int
	counts     [4]int
}

func (r *Report) document(o Options) []block {
	loc := o.loc()
	var d []block
	add := func(b ...block) { d = append(d, b...) }

	add(heading{1, "top", r.Cohort.Name + " — cohort report"})
	add(r.facts(loc))

	add(r.summary()...)
	add(r.participantsBlocks(loc)...)
	for i := range r.Steps {
		add(r.stepBlocks(&r.Steps[i])...)
	}
	add(r.timelineBlocks(loc)...)
	return d
}

// facts are the cohort's details, and when and by what the report was made.
func (r *Report) facts(loc *time.Location) facts {
	pace := "facilitator-led"
	if r.Cohort.Pace == "self" {
		pace = "self-paced"
	}
	f := facts{
		{"Join code", r.Cohort.Code},
		{"Module", fmt.Sprintf("%s (%s), version %s", r.Module.Title, r.Module.ID, r.Module.Version)},
		{"Module version hash", r.Module.Hash},
		{"Pace", pace},
		{"Created", clock(r.Cohort.CreatedAt, loc) + " by " + r.Cohort.CreatedBy},
	}
	if r.Cohort.ArchivedAt != nil {
		f = append(f, [2]string{"Archived", clock(*r.Cohort.ArchivedAt, loc)})
	}
	if n := len(r.Steps); n > 0 {
		cur := min(max(r.Cohort.CurrentStep, 1), n)
		f = append(f, [2]string{"Current step", fmt.Sprintf("%d of %d: %s", cur, n, r.Steps[cur-1].Title)})
	}
	people := strconv.Itoa(len(r.Participants))
	if len(r.Teams) > 0 {
		people += ", in " + plural(len(r.Teams), "team", "teams")
	}
	f = append(f, [2]string{"Participants", people}, [2]string{"Times", zoneName(loc)})
	made := "Exported " + clock(r.ExportedAt, loc)
	if r.Reproducible {
		made = "As of " + clock(r.ExportedAt, loc) + ", the newest time stored for the cohort (a reproducible export)"
	}
	if v := r.Generator.Version; v != nil {
		made += " by workshop " + *v
	}
	return append(f, [2]string{"Report", made})
}

func (r *Report) summary() []block {
	n := len(r.Participants)
	out := []block{heading{2, "summary", "Summary"}}
	sc := stackChart{title: "Completion per step", series: []string{"Submitted", "Draft", "Not started"}}
	tc := barChart{title: "Average minutes per step", head: [2]string{"Step", "Minutes"}}
	t := table{
		head: []string{"Step", "Title", "Exercise", "Submitted", "Draft", "Not started", "Completion", "Avg. min", "Median min", "Total min"},
		num:  []bool{true, false, false, true, true, true, true, true, true, true},
	}
	var md bullets
	for _, s := range r.Steps {
		label := fmt.Sprintf("%d. %s", s.Number, s.Title)
		line := []span{{text: label, strong: true}}
		var parts []string
		if s.Exercise != nil {
			c := s.Completion
			line = append(line, span{text: " — " + exerciseLabel(s.Exercise)})
			done := fmt.Sprintf("submitted by %d of %d (%s)", c.Submitted, n, percent(c.Submitted, n))
			if c.Draft > 0 {
				done += fmt.Sprintf(", %s", plural(c.Draft, "draft", "drafts"))
			}
			parts = append(parts, done)
		}
		if s.Time.Participants > 0 {
			parts = append(parts, fmt.Sprintf("%s min on average (median %s, total %s)", minutesText(s.Time.AverageSeconds), minutesText(s.Time.MedianSeconds), minutesText(s.Time.TotalSeconds)))
		} else {
			parts = append(parts, "no time recorded")
		}
		md = append(md, append(line, span{text: ": " + strings.Join(parts, "; ")}))
		row := []string{strconv.Itoa(s.Number), s.Title, "—", "", "", "", "",
			minutesText(s.Time.AverageSeconds), minutesText(s.Time.MedianSeconds), minutesText(s.Time.TotalSeconds)}
		if s.Exercise != nil {
			c := s.Completion
			row[2] = exerciseLabel(s.Exercise)
			row[3], row[4], row[5] = strconv.Itoa(c.Submitted), strconv.Itoa(c.Draft), strconv.Itoa(c.NotStarted)
			row[6] = percent(c.Submitted, n)
			sc.rows = append(sc.rows, stackRow{label: label, values: []int{c.Submitted, c.Draft, c.NotStarted}})
		}
		tc.bars = append(tc.bars, bar{label: label, value: float64(s.Time.AverageSeconds) / 60, text: minutesText(s.Time.AverageSeconds) + " min"})
		t.rows = append(t.rows, row)
	}
	out = append(out, para{{text: fmt.Sprintf("%s. Completion counts submitted work; minutes are time spent on a step while connected, averaged over the participants who spent any.", plural(n, "participant", "participants"))}})
	if len(sc.rows) > 0 {
		out = append(out, sc)
	}
	t.md = []block{md}
	return append(out, tc, t)
}

func (r *Report) participantsBlocks(loc *time.Location) []block {
	exercises := 0
	for _, s := range r.Steps {
		if s.Exercise != nil {
			exercises++
		}
	}
	t := table{
		head: []string{"Name", "Team", "Joined", "Last seen", "Submitted", "Minutes"},
		num:  []bool{false, false, false, false, true, true},
		keep: []bool{false, false, true, true},
	}
	for i, p := range r.Participants {
		team := ""
		if p.Team != nil {
			team = *p.Team
		}
		submitted, secs := 0, int64(0)
		for _, sp := range r.Progress[i].Steps {
			if sp.Status == StatusSubmitted {
				submitted++
			}
			secs += sp.Seconds
		}
		t.rows = append(t.rows, []string{p.Name, team, clock(p.JoinedAt, loc), clock(p.LastSeen, loc),
			fmt.Sprintf("%d of %d", submitted, exercises), minutesText(secs)})
	}
	out := []block{heading{2, "participants", "Participants"}}
	if len(t.rows) == 0 {
		return append(out, para{{text: "Nobody joined this cohort.", emph: true}})
	}
	return append(out, t)
}

// exerciseLabel names a step's exercise, e.g. "list (anonymous)".
func exerciseLabel(e *Exercise) string {
	var notes []string
	if e.Team {
		notes = append(notes, "team")
	}
	if e.Anonymous {
		notes = append(notes, "anonymous")
	}
	if len(notes) == 0 {
		return e.Kind
	}
	return e.Kind + " (" + strings.Join(notes, ", ") + ")"
}

func (r *Report) stepBlocks(s *Step) []block {
	out := []block{heading{2, "step-" + strconv.Itoa(s.Number), fmt.Sprintf("%d. %s", s.Number, s.Title)}}
	meta := []string{"Phase: " + s.Phase}
	if s.TimeboxMinutes > 0 {
		meta = append(meta, fmt.Sprintf("time box %d min", s.TimeboxMinutes))
	}
	if s.Exercise != nil {
		meta = append(meta, exerciseLabel(s.Exercise)+" exercise")
	} else {
		meta = append(meta, "no exercise")
	}
	out = append(out, para{{text: strings.Join(meta, " · "), emph: true}})
	if s.Exercise != nil && s.Exercise.Prompt != "" {
		out = append(out, para{{text: "Prompt: ", strong: true}, {text: s.Exercise.Prompt}})
	}
	n := len(r.Participants)
	var status []string
	if c := s.Completion; c != nil {
		done := fmt.Sprintf("Submitted by %d of %d", c.Submitted, n)
		if c.Draft > 0 {
			done += fmt.Sprintf(", %s in progress", plural(c.Draft, "draft", "drafts"))
		}
		status = append(status, done)
	}
	if s.Time.Participants > 0 {
		status = append(status, fmt.Sprintf("%s min on average on this step (median %s, over %s)",
			minutesText(s.Time.AverageSeconds), minutesText(s.Time.MedianSeconds), plural(s.Time.Participants, "participant", "participants")))
	} else {
		status = append(status, "no time recorded on this step")
	}
	sentence := strings.Join(status, " · ") + "."
	out = append(out, para{{text: strings.ToUpper(sentence[:1]) + sentence[1:]}})
	if s.Exercise == nil {
		return out
	}
	if s.Exercise.Anonymous {
		out = append(out, para{{text: "Anonymous: no author of an item is recorded or exported; votes and placements are shown only as cohort totals.", emph: true}})
	}
	work := r.workBlocks(s)
	if len(work) == 0 {
		work = []block{para{{text: "No work on this step yet.", emph: true}}}
	}
	return append(out, work...)
}

// owned is one artifact's or board's work with its owner and status.
type owned struct {
	owner  Owner
	status string
	v      any
}

// stepWork lists a step's work: participants' own, then teams' boards, then the anonymous pool.
func (r *Report) stepWork(stepID string) []owned {
	var out []owned
	for _, a := range r.Artifacts {
		if a.StepID == stepID && a.value != nil {
			out = append(out, owned{a.Owner, a.Status, a.value})
		}
	}
	for _, b := range r.Boards {
		if b.StepID == stepID && b.value != nil {
			out = append(out, owned{b.Owner, "", b.value})
		}
	}
	return out
}

// who is the owner of a piece of work as a bold name with its status.
func who(w owned) []span {
	name := ownerLabel(w.owner)
	switch w.owner.Type {
	case OwnerTeam:
		name = session.TeamTitle(w.owner.Name)
	case OwnerAnonymous:
		name = "Anonymous items (no author recorded)"
	}
	out := []span{{text: name, strong: true}}
	if w.status == StatusDraft {
		out = append(out, span{text: " (draft)", emph: true})
	}
	return out
}

func (r *Report) workBlocks(s *Step) []block {
	ex := s.Exercise
	var out []block
	switch ex.Kind {
	case "reflection":
		for _, w := range r.stepWork(s.ID) {
			if a, ok := w.v.(*work.Reflection); ok && strings.TrimSpace(a.Text) != "" {
				out = append(out, quote{who: who(w), text: a.Text})
			}
		}
	case "list":
		for _, w := range r.stepWork(s.ID) {
			l, ok := w.v.(*work.List)
			if !ok || len(l.Items) == 0 {
				continue
			}
			var items bullets
			for _, it := range l.Items {
				items = append(items, []span{{text: oneLine(it.Text)}})
			}
			out = append(out, para(append(who(w), span{text: ":"})), items)
		}
	case "journey":
		for _, w := range r.stepWork(s.ID) {
			j, ok := w.v.(*work.Journey)
			if !ok || journeyEmpty(j) {
				continue
			}
			t := table{head: append([]string{""}, j.Stages...), rowHeads: true}
			for i, lane := range ex.Lanes {
				t.rows = append(t.rows, append([]string{lane}, j.Cells[i]...))
			}
			out = append(out, para(append(who(w), span{text: ":"})), t)
		}
	case "table":
		t := table{head: []string{"Owner"}}
		for _, c := range ex.Columns {
			t.head = append(t.head, c.Name)
		}
		t.num = make([]bool, len(t.head))
		for i, c := range ex.Columns {
			t.num[i+1] = c.Type == "number"
		}
		for _, w := range r.stepWork(s.ID) {
			tb, ok := w.v.(*work.Table)
			if !ok {
				continue
			}
			for _, row := range tb.Rows {
				if strings.Join(row, "") == "" {
					continue
				}
				t.rows = append(t.rows, append([]string{ownerLabel(w.owner)}, row...))
			}
		}
		if len(t.rows) > 0 {
			out = append(out, t)
		}
	}
	if res := r.result(s.ID); res != nil {
		out = append(out, r.resultBlocks(s, res)...)
	}
	return out
}

func journeyEmpty(j *work.Journey) bool {
	for _, row := range j.Cells {
		for _, c := range row {
			if c != "" {
				return false
			}
		}
	}
	return true
}

func (r *Report) resultBlocks(s *Step, res *Result) []block {
	var out []block
	switch {
	case res.Vote != nil:
		v := res.Vote
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
	case res.Matrix != nil:
		m := res.Matrix
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
	case res.Scale != nil:
		sc := res.Scale
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
	case res.Quiz != nil:
		q := res.Quiz
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
	case res.Checklist != nil:
		c := res.Checklist
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
	}
	return out
}

func (r *Report) timelineBlocks(loc *time.Location) []block {
	out := []block{heading{2, "timeline", "Facilitation timeline"}}
	t := table{head: []string{"Time", "Who", "Action", "Detail"}, keep: []bool{true}}
	for _, ev := range r.Timeline {
		t.rows = append(t.rows, []string{clock(ev.At, loc), ev.Actor, ev.Action, ev.Detail})
	}
	if len(t.rows) == 0 {
		return append(out, para{{text: "Nothing recorded.", emph: true}})
	}
	return append(out, t)
}

// plural writes a count with the right noun, e.g. "1 team", "3 teams".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

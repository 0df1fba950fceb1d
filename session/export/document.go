package export

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"workshop/session"
	"workshop/session/work"
)

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
	add(r.attendanceBlocks(loc)...)
	add(r.notesBlocks(loc)...)
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
	// Department and email columns show when a roster import gave anyone one.
	depts, emails := false, false
	for _, p := range r.Participants {
		depts, emails = depts || p.Department != nil, emails || p.Email != nil
	}
	t := table{head: []string{"Name", "Team"}, num: []bool{false, false}, keep: []bool{false, false}}
	if depts {
		t.head, t.num, t.keep = append(t.head, "Department"), append(t.num, false), append(t.keep, false)
	}
	if emails {
		t.head, t.num, t.keep = append(t.head, "Email"), append(t.num, false), append(t.keep, true)
	}
	t.head = append(t.head, "Joined", "Last seen", "Submitted", "Minutes")
	t.num = append(t.num, false, false, true, true)
	t.keep = append(t.keep, true, true)
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
		row := []string{p.Name, team}
		if depts {
			row = append(row, deref(p.Department))
		}
		if emails {
			row = append(row, deref(p.Email))
		}
		t.rows = append(t.rows, append(row, clock(p.JoinedAt, loc), clock(p.LastSeen, loc),
			fmt.Sprintf("%d of %d", submitted, exercises), minutesText(secs)))
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

package export

import (
	"fmt"
	"strconv"
	"strings"

	"workshop/i18n"
	"workshop/session"
	"workshop/session/work"
)

func (r *Report) document(x locale) []block {
	var d []block
	add := func(b ...block) { d = append(d, b...) }

	add(heading{1, "top", r.title(x)})
	add(r.facts(x))

	add(r.summary(x)...)
	add(r.participantsBlocks(x)...)
	for i := range r.Steps {
		add(r.stepBlocks(x, &r.Steps[i])...)
	}
	add(r.attendanceBlocks(x)...)
	add(r.notesBlocks(x)...)
	add(r.timelineBlocks(x)...)
	return d
}

// title is the report's title: the cohort's name and what the document is.
func (r *Report) title(x locale) string {
	return x.T("%s — cohort report", i18n.Verbatim(r.Cohort.Name))
}

// facts are the cohort's details, and when and by what the report was made.
func (r *Report) facts(x locale) facts {
	pace := x.T("facilitator-led")
	if r.Cohort.Pace == "self" {
		pace = x.T("self-paced")
	}
	v := i18n.Verbatim
	f := facts{
		{x.T("Join code"), r.Cohort.Code},
		{x.T("Module"), x.T("%s (%s), version %s", v(r.Module.Title), v(r.Module.ID), v(r.Module.Version))},
		{x.T("Module version hash"), r.Module.Hash},
		{x.T("Pace"), pace},
		{x.T("Created"), x.T("%s by %s", x.clock(r.Cohort.CreatedAt), v(r.Cohort.CreatedBy))},
	}
	if r.Cohort.ArchivedAt != nil {
		f = append(f, [2]string{x.T("Archived"), x.clock(*r.Cohort.ArchivedAt)})
	}
	if n := len(r.Steps); n > 0 {
		cur := min(max(r.Cohort.CurrentStep, 1), n)
		f = append(f, [2]string{x.T("Current step"), x.T("%d of %d: %s", cur, n, v(r.Steps[cur-1].Title))})
	}
	people := x.Int(len(r.Participants))
	if len(r.Teams) > 0 {
		people = x.T("%d, in %d teams", len(r.Participants), len(r.Teams))
	}
	f = append(f, [2]string{x.T("Participants"), people}, [2]string{x.T("Times"), zoneName(x.loc)})
	made := x.T("Exported %s", x.clock(r.ExportedAt))
	if r.Reproducible {
		made = x.T("As of %s, the newest time stored for the cohort (a reproducible export)", x.clock(r.ExportedAt))
	}
	if ver := r.Generator.Version; ver != nil {
		made = x.T("%s by workshop %s", made, v(*ver))
	}
	return append(f, [2]string{x.T("Report"), made})
}

func (r *Report) summary(x locale) []block {
	n := len(r.Participants)
	out := []block{heading{2, "summary", x.T("Summary")}}
	sc := stackChart{title: x.T("Completion per step"), series: []string{x.T("Submitted"), x.T("Draft"), x.T("Not started")}, none: x.T("no answers")}
	tc := barChart{title: x.T("Average minutes per step"), head: [2]string{x.T("Step"), x.T("Minutes")}}
	t := table{
		head: []string{x.T("Step"), x.T("Title"), x.T("Exercise"), x.T("Submitted"), x.T("Draft"), x.T("Not started"), x.T("Completion"),
			x.T("Avg. min"), x.T("Median min"), x.T("Total min")},
		num: []bool{true, false, false, true, true, true, true, true, true, true},
	}
	var md bullets
	for _, s := range r.Steps {
		label := fmt.Sprintf("%d. %s", s.Number, s.Title)
		line := []span{{text: label, strong: true}}
		var parts []string
		if s.Exercise != nil {
			c := s.Completion
			line = append(line, span{text: " — " + x.exerciseLabel(s.Exercise)})
			done := x.T("submitted by %d of %d (%s)", c.Submitted, n, percent(c.Submitted, n))
			if c.Draft > 0 {
				done = x.T("%s, %d drafts", done, c.Draft)
			}
			parts = append(parts, done)
		}
		if s.Time.Participants > 0 {
			parts = append(parts, x.T("%s min on average (median %s, total %s)", x.minutesText(s.Time.AverageSeconds), x.minutesText(s.Time.MedianSeconds), x.minutesText(s.Time.TotalSeconds)))
		} else {
			parts = append(parts, x.T("no time recorded"))
		}
		md = append(md, append(line, span{text: ": " + strings.Join(parts, "; ")}))
		row := []string{strconv.Itoa(s.Number), s.Title, "—", "", "", "", "",
			x.minutesText(s.Time.AverageSeconds), x.minutesText(s.Time.MedianSeconds), x.minutesText(s.Time.TotalSeconds)}
		if s.Exercise != nil {
			c := s.Completion
			row[2] = x.exerciseLabel(s.Exercise)
			row[3], row[4], row[5] = strconv.Itoa(c.Submitted), strconv.Itoa(c.Draft), strconv.Itoa(c.NotStarted)
			row[6] = percent(c.Submitted, n)
			sc.rows = append(sc.rows, stackRow{label: label, values: []int{c.Submitted, c.Draft, c.NotStarted}})
		}
		tc.bars = append(tc.bars, bar{label: label, value: float64(s.Time.AverageSeconds) / 60, text: x.T("%s min", x.minutesText(s.Time.AverageSeconds))})
		t.rows = append(t.rows, row)
	}
	out = append(out, para{{text: x.T("%d participants. Completion counts submitted work; minutes are time spent on a step while connected, averaged over the participants who spent any.", n)}})
	if len(sc.rows) > 0 {
		out = append(out, sc)
	}
	t.md = []block{md}
	return append(out, tc, t)
}

func (r *Report) participantsBlocks(x locale) []block {
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
	t := table{head: []string{x.T("Name"), x.T("Team")}, num: []bool{false, false}, keep: []bool{false, false}}
	if depts {
		t.head, t.num, t.keep = append(t.head, x.T("Department")), append(t.num, false), append(t.keep, false)
	}
	if emails {
		t.head, t.num, t.keep = append(t.head, x.T("Email")), append(t.num, false), append(t.keep, true)
	}
	t.head = append(t.head, x.T("Joined"), x.T("Last seen"), x.T("Submitted"), x.T("Minutes"))
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
		t.rows = append(t.rows, append(row, x.clock(p.JoinedAt), x.clock(p.LastSeen),
			x.T("%d of %d", submitted, exercises), x.minutesText(secs)))
	}
	out := []block{heading{2, "participants", x.T("Participants")}}
	if len(t.rows) == 0 {
		return append(out, para{{text: x.T("Nobody joined this cohort."), emph: true}})
	}
	return append(out, t)
}

// exerciseLabel names a step's exercise, e.g. "list (anonymous)".
func (x locale) exerciseLabel(e *Exercise) string {
	kind := x.Msg(KindName(e.Kind))
	switch {
	case e.Team && e.Anonymous:
		return x.T("%s (team, anonymous)", kind)
	case e.Team:
		return x.T("%s (team)", kind)
	case e.Anonymous:
		return x.T("%s (anonymous)", kind)
	}
	return kind
}

// KindName names an exercise kind for people: "list", "matrix", "journey map"…
func KindName(kind string) i18n.Msg {
	switch kind {
	case "reflection":
		return i18n.M("kind|reflection")
	case "list":
		return i18n.M("kind|list")
	case "vote":
		return i18n.M("kind|vote")
	case "matrix":
		return i18n.M("kind|matrix")
	case "journey":
		return i18n.M("kind|journey map")
	case "table":
		return i18n.M("kind|table")
	case "scale":
		return i18n.M("kind|scale")
	case "checklist":
		return i18n.M("kind|checklist")
	case "quiz":
		return i18n.M("kind|quiz")
	}
	return i18n.Verbatim(kind)
}

// phaseName names an experiential-learning phase for people.
func (x locale) phaseName(phase string) string {
	switch phase {
	case "experience":
		return x.T("phase|concrete experience")
	case "reflect":
		return x.T("phase|reflection")
	case "conceptualize":
		return x.T("phase|concept")
	case "apply":
		return x.T("phase|application")
	}
	return phase
}

func (r *Report) stepBlocks(x locale, s *Step) []block {
	out := []block{heading{2, "step-" + strconv.Itoa(s.Number), fmt.Sprintf("%d. %s", s.Number, s.Title)}}
	meta := []string{x.T("Phase: %s", x.phaseName(s.Phase))}
	if s.TimeboxMinutes > 0 {
		meta = append(meta, x.T("time box %d min", s.TimeboxMinutes))
	}
	if s.Exercise != nil {
		meta = append(meta, x.T("%s exercise", x.exerciseLabel(s.Exercise)))
	} else {
		meta = append(meta, x.T("no exercise"))
	}
	out = append(out, para{{text: strings.Join(meta, " · "), emph: true}})
	if s.Exercise != nil && s.Exercise.Prompt != "" {
		out = append(out, para{{text: x.T("Prompt:") + " ", strong: true}, {text: s.Exercise.Prompt}})
	}
	n := len(r.Participants)
	var status []string
	if c := s.Completion; c != nil {
		done := x.T("Submitted by %d of %d", c.Submitted, n)
		if c.Draft > 0 {
			done = x.T("Submitted by %d of %d, %d drafts in progress", c.Submitted, n, c.Draft)
		}
		status = append(status, done)
	}
	if s.Time.Participants > 0 {
		status = append(status, x.T("%s min on average on this step (median %s, over %d participants)",
			x.minutesText(s.Time.AverageSeconds), x.minutesText(s.Time.MedianSeconds), s.Time.Participants))
	} else {
		status = append(status, x.T("no time recorded on this step"))
	}
	sentence := []rune(strings.Join(status, " · ") + ".")
	out = append(out, para{{text: strings.ToUpper(string(sentence[:1])) + string(sentence[1:])}})
	if s.Exercise == nil {
		return out
	}
	if s.Exercise.Anonymous {
		out = append(out, para{{text: x.T("Anonymous: no author of an item is recorded or exported; votes and placements are shown only as cohort totals."), emph: true}})
	}
	work := r.workBlocks(x, s)
	if len(work) == 0 {
		work = []block{para{{text: x.T("No work on this step yet."), emph: true}}}
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
func (x locale) who(w owned) []span {
	name := x.ownerLabel(w.owner)
	switch w.owner.Type {
	case OwnerTeam:
		name = x.teamTitle(w.owner.Name)
	case OwnerAnonymous:
		name = x.T("Anonymous items (no author recorded)")
	}
	out := []span{{text: name, strong: true}}
	if w.status == StatusDraft {
		out = append(out, span{text: " " + x.T("(draft)"), emph: true})
	}
	return out
}

func (r *Report) workBlocks(x locale, s *Step) []block {
	ex := s.Exercise
	var out []block
	switch ex.Kind {
	case "reflection":
		for _, w := range r.stepWork(s.ID) {
			if a, ok := w.v.(*work.Reflection); ok && strings.TrimSpace(a.Text) != "" {
				out = append(out, quote{who: x.who(w), text: a.Text})
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
			out = append(out, para(append(x.who(w), span{text: ":"})), items)
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
			out = append(out, para(append(x.who(w), span{text: ":"})), t)
		}
	case "table":
		t := table{head: []string{x.T("Owner")}}
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
				t.rows = append(t.rows, append([]string{x.ownerLabel(w.owner)}, row...))
			}
		}
		if len(t.rows) > 0 {
			out = append(out, t)
		}
	}
	if res := r.result(s.ID); res != nil {
		out = append(out, r.resultBlocks(x, s, res)...)
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

func (r *Report) timelineBlocks(x locale) []block {
	out := []block{heading{2, "timeline", x.T("Facilitation timeline")}}
	t := table{head: []string{x.T("Time"), x.T("Who"), x.T("Action"), x.T("Detail")}, keep: []bool{true}}
	for _, ev := range r.Timeline {
		t.rows = append(t.rows, []string{x.clock(ev.At), ev.Actor, x.Msg(session.ActionMsg(ev.Action)), ev.Detail})
	}
	if len(t.rows) == 0 {
		return append(out, para{{text: x.T("Nothing recorded."), emph: true}})
	}
	return append(out, t)
}

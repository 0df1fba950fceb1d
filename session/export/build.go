package export

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"workshop/content"
	"workshop/session"
)

// BuildByCode builds the report of the cohort with the given join code.
func BuildByCode(ctx context.Context, m *session.Manager, code string, st Stamp) (*Report, error) {
	c, err := m.CohortByCode(ctx, code)
	if err != nil {
		return nil, fmt.Errorf("cohort %q: %w", code, err)
	}
	return Build(ctx, m, c.ID, st)
}

// Build reads everything a cohort did from the manager's store into a Report, stamped as st
// says. It reads the store directly, never a hub, so exporting does not disturb live screens
// and works while the server runs in another process; and it reads it in one transaction
// (session.Store.CohortRecord), so every part of the report describes the same moment. Time
// still counting on the step a participant is on counts up to the export's time.
func Build(ctx context.Context, m *session.Manager, cohortID int64, st Stamp) (*Report, error) {
	rec, err := m.Store().CohortRecord(ctx, cohortID)
	if err != nil {
		return nil, fmt.Errorf("export cohort %d: %w", cohortID, err)
	}
	c := rec.Cohort
	mod, err := m.Module(ctx, c)
	if err != nil {
		return nil, fmt.Errorf("export %s: %w", c.Code, err)
	}
	at := st.At
	switch {
	case st.Reproducible:
		at = newest(rec)
	case at.IsZero():
		at = m.Now()
	}
	at = at.UTC()
	b := &builder{mod: mod, r: &Report{SchemaVersion: SchemaVersion, ExportedAt: at, Reproducible: st.Reproducible}}
	b.r.Generator = st.generator()
	b.cohort(c)
	b.steps()
	b.people(rec.Participants, rec.Teams, at)
	b.stored(rec.Artifacts, rec.Boards)
	b.work(rec.Artifacts, rec.Boards)
	b.progress(rec.Artifacts, rec.TimeOnSteps(mod, at))
	b.results(c)
	b.timeline(rec.Timeline)
	b.notes(rec.Notes)
	if mas := session.Attendance(mod, c, rec.Participants, rec.Activities, at); len(mas) > 0 {
		b.r.Attendance = AttendanceOf(mas)
	}
	return b.r, nil
}

// newest is the latest time stored about a cohort: what a reproducible export is made as of,
// so that its bytes depend on the stored data alone.
func newest(rec session.CohortRecord) time.Time {
	t := rec.Cohort.UpdatedAt
	later := func(u time.Time) {
		if u.After(t) {
			t = u
		}
	}
	later(rec.Cohort.CreatedAt)
	later(rec.Cohort.ArchivedAt)
	for _, p := range rec.Participants {
		later(p.JoinedAt)
		later(p.LastSeen)
		if p.Hand != nil {
			later(p.Hand.At)
		}
	}
	for _, a := range rec.Artifacts {
		later(a.UpdatedAt)
		later(a.SubmittedAt)
	}
	for _, b := range rec.Boards {
		later(b.UpdatedAt)
	}
	for _, since := range rec.Clocks {
		later(since)
	}
	for _, ev := range rec.Timeline {
		later(ev.At)
	}
	return t
}

// generator names the program writing an export: its version, unless reproducible.
func (st Stamp) generator() Generator {
	g := Generator{Name: "workshop"}
	if !st.Reproducible {
		v := line(strings.TrimSpace(st.Version))
		if v == "" {
			v = "dev"
		}
		g.Version = &v
	}
	return g
}

// builder fills a Report.
type builder struct {
	mod *content.Module
	r   *Report
	// exercises by step id, and whether a step's items are anonymous.
	ex   map[string]*content.Exercise
	anon map[string]bool
	// teamOf is each participant's current team.
	teamOf map[int64]int64
	// Participants' artifacts and boards of each step, decoded, in export order. They include
	// what is left out of the report for anonymity, since results are computed from it.
	arts   map[string][]decoded
	boards map[string][]decoded
	// The stored artifacts and boards of each step, cleaned of control sequences, for the
	// results that session works out from stored work (items, tallies).
	storedArts   map[string][]session.Artifact
	storedBoards map[string][]session.Board
}

// decoded is one stored artifact or board with its decoded work.
type decoded struct {
	owner  Owner
	team   int64
	status session.Status
	v      any
}

func (b *builder) cohort(c session.Cohort) {
	r := b.r
	r.Cohort = Cohort{
		ID: c.ID, Code: c.Code, Name: line(c.Name), Pace: string(c.Pace), CurrentStep: c.Step + 1,
		CreatedBy: line(c.CreatedBy), CreatedAt: c.CreatedAt.UTC(), UpdatedAt: c.UpdatedAt.UTC(),
		ArchivedAt: timePtr(c.ArchivedAt), LockedSteps: []string{},
	}
	for _, s := range b.mod.Steps {
		if c.Live.IsLocked(s.ID) {
			r.Cohort.LockedSteps = append(r.Cohort.LockedSteps, s.ID)
		}
	}
	r.Module = Module{
		ID: b.mod.ID, Title: line(b.mod.Title), Version: line(b.mod.Version), Hash: b.mod.Hash,
		Language: line(b.mod.Language), Summary: line(b.mod.Summary), DurationMinutes: b.mod.Duration,
	}
}

func (b *builder) steps() {
	r := b.r
	b.ex = map[string]*content.Exercise{}
	b.anon = map[string]bool{}
	r.stepIdx = map[string]int{}
	for i, s := range b.mod.Steps {
		r.stepIdx[s.ID] = i
		if s.Exercise != nil {
			b.ex[s.ID] = s.Exercise
		}
	}
	for id, ex := range b.ex {
		switch {
		case ex.Kind == content.KindList:
			b.anon[id] = ex.Anonymous
		case ex.From != "":
			if from, ok := b.ex[ex.From]; ok && from.Anonymous {
				b.anon[id] = true
			}
		}
	}
	r.Steps = make([]Step, len(b.mod.Steps))
	for i, s := range b.mod.Steps {
		st := Step{Number: i + 1, ID: s.ID, Title: line(s.Title), Phase: string(s.Phase), TimeboxMinutes: s.TimeBox}
		if s.Exercise != nil {
			st.Exercise = exercise(s.Exercise, b.anon[s.ID])
			st.Completion = &Completion{}
		}
		r.Steps[i] = st
	}
}

// exercise copies an exercise's definition with its defaults filled in.
func exercise(ex *content.Exercise, anon bool) *Exercise {
	e := &Exercise{Kind: string(ex.Kind), Prompt: line(ex.Prompt), Team: ex.Team, Anonymous: anon, From: ex.From}
	switch ex.Kind {
	case content.KindVote:
		e.Dots, e.MaxPerItem = ex.DotCount(), ex.PerItemLimit()
	case content.KindMatrix:
		x, y := ex.MatrixAxes()
		e.XAxis, e.YAxis = axis(x), axis(y)
		e.Quadrants = lines(ex.QuadrantNames())
	case content.KindJourney:
		e.Stages, e.Lanes = lines(ex.Stages), lines(ex.Lanes)
	case content.KindTable:
		for _, c := range ex.Columns {
			e.Columns = append(e.Columns, Column{Name: line(c.Name), Type: string(c.Type), Options: lines(c.Options)})
		}
	case content.KindScale:
		e.Statements, e.Labels = lines(ex.Statements), lines(ex.ScaleLabels())
	case content.KindChecklist:
		e.Items = lines(ex.Items)
	case content.KindQuiz:
		for _, q := range ex.Questions {
			qq := Question{Question: line(q.Question), Options: []string{}, Correct: -1}
			for i, o := range q.Options {
				qq.Options = append(qq.Options, line(o.Text))
				if o.Correct && qq.Correct < 0 {
					qq.Correct = i
				}
			}
			e.Questions = append(e.Questions, qq)
		}
	}
	return e
}

func axis(a content.Axis) *Axis {
	return &Axis{Label: line(a.Label), Low: line(a.Low), High: line(a.High)}
}

// people lists the participants; someone connected now was last seen now.
func (b *builder) people(ps []session.Participant, teams []session.Team, now time.Time) {
	r := b.r
	r.partIdx = map[int64]int{}
	r.teamNames = map[int64]string{}
	b.teamOf = map[int64]int64{}
	r.Teams = []Team{}
	for _, t := range teams {
		r.teamNames[t.ID] = line(t.Name)
		r.Teams = append(r.Teams, Team{ID: t.ID, Name: line(t.Name), Members: []int64{}})
	}
	r.Participants = []Participant{}
	// People are named as facilitators see them: look-alike names are told apart.
	var labels session.Labeler
	for _, p := range ps {
		out := Participant{ID: p.ID, Name: line(labels.Label(p.Name)), Step: p.Step + 1, JoinedAt: p.JoinedAt.UTC(), LastSeen: p.LastSeen.UTC()}
		if !p.OnlineSince.IsZero() {
			out.LastSeen = now.UTC()
		}
		out.Department, out.Email = optLine(p.Department), optLine(p.Email)
		if name, ok := r.teamNames[p.TeamID]; ok && p.TeamID != 0 {
			id := p.TeamID
			out.TeamID, out.Team = &id, &name
			b.teamOf[p.ID] = p.TeamID
			for i := range r.Teams {
				if r.Teams[i].ID == p.TeamID {
					r.Teams[i].Members = append(r.Teams[i].Members, p.ID)
				}
			}
		}
		if p.Hand != nil {
			out.Hand = &Hand{Text: line(p.Hand.Text), At: p.Hand.At.UTC()}
		}
		r.partIdx[p.ID] = len(r.Participants)
		r.Participants = append(r.Participants, out)
	}
}

// participantOwner names a participant as the owner of work.
func (b *builder) participantOwner(pid int64) Owner {
	name := "participant " + strconv.FormatInt(pid, 10)
	if p, ok := b.r.participant(pid); ok {
		name = p.Name
	}
	return Owner{Type: OwnerParticipant, ParticipantID: pid, Name: name}
}

// boardOwner names the owner of a shared board.
func (b *builder) boardOwner(owner string) (Owner, int64, bool) {
	if owner == session.OwnerPool {
		return Owner{Type: OwnerAnonymous}, 0, true
	}
	id, err := strconv.ParseInt(strings.TrimPrefix(owner, "team:"), 10, 64)
	if !strings.HasPrefix(owner, "team:") || err != nil {
		return Owner{}, 0, false
	}
	name, ok := b.r.teamNames[id]
	if !ok {
		name = fmt.Sprintf("team %d (no longer exists)", id)
	}
	return Owner{Type: OwnerTeam, TeamID: id, Name: name}, id, true
}

func (b *builder) stepOrder(id string) int {
	if i, ok := b.r.stepIdx[id]; ok {
		return i
	}
	return math.MaxInt
}

// progress fills each participant's status and time per step, and the per-step summaries.
func (b *builder) progress(arts []session.Artifact, times map[int64]map[string]time.Duration) {
	r := b.r
	byKey := map[string]session.Artifact{}
	for _, a := range arts {
		byKey[a.StepID+"\x00"+strconv.FormatInt(a.ParticipantID, 10)] = a
	}
	r.Progress = make([]Progress, 0, len(r.Participants))
	spent := make([][]int64, len(r.Steps))
	for _, p := range r.Participants {
		pr := Progress{ParticipantID: p.ID, Steps: make([]StepProgress, 0, len(r.Steps))}
		for i := range r.Steps {
			s := &r.Steps[i]
			sp := StepProgress{StepID: s.ID, Status: StatusNoExercise}
			if s.Exercise != nil {
				sp.Status = StatusNotStarted
				if a, ok := byKey[s.ID+"\x00"+strconv.FormatInt(p.ID, 10)]; ok && session.WorkStatus(b.ex[s.ID], a) != "" {
					// An emptied draft is not started, as on the facilitator's roster.
					sp.Status = string(session.WorkStatus(b.ex[s.ID], a))
					if !b.anon[s.ID] {
						sp.UpdatedAt, sp.SubmittedAt = timePtr(a.UpdatedAt), timePtr(a.SubmittedAt)
					}
				}
				switch sp.Status {
				case StatusSubmitted:
					s.Completion.Submitted++
				case StatusDraft:
					s.Completion.Draft++
				default:
					sp.Status = StatusNotStarted
					s.Completion.NotStarted++
				}
			}
			d := times[p.ID][s.ID]
			sp.Seconds = int64(math.Round(d.Seconds()))
			sp.Minutes = math.Round(d.Minutes()*10) / 10
			if sp.Seconds > 0 {
				spent[i] = append(spent[i], sp.Seconds)
			}
			pr.Steps = append(pr.Steps, sp)
		}
		r.Progress = append(r.Progress, pr)
	}
	for i := range r.Steps {
		r.Steps[i].Time = summariseTime(spent[i])
	}
}

func summariseTime(secs []int64) StepTime {
	if len(secs) == 0 {
		return StepTime{}
	}
	slices.Sort(secs)
	var total int64
	for _, s := range secs {
		total += s
	}
	n := int64(len(secs))
	median := secs[n/2]
	if n%2 == 0 {
		median = (secs[n/2-1] + secs[n/2] + 1) / 2
	}
	return StepTime{Participants: int(n), TotalSeconds: total, AverageSeconds: (total + n/2) / n, MedianSeconds: median}
}

func (b *builder) timeline(events []session.Event) {
	b.r.Timeline = make([]Event, 0, len(events))
	for _, ev := range events {
		b.r.Timeline = append(b.r.Timeline, Event{ID: ev.ID, At: ev.At.UTC(), Actor: line(ev.Actor), Action: line(ev.Action), Detail: session.CleanText(ev.Detail)})
	}
}

// line cleans a one-line value for every format.
func line(s string) string { return session.CleanLine(s) }

func lines(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = line(s)
	}
	return out
}

func timePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	u := t.UTC()
	return &u
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// optLine is a stored value folded onto one line, or nil when there is none.
func optLine(s string) *string {
	if s = line(s); s == "" {
		return nil
	}
	return &s
}

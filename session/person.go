package session

import (
	"context"
	"fmt"
	"time"

	"workshop/content"
	"workshop/i18n"
	"workshop/session/work"
)

// PersonPage is everything stored about one participant, read at one moment for a facilitator:
// who they are, their work and time on every step, how they attended each meeting, the hands
// they raised and the direct messages sent to them. The console's person page and the
// `person CODE PERSON` command both draw it; neither guesses from what a screen holds.
type PersonPage struct {
	ID         int64  `json:"id"`
	Name       string `json:"name"`
	Label      string `json:"label"`
	Department string `json:"department,omitempty"`
	Email      string `json:"email,omitempty"`
	Team       string `json:"team,omitempty"`
	Online     bool   `json:"online"`
	// Key says they come back with an SSH key; Code, with a rejoin (seat) code. The code
	// itself is not here: `person code` shows it.
	Key      bool          `json:"ssh_key"`
	Code     bool          `json:"rejoin_code"`
	JoinedAt time.Time     `json:"joined_at"`
	LastSeen time.Time     `json:"last_seen"`
	Steps    []PersonStep  `json:"steps"`
	Meetings []PersonMeet  `json:"meetings"`
	Hands    []PersonHand  `json:"hands"`
	Messages []PersonWrite `json:"messages"`
}

// PersonStep is one participant's status, time and work on one step.
type PersonStep struct {
	Number int    `json:"number"` // from 1
	ID     string `json:"id"`
	Title  string `json:"title"`
	Kind   string `json:"kind,omitempty"` // "" for a step without an exercise
	Status Status `json:"status,omitempty"`
	// Seconds is the time they spent on the step, counting now while their clock runs.
	Seconds   int64     `json:"seconds"`
	UpdatedAt time.Time `json:"updated_at,omitzero"`
	// Work is what they stored, written out as plain lines (WorkText); "" for none.
	Work string `json:"work,omitempty"`
	// Board names the shared board Work comes from on a team step ("Blue's board").
	Board string `json:"board,omitempty"`
	// Anonymous is set on a step whose items carry no author: nothing of it is theirs to show.
	Anonymous bool `json:"anonymous,omitempty"`
}

// PersonMeet is how a participant attended one meeting.
type PersonMeet struct {
	Number    int              `json:"number"`
	Title     string           `json:"title"`
	Status    AttendanceStatus `json:"status"`
	Minutes   int              `json:"minutes_online"`
	Late      bool             `json:"late"`
	LeftEarly bool             `json:"left_early"`
	Open      bool             `json:"open"`
}

// PersonHand is one hand a participant raised; LoweredAt is zero while it is up.
type PersonHand struct {
	RaisedAt  time.Time `json:"raised_at"`
	LoweredAt time.Time `json:"lowered_at,omitzero"`
}

// PersonWrite is a direct message sent to the participant; DismissedAt is zero while it
// shows on their screen.
type PersonWrite struct {
	By          string    `json:"by"`
	Text        string    `json:"text"`
	At          time.Time `json:"at"`
	DismissedAt time.Time `json:"dismissed_at,omitzero"`
}

// Person reads one participant's page (see PersonPage) from the store, for a facilitator.
func (h *Hub) Person(ctx context.Context, by Actor, pid int64) (PersonPage, error) {
	if _, err := h.m.Authorize(ctx, by); err != nil {
		return PersonPage{}, err
	}
	h.state.Lock()
	mb, ok := h.byID[pid]
	var me Participant
	online, team := false, ""
	if ok {
		me, online = mb.p, mb.online > 0
		if t, found := h.teamLocked(me.TeamID); found {
			team = t.Name
		}
	}
	h.state.Unlock()
	if !ok {
		return PersonPage{}, Errorf(ENotFound, "that person is no longer in cohort %s (see `roster %s`)", h.code, h.code)
	}
	rec, err := h.m.store.CohortRecord(ctx, h.id)
	if err != nil {
		return PersonPage{}, fmt.Errorf("read the page of %s: %w", me.Label(), err)
	}
	msgs, err := h.m.store.Messages(ctx, h.id)
	if err != nil {
		return PersonPage{}, fmt.Errorf("read the messages of %s: %w", me.Label(), err)
	}
	now := h.m.now()
	pg := PersonPage{ID: me.ID, Name: me.Name, Label: me.Label(), Department: me.Department, Email: me.Email,
		Team: team, Online: online, Key: me.Fingerprint != "", Code: me.RejoinCode != "", JoinedAt: me.JoinedAt.UTC(), LastSeen: me.LastSeen.UTC(),
		Steps: personSteps(h.module, rec, me, team, now), Meetings: []PersonMeet{}, Hands: personHands(rec.Activities, pid), Messages: []PersonWrite{}}
	for _, ma := range Attendance(h.module, rec.Cohort, rec.Participants, rec.Activities, now) {
		for _, pa := range ma.People {
			if pa.ParticipantID == pid {
				pg.Meetings = append(pg.Meetings, PersonMeet{Number: ma.Number, Title: ma.Title, Status: pa.Status,
					Minutes: pa.Minutes(), Late: pa.Late, LeftEarly: pa.LeftEarly, Open: ma.Open})
			}
		}
	}
	for _, m := range msgs {
		if m.ParticipantID == pid {
			pg.Messages = append(pg.Messages, PersonWrite{By: m.By, Text: CleanLine(m.Text), At: m.At.UTC(), DismissedAt: m.DismissedAt.UTC()})
		}
	}
	return pg, nil
}

// personSteps is a participant's status, time and work on every step of the module. Work is
// shown as the answers wall shows it to facilitators: on a team step their team's board, and
// on an anonymous step (or a vote or matrix on anonymous items) nothing, since no item there
// may be tied to a person.
func personSteps(mod *content.Module, rec CohortRecord, me Participant, team string, now time.Time) []PersonStep {
	times := rec.TimeOnSteps(mod, now)[me.ID]
	out := make([]PersonStep, 0, len(mod.Steps))
	for i, st := range mod.Steps {
		ps := PersonStep{Number: i + 1, ID: st.ID, Title: st.Title, Seconds: int64(times[st.ID] / time.Second)}
		if ex := st.Exercise; ex != nil {
			ps.Kind = string(ex.Kind)
			personWork(&ps, mod, ex, rec, me, team)
		}
		out = append(out, ps)
	}
	return out
}

// personWork fills in a participant's status and work on one step with an exercise.
func personWork(ps *PersonStep, mod *content.Module, ex *content.Exercise, rec CohortRecord, me Participant, team string) {
	var own *Artifact
	for j := range rec.Artifacts {
		if a := &rec.Artifacts[j]; a.StepID == ps.ID && a.ParticipantID == me.ID {
			own = a
		}
	}
	if own != nil {
		ps.Status, ps.UpdatedAt = WorkStatus(ex, *own), own.UpdatedAt.UTC()
	}
	if anonymousStep(mod, ex) {
		ps.Anonymous = true
		return
	}
	switch {
	case SharedWork(ex) && me.TeamID != 0:
		for _, b := range rec.Boards {
			if b.StepID != ps.ID || b.Owner != OwnerTeam(me.TeamID) {
				continue
			}
			if v, err := work.Decode(ex, b.Schema, b.Data); err == nil {
				ps.Work, ps.Board = WorkText(i18n.New(i18n.English), ex, v, recordItems(mod, ex, rec, me)), team+"'s board"
				if b.UpdatedAt.After(ps.UpdatedAt) {
					ps.UpdatedAt = b.UpdatedAt.UTC()
				}
			}
		}
	case !SharedWork(ex) && own != nil:
		if v, err := work.Decode(ex, own.Schema, own.Data); err == nil {
			ps.Work = WorkText(i18n.New(i18n.English), ex, v, recordItems(mod, ex, rec, me))
		}
	}
	ps.Work = CleanText(ps.Work)
}

// recordItems are the items a vote or matrix works on, as the participant saw them (see
// Hub.Items), from the record read.
func recordItems(mod *content.Module, ex *content.Exercise, rec CohortRecord, me Participant) []work.Item {
	i := mod.StepIndex(ex.From)
	if ex.From == "" || i < 0 || mod.Steps[i].Exercise == nil {
		return nil
	}
	teamOf := make(map[int64]int64, len(rec.Participants))
	for _, p := range rec.Participants {
		teamOf[p.ID] = p.TeamID
	}
	var arts []Artifact
	var boards []Board
	for _, a := range rec.Artifacts {
		if a.StepID == ex.From {
			arts = append(arts, a)
		}
	}
	for _, b := range rec.Boards {
		if b.StepID == ex.From {
			boards = append(boards, b)
		}
	}
	scope := int64(0)
	if ex.Team {
		scope = me.TeamID
	}
	return StepItems(mod.Steps[i].Exercise, boards, arts, teamOf, scope)
}

// anonymousStep says whether a step's work carries no author: an anonymous list, or a vote or
// matrix on the items of one.
func anonymousStep(mod *content.Module, ex *content.Exercise) bool {
	if ex.Anonymous {
		return true
	}
	if i := mod.StepIndex(ex.From); ex.From != "" && i >= 0 && mod.Steps[i].Exercise != nil {
		return mod.Steps[i].Exercise.Anonymous
	}
	return false
}

// personHands pairs each hand a participant raised with its lowering, oldest first.
func personHands(acts []Activity, pid int64) []PersonHand {
	out := []PersonHand{}
	for _, a := range acts {
		if a.ParticipantID != pid {
			continue
		}
		switch a.Kind {
		case ActHandUp:
			out = append(out, PersonHand{RaisedAt: a.At.UTC()})
		case ActHandDown:
			if n := len(out); n > 0 && out[n-1].LoweredAt.IsZero() {
				out[n-1].LoweredAt = a.At.UTC()
			}
		}
	}
	return out
}

// StatusMsg is the step's status in words, as both fronts print it: "submitted", "draft",
// "not started", or "reading" for a step without an exercise.
func (ps PersonStep) StatusMsg() i18n.Msg {
	switch {
	case ps.Kind == "":
		return i18n.M("work|reading")
	case ps.Status == StatusSubmitted:
		return i18n.M("work|submitted")
	case ps.Status == StatusDraft:
		return i18n.M("work|draft")
	}
	return i18n.M("work|not started")
}

// Summary is a meeting's attendance in a few words: "present, 55 min online", "late and left
// early, 20 min online", "absent"; a meeting still open says "so far".
func (pm PersonMeet) Summary() i18n.Msg {
	var what i18n.Msg
	switch {
	case pm.Status == Absent:
		return i18n.M("attendance|absent")
	case pm.Late && pm.LeftEarly:
		what = i18n.M("late and left early")
	case pm.Status == Late:
		what = i18n.M("attendance|late")
	case pm.Status == LeftEarly:
		what = i18n.M("attendance|left early")
	default:
		what = i18n.M("attendance|present")
	}
	if pm.Open {
		return i18n.M("%s so far, %d min online", what, pm.Minutes)
	}
	return i18n.M("%s, %d min online", what, pm.Minutes)
}

// TimeText is the time spent on the step, e.g. "12m30s", or "no time" for none.
func (ps PersonStep) TimeText() i18n.Msg {
	if ps.Seconds <= 0 {
		return i18n.M("no time")
	}
	return i18n.Verbatim(FormatDuration(time.Duration(ps.Seconds) * time.Second))
}

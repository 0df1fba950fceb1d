package session

import (
	"context"
	"fmt"
	"sort"
	"time"

	"workshop/content"
	"workshop/i18n"
)

// The record of who was there. Every time a participant comes online, leaves, raises or lowers
// a hand is stored with its time (Activity); attendance per meeting is computed from it only
// when someone asks (a command, an export), so nothing counts while people come and go.

// ActivityKind is what a participant did.
type ActivityKind string

// Activity kinds.
const (
	// ActJoin: the participant came online for the first time, just after joining the cohort.
	ActJoin ActivityKind = "join"
	// ActRejoin: the participant came online again (their first screen opened).
	ActRejoin ActivityKind = "rejoin"
	// ActLeave: the participant's last open screen closed.
	ActLeave ActivityKind = "leave"
	// ActHandUp and ActHandDown: a hand raised, and lowered by them or a facilitator.
	ActHandUp   ActivityKind = "hand-up"
	ActHandDown ActivityKind = "hand-down"
)

// Activity is one thing a participant did, at a time.
type Activity struct {
	CohortID      int64
	ParticipantID int64
	At            time.Time
	Kind          ActivityKind
}

// recordActivity stores an activity; a failure is logged, since the change it describes is
// already made and must not be undone for the record's sake.
func (h *Hub) recordActivity(ctx context.Context, pid int64, kind ActivityKind, at time.Time) {
	if err := h.m.store.RecordActivity(ctx, Activity{CohortID: h.id, ParticipantID: pid, At: at, Kind: kind}); err != nil {
		h.m.log.Warn("record activity", "participant", pid, "kind", kind, "err", err)
	}
}

// Attendance thresholds: arriving more than LateAfter after a meeting opened is late, leaving
// for good more than EarlyBefore before it closed is leaving early.
const (
	LateAfter   = 10 * time.Minute
	EarlyBefore = 10 * time.Minute
)

// AttendanceStatus is how a participant attended one meeting.
type AttendanceStatus string

// Attendance statuses. A participant both late and gone early counts as late (LeftEarly says
// the rest).
const (
	Present   AttendanceStatus = "present"
	Late      AttendanceStatus = "late"
	LeftEarly AttendanceStatus = "left early"
	Absent    AttendanceStatus = "absent"
)

// Msg is the status in words, for any language: "present", "late", "left early", "absent".
func (s AttendanceStatus) Msg() i18n.Msg {
	switch s {
	case Present:
		return i18n.M("attendance|present")
	case Late:
		return i18n.M("attendance|late")
	case LeftEarly:
		return i18n.M("attendance|left early")
	case Absent:
		return i18n.M("attendance|absent")
	}
	return i18n.Verbatim(string(s))
}

// MeetingAttendance is who attended one meeting, over all its openings.
type MeetingAttendance struct {
	Number int // from 1
	Title  string
	// StartedAt is when the meeting first opened; EndedAt when it last closed (zero while
	// open).
	StartedAt, EndedAt time.Time
	Open               bool
	People             []PersonAttendance // in joining order
	// Counts by status.
	Present, Late, LeftEarly, Absent int
}

// PersonAttendance is one participant's attendance of one meeting.
type PersonAttendance struct {
	ParticipantID int64
	Name          string
	// Label tells apart people whose names look alike (see Participant.Label).
	Label  string
	Status AttendanceStatus
	// Arrived is when they first were online during the meeting, Left when they last went
	// offline during it (zero while still there at its end); both zero when absent.
	Arrived, Left time.Time
	// Late and LeftEarly say which of the two happened (both may).
	Late, LeftEarly bool
	// Online is the time they were online during the meeting.
	Online time.Duration
	// Hands counts the hands they raised during the meeting.
	Hands int
}

// Minutes is the time online during the meeting, in whole minutes, rounded.
func (p PersonAttendance) Minutes() int { return int(p.Online.Round(time.Minute) / time.Minute) }

// span is a time interval [from, to).
type span struct{ from, to time.Time }

// Attendance computes, for every meeting the cohort held, who attended, from the stored
// activity. An open meeting counts up to now. People are labelled as on the roster, in joining
// order.
func Attendance(mod *content.Module, c Cohort, people []Participant, acts []Activity, now time.Time) []MeetingAttendance {
	if len(mod.Meetings) == 0 || len(c.Live.Meetings) == 0 {
		return nil
	}
	online, hands := onlineSpans(people, acts, now)
	var labels Labeler
	label := make(map[int64]string, len(people))
	for _, p := range people {
		label[p.ID] = labels.Label(p.Name)
	}
	// Openings by meeting, in the order meetings were first held.
	runs := map[int][]span{}
	var order []int
	for _, r := range c.Live.Meetings {
		if r.Number < 1 || r.Number > len(mod.Meetings) {
			continue
		}
		end := r.EndedAt
		if r.Open() {
			end = now
		}
		if _, seen := runs[r.Number]; !seen {
			order = append(order, r.Number)
		}
		runs[r.Number] = append(runs[r.Number], span{r.StartedAt, end})
	}
	out := make([]MeetingAttendance, 0, len(order))
	for _, num := range order {
		rs := runs[num]
		ma := MeetingAttendance{Number: num, Title: mod.Meetings[num-1].Title, StartedAt: rs[0].from}
		last := c.Live.Meetings[len(c.Live.Meetings)-1]
		ma.Open = last.Number == num && last.Open()
		if !ma.Open {
			ma.EndedAt = rs[len(rs)-1].to
		}
		start, end := rs[0].from, rs[len(rs)-1].to
		for _, p := range people {
			pa := PersonAttendance{ParticipantID: p.ID, Name: p.Name, Label: label[p.ID], Status: Absent}
			for _, s := range online[p.ID] {
				for _, r := range rs {
					from, to := later(s.from, r.from), earlier(s.to, r.to)
					if !to.After(from) {
						continue
					}
					pa.Online += to.Sub(from)
					if pa.Arrived.IsZero() || from.Before(pa.Arrived) {
						pa.Arrived = from
					}
					if to.Before(r.to) {
						pa.Left = to
					} else {
						pa.Left = time.Time{}
					}
				}
			}
			for _, at := range hands[p.ID] {
				for _, r := range rs {
					if !at.Before(r.from) && at.Before(r.to) {
						pa.Hands++
					}
				}
			}
			if pa.Online > 0 {
				pa.Late = pa.Arrived.Sub(start) > LateAfter
				pa.LeftEarly = !pa.Left.IsZero() && end.Sub(pa.Left) > EarlyBefore
				switch {
				case pa.Late:
					pa.Status = Late
				case pa.LeftEarly:
					pa.Status = LeftEarly
				default:
					pa.Status = Present
				}
			} else {
				pa.Left = time.Time{}
			}
			switch pa.Status {
			case Present:
				ma.Present++
			case Late:
				ma.Late++
			case LeftEarly:
				ma.LeftEarly++
			case Absent:
				ma.Absent++
			}
			ma.People = append(ma.People, pa)
		}
		out = append(out, ma)
	}
	return out
}

// onlineSpans turns the activity into each participant's times online, and the times they
// raised a hand. A stretch online with no leave recorded (the server stopped without closing
// the session) ends at their next coming online, or now.
func onlineSpans(people []Participant, acts []Activity, now time.Time) (map[int64][]span, map[int64][]time.Time) {
	sorted := make([]Activity, len(acts))
	copy(sorted, acts)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].At.Before(sorted[j].At) })
	online := make(map[int64][]span, len(people))
	hands := map[int64][]time.Time{}
	since := map[int64]time.Time{}
	for _, a := range sorted {
		switch a.Kind {
		case ActJoin, ActRejoin:
			if s, ok := since[a.ParticipantID]; ok {
				online[a.ParticipantID] = append(online[a.ParticipantID], span{s, a.At})
			}
			since[a.ParticipantID] = a.At
		case ActLeave:
			if s, ok := since[a.ParticipantID]; ok {
				online[a.ParticipantID] = append(online[a.ParticipantID], span{s, a.At})
				delete(since, a.ParticipantID)
			}
		case ActHandUp:
			hands[a.ParticipantID] = append(hands[a.ParticipantID], a.At)
		}
	}
	for pid, s := range since {
		if now.After(s) {
			online[pid] = append(online[pid], span{s, now})
		}
	}
	return online, hands
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func earlier(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// Attendance reads the stored activity and computes the cohort's attendance per meeting, for a
// facilitator.
func (h *Hub) Attendance(ctx context.Context, by Actor) ([]MeetingAttendance, error) {
	if _, err := h.m.Authorize(ctx, by); err != nil {
		return nil, err
	}
	rec, err := h.m.store.CohortRecord(ctx, h.id)
	if err != nil {
		return nil, fmt.Errorf("read attendance: %w", err)
	}
	return Attendance(h.module, rec.Cohort, rec.Participants, rec.Activities, h.m.now()), nil
}

// RoomNow is who is in the room during an open meeting, from the hub's memory: for the
// console's line "27 of 30 here; absent: …".
type RoomNow struct {
	Here, Total int
	// Away are the labels of the participants not online now, in joining order.
	Away []string
}

// Room says who is online now, out of everyone in the cohort.
func (s *Snapshot) Room() RoomNow {
	r := RoomNow{Total: len(s.Roster)}
	for _, m := range s.Roster {
		if m.Online {
			r.Here++
		} else {
			r.Away = append(r.Away, m.Label())
		}
	}
	return r
}

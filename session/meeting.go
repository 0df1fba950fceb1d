package session

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"workshop/content"
)

// Meetings. A module may group its steps into meetings (content.Meeting): live sessions held,
// say, a week apart. A facilitator opens a meeting and closes it; each opening is kept in the
// cohort's live state as a MeetingRun, so the times attendance is counted against are stored
// with the change that made them and the history survives restarts. Between two meetings the
// cohort is "at homework": everyone may move alone among the homework steps of the meeting
// that ended (see stepOf and mayMoveTo), whatever the pace.

// MaxMeetingRuns bounds the openings a cohort keeps: a meeting opened again after it was closed
// by mistake counts as another run of the same meeting.
const MaxMeetingRuns = 500

// MeetingRun is one opening of a meeting: from StartedAt until EndedAt (zero while open).
type MeetingRun struct {
	// Number is the meeting's position in the module, from 1.
	Number    int       `json:"number"`
	StartedAt time.Time `json:"started_at"`
	EndedAt   time.Time `json:"ended_at,omitzero"`
}

// Open says whether the run has not ended.
func (r MeetingRun) Open() bool { return r.EndedAt.IsZero() }

// MeetingNow is where a cohort stands in its module's meetings.
type MeetingNow struct {
	// Number is the meeting open now or, between meetings, the last one held (from 1); 0 when
	// no meeting has been held yet or the module has none.
	Number int
	// Of is how many meetings the module has.
	Of    int
	Title string
	// Open says whether meeting Number is being held now; StartedAt is when it opened.
	Open      bool
	StartedAt time.Time
	// Homework is, between meetings, the homework of the meeting that ended (Markdown), and
	// HomeworkSteps the positions of the steps people may work on alone until the next one.
	Homework      string
	HomeworkSteps []int
}

// Between says whether the cohort is between two meetings: one was held and none is open.
func (n MeetingNow) Between() bool { return n.Number > 0 && !n.Open }

// meetingNow reads where a cohort stands in its meetings.
func meetingNow(c Cohort, mod *content.Module) MeetingNow {
	n := MeetingNow{Of: len(mod.Meetings)}
	runs := c.Live.Meetings
	if len(runs) == 0 || n.Of == 0 {
		return n
	}
	last := runs[len(runs)-1]
	if last.Number < 1 || last.Number > n.Of {
		return n
	}
	mt := mod.Meetings[last.Number-1]
	n.Number, n.Title, n.Open, n.StartedAt = last.Number, mt.Title, last.Open(), last.StartedAt
	if !n.Open {
		n.Homework = mt.Homework
		n.HomeworkSteps = mod.HomeworkStepIndexes(last.Number - 1)
	}
	return n
}

// Meeting says where the cohort stands in its module's meetings.
func (s *Snapshot) Meeting() MeetingNow { return meetingNow(s.Cohort, s.Module) }

// homeworkSteps are the steps everyone may work on alone now: between meetings, those of the
// meeting that ended; none otherwise.
func homeworkSteps(c Cohort, mod *content.Module) []int {
	runs := c.Live.Meetings
	if len(runs) == 0 || len(mod.Meetings) == 0 || runs[len(runs)-1].Open() {
		return nil
	}
	return mod.HomeworkStepIndexes(runs[len(runs)-1].Number - 1)
}

// mayMoveTo says whether a participant may put themselves on step: anywhere in a self-paced
// cohort, among the homework steps between meetings, and nowhere while the facilitator leads.
func mayMoveTo(c Cohort, mod *content.Module, step int) bool {
	if c.Pace == PaceSelf {
		return true
	}
	return slices.Contains(homeworkSteps(c, mod), step)
}

// MayMoveTo says whether a participant may go to a step by themselves now (see mayMoveTo);
// screens ask it before offering a move.
func (s *Snapshot) MayMoveTo(step int) bool { return mayMoveTo(s.Cohort, s.Module, step) }

// MovesAlone says whether participants move by themselves now: the cohort is self-paced, or
// it is between meetings with homework steps.
func (s *Snapshot) MovesAlone() bool {
	return s.Cohort.Pace == PaceSelf || len(homeworkSteps(s.Cohort, s.Module)) > 0
}

// MeetingByRef finds a meeting by its number as a person types it, or "next": the one after the
// last held (the first if none was). It returns the meeting's number, from 1.
func MeetingByRef(mod *content.Module, live Live, ref string) (int, error) {
	n := len(mod.Meetings)
	if n == 0 {
		return 0, Errorf(EInvalid, "module %s is not held as meetings: its file lists none", mod.ID)
	}
	ref = strings.TrimSpace(ref)
	if ref == "" || ref == "next" {
		next := 1
		if k := len(live.Meetings); k > 0 {
			next = live.Meetings[k-1].Number + 1
		}
		if next > n {
			return 0, Errorf(EConflict, "all %d meetings were held; give a meeting's number to hold one again", n)
		}
		return next, nil
	}
	k, err := strconv.Atoi(ref)
	if err != nil || k < 1 || k > n {
		return 0, Errorf(EInvalid, "%q is not a meeting: give its number, 1 to %d, or next", ref, n)
	}
	return k, nil
}

// StartMeeting opens meeting number (from 1) and puts the group on its first step unless it is
// on one of the meeting's steps already. A meeting closed earlier may be opened again:
// attendance then counts both openings.
func (h *Hub) StartMeeting(ctx context.Context, by Actor, number int) error {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return err
	}
	if len(h.module.Meetings) == 0 {
		return Errorf(EInvalid, "module %s is not held as meetings: its file lists none", h.module.ID)
	}
	if number < 1 || number > len(h.module.Meetings) {
		return Errorf(EInvalid, "meeting %d does not exist: this module has meetings 1 to %d", number, len(h.module.Meetings))
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	now := meetingNow(h.cohort, h.module)
	if now.Open {
		if now.Number == number {
			return nil
		}
		return Errorf(EConflict, "meeting %d is open: end it first", now.Number)
	}
	if len(h.cohort.Live.Meetings) >= MaxMeetingRuns {
		return Errorf(EConflict, "this cohort has held %d meetings, the most it keeps", MaxMeetingRuns)
	}
	first, last := h.module.MeetingSteps(number - 1)
	// Between meetings people may be on homework steps of their own: their time so far counts
	// there before everyone is back on the group's step.
	h.flushTimeLocked(ctx, h.onlineLocked())
	started := h.m.now()
	detail := fmt.Sprintf("started meeting %d of %d: %s", number, len(h.module.Meetings), h.module.Meetings[number-1].Title)
	return h.changeCohortLocked(ctx, actor, "meeting", detail, func(c *Cohort) error {
		c.Live.Meetings = append(c.Live.Meetings, MeetingRun{Number: number, StartedAt: started})
		if first >= 0 && (c.Step < first || c.Step > last) {
			from := c.Step
			c.Step, c.Live.UndoStep = first, &from
		}
		return nil
	})
}

// EndMeeting closes the meeting that is open. Until the next one opens, everyone may work
// alone on its homework steps.
func (h *Hub) EndMeeting(ctx context.Context, by Actor) error {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	now := meetingNow(h.cohort, h.module)
	if !now.Open {
		return Errorf(EConflict, "no meeting is open")
	}
	h.flushTimeLocked(ctx, h.onlineLocked())
	ended := h.m.now()
	detail := fmt.Sprintf("ended meeting %d of %d: %s (%s)", now.Number, now.Of, now.Title, FormatDuration(ended.Sub(now.StartedAt).Round(time.Second)))
	return h.changeCohortLocked(ctx, actor, "meeting", detail, func(c *Cohort) error {
		c.Live.Meetings[len(c.Live.Meetings)-1].EndedAt = ended
		return nil
	})
}

// refuseMove explains why a participant may not move to a step by themselves.
func refuseMove(c Cohort, mod *content.Module) error {
	if hw := homeworkSteps(c, mod); len(hw) > 0 {
		nums := make([]string, len(hw))
		for i, s := range hw {
			nums[i] = strconv.Itoa(s + 1)
		}
		return Errorf(EConflict, "until the next meeting you may work on the homework steps alone: step %s", strings.Join(nums, ", "))
	}
	return Errorf(EConflict, "the facilitator leads this cohort: only they move the group")
}

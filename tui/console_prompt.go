package tui

import (
	"context"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"workshop/session"
)

// promptKind is what the room's one-line prompt is asking for.
type promptKind int

const (
	promptNone promptKind = iota
	promptJump
	promptTimer
	promptAnnounce
	promptFilter
	promptSplit
	promptRename
	promptMove
	promptMessage
	promptNote
	promptRenamePerson
)

// ask opens the prompt for kind; target is the team or participant it concerns.
func (r *cohortRoom) ask(kind promptKind, target int64, value string) tea.Cmd {
	in := textinput.New()
	in.CharLimit = 80
	switch kind {
	case promptJump:
		in.Prompt = r.T("Go to step (1–%d) › ", len(r.module().Steps))
		in.CharLimit = 64
	case promptTimer:
		in.Prompt = r.T("Timer › ")
		in.Placeholder = "5m, 90s, 4:30"
		if tb := r.step().TimeBox; tb > 0 {
			in.Placeholder = r.T("enter for the step's %d min, or 5m, 90s, 4:30", tb)
		}
	case promptAnnounce:
		in.Prompt = r.T("Announcement › ")
		in.Placeholder = r.T("e.g. Back at 10:30")
		in.CharLimit = session.MaxAnnouncementLen
	case promptFilter:
		in.Prompt = r.T("Find › ")
		in.Placeholder = r.T("part of a name or team")
		in.CharLimit = session.MaxNameLen
	case promptSplit:
		in.Prompt = r.T("Split › ")
		in.Placeholder = r.T("5 (teams) · size 4 · add hand for empty teams")
	case promptRename:
		in.Prompt = r.T("Team name › ")
		in.CharLimit = session.MaxNameLen
	case promptMove:
		in.Prompt = r.T("Move %s to team (number or name, 0 for none) › ", r.memberName(target))
		in.CharLimit = session.MaxNameLen
	case promptMessage, promptNote:
		r.askRoom(&in, kind, target)
	case promptRenamePerson:
		in.Prompt = r.T("New name for %s › ", r.personName(target))
		in.CharLimit = session.MaxNameLen
	}
	in.SetValue(value)
	in.CursorEnd()
	in.SetWidth(max(r.width-cellWidth(in.Prompt)-1, 4))
	r.prompt, r.promptTarget, r.input = kind, target, in
	r.status = ""
	return r.input.Focus()
}

func (r *cohortRoom) closePrompt() {
	r.prompt, r.promptTarget = promptNone, 0
	r.input.Blur()
}

func (r *cohortRoom) onPromptKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, r.ck.Back):
		if r.prompt == promptFilter {
			r.roster.query = ""
		}
		r.closePrompt()
		return nil
	case key.Matches(msg, r.ck.Enter):
		kind, target, value := r.prompt, r.promptTarget, strings.TrimSpace(r.input.Value())
		r.closePrompt()
		return r.submitPrompt(kind, target, value)
	}
	var cmd tea.Cmd
	r.input, cmd = r.input.Update(msg)
	r.promptChanged()
	return cmd
}

// promptChanged applies what is being typed where it acts at once: the roster filter.
func (r *cohortRoom) promptChanged() {
	if r.prompt == promptFilter {
		r.roster.query = session.CleanLine(r.input.Value())
		r.roster.top = 0
	}
}

func (r *cohortRoom) submitPrompt(kind promptKind, target int64, value string) tea.Cmd {
	switch kind {
	case promptJump:
		if value == "" {
			return nil
		}
		i, err := session.StepByRef(r.module(), value)
		if err != nil {
			return r.fail(r.conSay("facilitator prompt", err))
		}
		return r.act("", func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.Move(ctx, a, i) })
	case promptTimer:
		d, err := r.timerValue(value)
		if err != nil {
			return r.fail(r.conSay("facilitator prompt", err))
		}
		return r.act(r.T("Timer started: %s on every screen.", session.FormatDuration(d)), func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.StartTimer(ctx, a, d) })
	case promptAnnounce:
		if value == "" {
			return r.act(r.T("Announcement dismissed."), func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.DismissAnnouncement(ctx, a) })
		}
		return r.act(r.T("Announced on every screen until A dismisses it."), func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.Announce(ctx, a, value) })
	case promptFilter:
		r.roster.query = session.CleanLine(value)
	case promptSplit:
		if value == "" {
			return nil
		}
		plan, err := parseTeamPlan(value)
		if err != nil {
			return r.fail(r.conSay("facilitator prompt", err))
		}
		split := r.act("", func(ctx context.Context, h *session.Hub, a session.Actor) error {
			_, err := h.SplitTeams(ctx, a, plan)
			return err
		})
		if n := len(r.snap.Teams); n > 0 {
			r.confirm = r.T("Replace the %d teams there now? Their boards stay stored. y to split again, any other key to keep them.", n)
			r.confirmCmd = split
			return nil
		}
		return split
	case promptRename:
		return r.act("", func(ctx context.Context, h *session.Hub, a session.Actor) error {
			return h.RenameTeam(ctx, a, target, value)
		})
	case promptMessage, promptNote:
		return r.submitRoom(kind, target, value)
	case promptRenamePerson:
		return r.renamePerson(target, value)
	case promptMove:
		if value == "" {
			return nil
		}
		teamID := int64(0)
		if value != "0" && !strings.EqualFold(value, "none") {
			t, err := r.snap.TeamByName(value)
			if err != nil {
				return r.fail(r.conSay("facilitator prompt", err))
			}
			teamID = t.ID
		}
		return r.act("", func(ctx context.Context, h *session.Hub, a session.Actor) error {
			return h.MoveToTeam(ctx, a, target, teamID)
		})
	}
	return nil
}

// timerValue reads the timer prompt: empty means the step's time box.
func (r *cohortRoom) timerValue(value string) (d time.Duration, err error) {
	if value == "" {
		tb := r.step().TimeBox
		if tb == 0 {
			return 0, session.Errorf(session.EInvalid, "this step has no time box: type a duration such as 5m, 90s or 4:30")
		}
		return time.Duration(tb) * time.Minute, nil
	}
	return session.ParseTimerDuration(value)
}

// parseTeamPlan reads how to split as a facilitator types it: "5" (five teams), "size 4"
// (teams of four), and "hand" anywhere for empty teams to fill by hand.
func parseTeamPlan(s string) (session.TeamPlan, error) {
	var plan session.TeamPlan
	fields := strings.Fields(strings.ToLower(s))
	bad := session.Errorf(session.EInvalid, "%q: type a number of teams (5), or size and a number (size 4); add hand to fill them yourself", s)
	size := false
	for _, f := range fields {
		switch f {
		case "hand", "by-hand", "by", "manual":
			plan.ByHand = true
		case "size", "of", "teams-of":
			size = true
		case "teams", "team", "random", "x":
		default:
			n, err := strconv.Atoi(f)
			if err != nil || n < 1 {
				return plan, bad
			}
			if size {
				plan.Size = n
			} else {
				plan.Count = n
			}
		}
	}
	if plan.Count == 0 && plan.Size == 0 {
		return plan, bad
	}
	return plan, nil
}

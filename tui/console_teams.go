package tui

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"workshop/content"
	"workshop/session"
)

// teamRow is one line of the teams view: a team's heading (pid 0) or one of its people.
type teamRow struct {
	team int64 // 0 for "no team"
	pid  int64
}

// teamRows lists every team with its people, then the people in no team.
func (r *cohortRoom) teamRows() []teamRow {
	s := r.snap
	var rows []teamRow
	add := func(team int64) {
		rows = append(rows, teamRow{team: team})
		for _, m := range s.Roster {
			if m.TeamID == team {
				rows = append(rows, teamRow{team: team, pid: m.ID})
			}
		}
	}
	for _, t := range s.Teams {
		add(t.ID)
	}
	if len(s.Teams) > 0 {
		add(0)
	}
	return rows
}

func (r *cohortRoom) teamsKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := r.ck
	rows := r.teamRows()
	r.teamsSel = min(r.teamsSel, max(len(rows)-1, 0))
	var row teamRow
	if len(rows) > 0 {
		row = rows[r.teamsSel]
	}
	switch {
	case key.Matches(msg, k.Up):
		r.teamsSel = max(r.teamsSel-1, 0)
	case key.Matches(msg, k.Down):
		r.teamsSel = min(r.teamsSel+1, max(len(rows)-1, 0))
	case key.Matches(msg, k.Split):
		return r.ask(promptSplit, 0, ""), true
	case key.Matches(msg, k.Rename):
		if row.team == 0 {
			return r.fail(r.T("Choose a team (or someone in one) to rename it.")), true
		}
		return r.ask(promptRename, row.team, r.teamName(row.team)), true
	case key.Matches(msg, k.MoveTo):
		if row.pid == 0 && row.team != 0 {
			return r.ask(promptRename, row.team, r.teamName(row.team)), true
		}
		if row.pid == 0 {
			return nil, true
		}
		return r.ask(promptMove, row.pid, ""), true
	case key.Matches(msg, k.TeamPrev, k.TeamNext):
		if row.pid == 0 {
			return r.fail(r.T("Choose a person to move them to another team.")), true
		}
		delta := 1
		if key.Matches(msg, k.TeamPrev) {
			delta = -1
		}
		return r.shiftTeam(row, delta), true
	default:
		return nil, false
	}
	return nil, true
}

// shiftTeam moves a person to the next or previous team in the list, through "no team".
func (r *cohortRoom) shiftTeam(row teamRow, delta int) tea.Cmd {
	s := r.snap
	ids := []int64{0}
	for _, t := range s.Teams {
		ids = append(ids, t.ID)
	}
	at := 0
	for i, id := range ids {
		if id == row.team {
			at = i
		}
	}
	to := ids[(at+delta+len(ids))%len(ids)]
	pid := row.pid
	// Keep the cursor on the person in their new place.
	for i, rr := range r.teamRowsAfterMove(pid, to) {
		if rr.pid == pid {
			r.teamsSel = i
		}
	}
	return r.act("", func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.MoveToTeam(ctx, a, pid, to) })
}

// teamRowsAfterMove is teamRows as it will be once pid is in team to.
func (r *cohortRoom) teamRowsAfterMove(pid, to int64) []teamRow {
	rows := r.teamRows()
	var out []teamRow
	for _, rr := range rows {
		if rr.pid == pid {
			continue
		}
		out = append(out, rr)
		if rr.pid == 0 && rr.team == to {
			out = append(out, teamRow{team: to, pid: pid})
		}
	}
	return out
}

// teamsView shows the teams and their people, and who is in none.
func (r *cohortRoom) teamsView(height int) string {
	st, s := r.st, r.snap
	var b strings.Builder
	step := r.step()
	roomy := height >= 8
	if roomy && step.Exercise != nil && step.Exercise.Team && !step.Exercise.Anonymous {
		b.WriteString(st.Accent.Render(truncate(r.T("This step is team work: each team shares one board."), r.width)) + "\n")
	}
	if len(s.Teams) == 0 {
		b.WriteString(wrap(r.T("No teams yet. Press s and type how to split the people online now:"), r.width) + "\n")
		// What is typed stays English (the prompt reads those words); what it does is explained.
		ways := []string{"  5          " + r.T("five teams, at random"), "  size 4     " + r.T("teams of four, at random"), "  5 hand     " + r.T("five empty teams you fill yourself")}
		for _, l := range ways {
			b.WriteString(st.Muted.Render(truncate(l, r.width)) + "\n")
		}
		return b.String()
	}
	rows := r.teamRows()
	r.teamsSel = min(r.teamsSel, max(len(rows)-1, 0))
	hint := st.Muted.Render(truncate(r.T("enter moves a person (or renames a team) · < > to the previous/next team · e renames · s splits again"), r.width))
	if !roomy {
		hint = ""
	}
	listH := max(height-lineCount(b.String())-lineCount(hint), 1)
	top := max(0, r.teamsSel-listH+1)
	count := func(team int64) int {
		n := 0
		for _, m := range s.Roster {
			if m.TeamID == team {
				n++
			}
		}
		return n
	}
	for j := top; j < len(rows) && j < top+listH; j++ {
		row := rows[j]
		var line string
		if row.pid == 0 {
			name := r.teamName(row.team)
			if row.team == 0 {
				name = r.T("No team")
			}
			line = st.Subtitle.Render(name) + st.Muted.Render(fmt.Sprintf(" · %d", count(row.team)))
		} else {
			m, _ := s.Member(row.pid)
			dot := st.Good.Render("●")
			if !m.Online {
				dot = st.Muted.Render("○")
			}
			line = "  " + dot + " " + m.Label()
			if m.Hand != nil {
				line += st.Warn.Render(" ✋")
			}
		}
		if j == r.teamsSel {
			b.WriteString(st.Selected.Render("›") + " " + truncate(line, r.width-2) + "\n")
		} else {
			b.WriteString("  " + truncate(line, r.width-2) + "\n")
		}
	}
	b.WriteString(hint)
	return b.String()
}

func lineCount(s string) int {
	if s == "" {
		return 0
	}
	return strings.Count(strings.TrimSuffix(s, "\n"), "\n") + 1
}

func (r *cohortRoom) stepsKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := r.ck
	n := len(r.module().Steps)
	switch {
	case key.Matches(msg, k.Up):
		r.stepsSel = max(r.stepsSel-1, 0)
	case key.Matches(msg, k.Down):
		r.stepsSel = min(r.stepsSel+1, n-1)
	case key.Matches(msg, k.JumpHere):
		to := r.stepsSel
		return r.act("", func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.Move(ctx, a, to) }), true
	case key.Matches(msg, k.LockHere):
		id := r.module().Steps[r.stepsSel].ID
		if r.snap.Cohort.Live.IsLocked(id) {
			return r.act("", func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.Unlock(ctx, a, id) }), true
		}
		return r.act("", func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.Lock(ctx, a, id) }), true
	default:
		return nil, false
	}
	return nil, true
}

// stepsView is the module's outline, with where the cohort is, locks and time boxes, and the
// facilitator notes of the selected step, which participants never see.
func (r *cohortRoom) stepsView(height int) string {
	st, s := r.st, r.snap
	mod := r.module()
	r.stepsSel = min(max(r.stepsSel, 0), len(mod.Steps)-1)
	shown := r.shown()
	notes := strings.TrimSpace(shown.Steps[r.stepsSel].Notes)
	noteLines := 1
	if notes != "" {
		noteLines = lineCount(wrap(notes, r.width))
	}
	listH := max(min(len(mod.Steps), height-2-min(noteLines, height/2)), 1)
	top := max(0, r.stepsSel-listH+1)
	var b strings.Builder
	for j := top; j < len(mod.Steps) && j < top+listH; j++ {
		step := mod.Steps[j]
		here := "  "
		if j == s.Cohort.Step {
			here = st.Accent.Render("▶ ")
		}
		var meta []string
		if step.Exercise != nil {
			meta = append(meta, r.kindName(step.Exercise.Kind))
		}
		if step.TimeBox > 0 {
			meta = append(meta, r.T("%d min", step.TimeBox))
		}
		if s.Cohort.Live.IsLocked(step.ID) {
			meta = append(meta, r.T("Locked"))
		}
		if s.Cohort.Pace == session.PaceSelf {
			n := 0
			for _, m := range s.Roster {
				if s.StepOf(m.Participant) == j {
					n++
				}
			}
			if n > 0 {
				meta = append(meta, r.T("%d here", n))
			}
		}
		left := fmt.Sprintf("%s%d. %s", here, j+1, shown.Steps[j].Title)
		line := conSpread(left, st.Muted.Render(strings.Join(meta, " · ")), r.width-2)
		if j == r.stepsSel {
			b.WriteString(st.Selected.Render("›") + " " + line + "\n")
		} else {
			b.WriteString("  " + line + "\n")
		}
	}
	b.WriteString(rule(st, r.width) + "\n")
	title := r.T("Notes for step %d (only facilitators see them)", r.stepsSel+1)
	b.WriteString(st.Subtitle.Render(truncate(title, r.width)) + "\n")
	if notes == "" {
		b.WriteString(st.Muted.Render(r.T("No notes for this step.")))
	} else {
		b.WriteString(wrap(notes, r.width))
	}
	return b.String()
}

// kindName names an exercise kind in the step list, in the facilitator's language.
func (c *Common) kindName(k content.Kind) string {
	switch k {
	case content.KindReflection:
		return c.T("kind|reflection")
	case content.KindList:
		return c.T("kind|list")
	case content.KindVote:
		return c.T("kind|vote")
	case content.KindMatrix:
		return c.T("kind|matrix")
	case content.KindJourney:
		return c.T("kind|journey")
	case content.KindTable:
		return c.T("kind|table")
	case content.KindScale:
		return c.T("kind|scale")
	case content.KindChecklist:
		return c.T("kind|checklist")
	case content.KindQuiz:
		return c.T("kind|quiz")
	}
	return string(k)
}

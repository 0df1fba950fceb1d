package tui

import (
	"context"
	"strings"
	"time"

	"workshop/content"
	"workshop/i18n"
	"workshop/session"
	"workshop/session/work"
	"workshop/tui/exercise"
)

// flushTimeout bounds how long a closing session may take to store what it still holds.
const flushTimeout = 5 * time.Second

// flush stores, before the session goes away, the work this screen still holds: changes a
// fault kept back, queued changes not yet started and typing the editor has not saved yet (a
// draft waits for a pause in typing). It runs after the program has ended, so it works
// directly, not through commands. It returns what could not be stored, in words for the
// participant, who reads them in their terminal once the session's screen is gone.
func (v *participantView) flush() []string {
	pending := append(v.later, v.writes...)
	v.writes, v.later = nil, nil
	if v.ex != nil {
		if cmd := v.ex.Leave(); cmd != nil {
			switch msg := cmd().(type) {
			case exercise.Writes:
				pending = append(pending, msg...)
			case nil:
			default:
				pending = append(pending, msg)
			}
		}
	}
	if len(pending) == 0 {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(v.deps.Ctx), flushTimeout)
	defer cancel()
	var lost []string
	lostBoard := map[string]bool{}
	code := ""
	if v.snap != nil {
		code = v.snap.Cohort.Code
	}
	for _, msg := range pending {
		if _, ok := msg.(moveMsg); ok {
			continue // a step to move to no longer matters once the session is gone
		}
		var err error
		switch r := write(ctx, v.hub, v.me.ID, msg, v.deps.logger(), code).(type) {
		case exercise.WorkSaved:
			if err = r.Err; err != nil {
				lost = append(lost, v.lostWork(msg.(exercise.SaveWork), err)...)
			}
		case exercise.BoardSaved:
			stepID := msg.(exercise.BoardOp).StepID
			if err = r.Err; err != nil && !lostBoard[stepID] {
				lostBoard[stepID] = true
				why := v.deps.refusal("board change not stored", err)
				if i, title, ok := v.stepName(stepID); ok {
					lost = append(lost, v.T("Your last change to the shared board of step %d (%s) was not stored: %s", i, title, why))
				} else {
					lost = append(lost, v.T("Your last change to a shared board was not stored: %s", why))
				}
			}
		}
		if err != nil {
			v.deps.logger().Warn("work not stored as the session ended", "participant", v.me.ID, "err", err)
		}
	}
	return lost
}

// lostWork says which work could not be stored and, for written text, gives it back whole so
// the participant can copy it.
func (v *participantView) lostWork(m exercise.SaveWork, err error) []string {
	why := v.deps.refusal("work not stored", err)
	lines := []string{v.T("Your last work on a step was not stored: %s", why)}
	if n, title, ok := v.stepName(m.StepID); ok {
		lines[0] = v.T("Your last work on step %d (%s) was not stored: %s", n, title, why)
	}
	i := v.module().StepIndex(m.StepID)
	if i < 0 || v.module().Steps[i].Exercise == nil || v.module().Steps[i].Exercise.Kind != content.KindReflection {
		return lines
	}
	val, derr := work.Decode(v.module().Steps[i].Exercise, m.Schema, m.Data)
	if r, ok := val.(*work.Reflection); derr == nil && ok && strings.TrimSpace(r.Text) != "" {
		lines = append(lines, v.T("What you wrote (copy it to keep it):"), "", session.CleanText(r.Text), "")
	}
	return lines
}

// stepName names a step as the participant sees it: its number and title (false for a step
// the module no longer has).
func (v *participantView) stepName(stepID string) (int, i18n.Msg, bool) {
	i := v.module().StepIndex(stepID)
	if i < 0 {
		return 0, i18n.Msg{}, false
	}
	return i + 1, i18n.Verbatim(v.module().Steps[i].Title), true
}

// Flush stores what the current screen still holds; the front door calls it once the
// session's program has ended. It returns lines for the person about anything that could not
// be stored, or nothing.
func (a App) Flush() []string {
	if f, ok := a.screen.(interface{ flush() []string }); ok {
		return f.flush()
	}
	return nil
}

package tui

import (
	"context"
	"time"
)

// flushTimeout bounds how long a closing session may take to store what it still holds.
const flushTimeout = 5 * time.Second

// flush stores, before the session goes away, the work this screen still holds: queued
// changes not yet started and typing the editor has not saved yet (a draft waits for a pause
// in typing). It runs after the program has ended, so it works directly, not through commands.
func (v *participantView) flush() {
	pending := v.writes
	v.writes = nil
	if v.ex != nil {
		if cmd := v.ex.Leave(); cmd != nil {
			pending = append(pending, cmd())
		}
	}
	if len(pending) == 0 {
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(v.deps.Ctx), flushTimeout)
	defer cancel()
	for _, msg := range pending {
		var err error
		switch m := msg.(type) {
		case saveWorkMsg:
			save := v.hub.SaveWork
			if m.counted {
				save = v.hub.SaveCountedWork
			}
			_, err = save(ctx, v.me.ID, m.stepID, m.schema, m.data, m.submit)
		case boardOpMsg:
			_, err = v.hub.UpdateBoard(ctx, v.me.ID, m.stepID, m.op)
		}
		if err != nil {
			v.deps.Log.Warn("work not stored as the session ended", "participant", v.me.ID, "err", err)
		}
	}
}

// Flush stores what the current screen still holds; the front door calls it once the
// session's program has ended.
func (a App) Flush() {
	if f, ok := a.screen.(interface{ flush() }); ok {
		f.flush()
	}
}

package tui

import (
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"

	tea "charm.land/bubbletea/v2"
)

// restartMsg tells a session the server is stopping: its program quits the normal way, which
// leaves the alternate screen and shows the cursor again, and the door then tells the person
// how to come back.
type restartMsg struct{}

// guard wraps a session's root model so that a bug in a screen ends that session alone, with
// a log line and a plain message, instead of the whole server. Bubble Tea also catches
// panics, but it prints them to the server's stderr and ends the session without a word to the
// person; the guard catches them first in Init, Update, View and the commands they return
// (including those inside a tea.Batch), and remembers the last model that finished an update
// so that its unsaved work can still be stored.
type guard struct {
	inner tea.Model
	end   *sessionEnd
}

// sessionEnd is how a session's program ended, shared by the guard and the door.
type sessionEnd struct {
	log    *slog.Logger
	remote string
	quit   func() // asks the program to quit, from any goroutine

	mu         sync.Mutex
	last       tea.Model // the last model that finished an update
	panicked   bool
	restarting bool
}

// fail records a panic once, with its stack, and asks the program to quit.
func (e *sessionEnd) fail(r any) {
	e.mu.Lock()
	first := !e.panicked
	e.panicked = true
	e.mu.Unlock()
	if first {
		e.log.Error("session ended by a bug", "remote", e.remote, "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
	}
	if e.quit != nil {
		e.quit()
	}
}

func (e *sessionEnd) setLast(m tea.Model) {
	e.mu.Lock()
	e.last = m
	e.mu.Unlock()
}

// state returns the last good model and whether the session ended by a panic or a restart.
func (e *sessionEnd) state() (last tea.Model, panicked, restarting bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.last, e.panicked, e.restarting
}

func newGuard(m tea.Model, end *sessionEnd) guard {
	end.setLast(m)
	return guard{inner: m, end: end}
}

func (g guard) Init() (cmd tea.Cmd) {
	defer func() {
		if r := recover(); r != nil {
			g.end.fail(r)
			cmd = tea.Quit
		}
	}()
	return g.wrap(g.inner.Init())
}

func (g guard) Update(msg tea.Msg) (m tea.Model, cmd tea.Cmd) {
	if _, ok := msg.(restartMsg); ok {
		g.end.mu.Lock()
		g.end.restarting = true
		g.end.mu.Unlock()
		return g, tea.Quit
	}
	defer func() {
		if r := recover(); r != nil {
			g.end.fail(r)
			m, cmd = g, tea.Quit
		}
	}()
	inner, cmd := g.inner.Update(msg)
	g.inner = inner
	g.end.setLast(inner)
	return g, g.wrap(cmd)
}

func (g guard) View() (v tea.View) {
	defer func() {
		if r := recover(); r != nil {
			g.end.fail(r)
			v = tea.NewView("")
			v.AltScreen = true
		}
	}()
	return g.inner.View()
}

// wrap makes a command end its session, not the process, when it panics.
func (g guard) wrap(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				g.end.fail(r)
				msg = nil
			}
		}()
		msg = cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			for i, c := range batch {
				batch[i] = g.wrap(c)
			}
		}
		return msg
	}
}

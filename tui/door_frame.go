package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"workshop/tui/frame"
)

// framed hands each view of a session's model to the session's frame writer instead of Bubble
// Tea's renderer. Bubble Tea's renderer keeps two cell buffers of the window's size per
// session and compares whole frames sixty times a second even while nothing changes; the frame
// writer draws a view only when the model produced a new one, rewrites only the rows that
// changed, and never holds up the program for a client that stopped reading.
type framed struct {
	inner tea.Model
	fw    *frame.Writer
	// prog is the program running this model, known once the program is made.
	prog *programRef
}

// programRef lets a model reach the program that runs it, which is made after the model.
type programRef struct{ p *tea.Program }

// Init starts the inner model and stops Bubble Tea's frame ticker. Without a renderer the
// ticker only flushes what the program writes itself, which here is nothing (raw output goes
// through Update, below), yet it wakes every session once a second, idle or not; releasing
// the terminal is the one public way to stop it, and the program runs on without it.
func (f framed) Init() tea.Cmd {
	ref := f.prog
	stopTicker := func() tea.Msg {
		if ref != nil && ref.p != nil {
			_ = ref.p.ReleaseTerminal() // no terminal state to restore: the pty is the client's
		}
		return nil
	}
	return tea.Batch(f.inner.Init(), stopTicker)
}

func (f framed) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		f.fw.Resize(msg.Width, msg.Height) // sizes are clamped before they reach any model
	case tea.RawMsg:
		f.fw.Raw(fmt.Sprint(msg.Msg)) // a bell: Bubble Tea's own output is discarded
	}
	inner, cmd := f.inner.Update(msg)
	f.inner = inner
	return f, cmd
}

// View draws the inner model's view and gives Bubble Tea nothing to render: it runs without
// a renderer.
func (f framed) View() tea.View {
	f.fw.Frame(f.inner.View().Content)
	return tea.View{}
}

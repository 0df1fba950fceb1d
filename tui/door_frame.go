package tui

import (
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
}

func (f framed) Init() tea.Cmd { return f.inner.Init() }

func (f framed) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if ws, ok := msg.(tea.WindowSizeMsg); ok {
		f.fw.Resize(ws.Width, ws.Height) // sizes are clamped before they reach any model
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

// rawOutput is what Bubble Tea itself still writes (a bell, a clipboard request): it goes
// through the frame writer, so it never interleaves with a frame.
type rawOutput struct{ fw *frame.Writer }

func (r rawOutput) Write(p []byte) (int, error) {
	r.fw.Raw(string(p))
	return len(p), nil
}

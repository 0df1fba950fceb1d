package tui

import tea "charm.land/bubbletea/v2"

// The largest window a session is drawn for. The renderer allocates two buffers of
// columns×rows cells (about 230 bytes each) for whatever size it is given, and a client may
// claim any size up to 2³²-1 in either direction: clamped, one session's buffers stay under
// about 50 MB even for a client that lies, while 500×200 is still larger than any screen a
// person reads a workshop on. A bigger terminal simply gets a 500×200 frame in its corner.
const (
	MaxWidth  = 500
	MaxHeight = 200
)

// clampSize bounds a size a client sent. Zero and tiny sizes pass unchanged: the app shows
// its "Please enlarge your terminal" screen for them.
func clampSize(width, height int) (int, int) {
	return min(max(width, 0), MaxWidth), min(max(height, 0), MaxHeight)
}

// clampWindowMsgs is the program's last guard on sizes: every window size message, wherever
// it came from (pty-req, window-change, an in-band resize report typed into the input), is
// clamped before the renderer sees it. The renderer reacts to the message before the model
// does, so this has to be a program filter, not model code.
func clampWindowMsgs(_ tea.Model, msg tea.Msg) tea.Msg {
	switch m := msg.(type) {
	case tea.WindowSizeMsg:
		m.Width, m.Height = clampSize(m.Width, m.Height)
		return m
	case tea.SuspendMsg:
		// There is no shell to suspend to on a server (wish's middleware does the same).
		return tea.ResumeMsg{}
	}
	return msg
}

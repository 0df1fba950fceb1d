package tui

import (
	"context"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"github.com/charmbracelet/colorprofile"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
)

// newProgram builds the Bubble Tea program of one interactive session. It is the one place a
// program is made, so that what the program is given — size, input, output, environment — is
// decided here only (a change of renderer touches this function alone). It replaces wish's
// bubbletea.MakeOptions, which passes the client's size and input through unbounded.
//
// The program gets no input of its own: startInput decodes the session's input and delivers
// it, so that it is paced and bounded and its goroutines end with the session. Without input
// Bubble Tea skips its terminal queries, so the door sends them (background colour, and the
// synchronized output and Unicode modes Bubble Tea would ask about) as raw output; the
// answers come back through startInput like any other input.
func newProgram(ctx context.Context, s ssh.Session, pty ssh.Pty, model tea.Model) *tea.Program {
	env := append(s.Environ(), "TERM="+pty.Term)
	w, h := clampSize(pty.Window.Width, pty.Window.Height)
	return tea.NewProgram(model,
		tea.WithInput(nil),
		tea.WithOutput(s),
		tea.WithEnvironment(env),
		// The server emulates the pty: there is no terminal to detect colours from, only the
		// client's TERM and COLORTERM.
		tea.WithColorProfile(colorprofile.Env(env)),
		tea.WithWindowSize(w, h),
		tea.WithFilter(clampWindowMsgs),
		tea.WithContext(ctx),
		tea.WithoutSignalHandler(),
	)
}

// terminalQueries asks the terminal what Bubble Tea would ask it if it read the input itself:
// its background colour (the app picks light or dark styles by it) and, where Bubble Tea would
// ask (the same test as its own), whether it supports synchronized output and Unicode widths.
func terminalQueries(env []string) tea.RawMsg {
	q := ansi.RequestBackgroundColor
	e := uv.Environ(env)
	termType := e.Getenv("TERM")
	termProg, hasProg := e.LookupEnv("TERM_PROGRAM")
	_, hasSSHTTY := e.LookupEnv("SSH_TTY")
	_, hasWT := e.LookupEnv("WT_SESSION")
	if (!hasProg && !hasSSHTTY) || hasWT || (hasProg && !strings.Contains(termProg, "Apple") && !hasSSHTTY) ||
		strings.Contains(termType, "ghostty") || strings.Contains(termType, "wezterm") ||
		strings.Contains(termType, "alacritty") || strings.Contains(termType, "kitty") || strings.Contains(termType, "rio") {
		q += ansi.RequestModeSynchronizedOutput + ansi.RequestModeUnicodeCore
	}
	return tea.RawMsg{Msg: q}
}

package tui

import (
	"context"
	"io"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"github.com/charmbracelet/colorprofile"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"

	"workshop/tui/frame"
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
//
// Frames reach the terminal through a frame.Writer (see framed), not Bubble Tea's renderer;
// the writer also sends the queries. Bubble Tea's frame ticker is stopped once the program
// runs (see framed.Init).
func newProgram(ctx context.Context, s ssh.Session, out io.Writer, pty ssh.Pty, model tea.Model, rows *frame.Rows) (*tea.Program, *frame.Writer) {
	env := append(s.Environ(), "TERM="+pty.Term)
	w, h := clampSize(pty.Window.Width, pty.Window.Height)
	// The server emulates the pty: there is no terminal to detect colours from, only the
	// client's TERM and COLORTERM.
	profile := colorprofile.Env(env)
	fw := frame.New(out, w, h, frame.Options{Profile: profile, Title: "workshop", Start: terminalQueries(env), RowsFit: true, Rows: rows})
	ref := &programRef{}
	p := tea.NewProgram(framed{inner: model, fw: fw, prog: ref},
		tea.WithInput(nil),
		tea.WithOutput(io.Discard), // everything reaches the terminal through fw
		tea.WithoutRenderer(),
		tea.WithFPS(1),
		tea.WithEnvironment(env),
		tea.WithColorProfile(profile),
		tea.WithWindowSize(w, h),
		tea.WithFilter(clampWindowMsgs),
		tea.WithContext(ctx),
		tea.WithoutSignalHandler(),
	)
	ref.p = p
	return p, fw
}

// terminalQueries asks the terminal what Bubble Tea would ask it if it read the input itself:
// its background colour (the app picks light or dark styles by it) and, where Bubble Tea would
// ask (the same test as its own), whether it supports synchronized output and Unicode widths.
func terminalQueries(env []string) string {
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
	return q
}

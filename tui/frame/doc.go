// Package frame owns writing full-screen frames to one terminal, changed lines only. It must not
// import Bubble Tea, session, session/sqlite or cmd/workshop.
//
// It draws full-screen frames on one terminal by rewriting only the lines that
// changed since the last frame the terminal received.
//
// It replaces Bubble Tea's cell renderer for the SSH sessions of a server where hundreds of
// screens share two cores: a frame costs the lines that changed (a countdown rewrites one line),
// no ticker runs while nothing changes, memory is the last frame's text instead of two cell
// buffers of the window's size, and a client that stops reading never blocks the program that
// produced the frame: frames wait in a one-slot mailbox, and the newest replaces an older one
// not yet written.
//
// It imports no Bubble Tea: it takes frames as text with SGR styling, one line per row.
package frame

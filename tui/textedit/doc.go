// Package textedit owns a light multi-line plain-text editor for Bubble Tea screens. It must not
// import session, session/sqlite, cmd/workshop or the rest of tui.
//
// It is a light multi-line plain-text editor for Bubble Tea screens: text
// soft-wrapped to the width in terminal cells, a prompt on every row, a cursor drawn into the
// text, a limit in characters, and a view that is kept until something it shows changes.
//
// It is made to be cheap when many screens hold one: it keeps the text as a string with the
// cursor as a byte offset, its wrapped rows, and its last view, so it allocates in proportion to
// the text it holds, redraws only after a change, and rewraps only the lines an edit touches.
// It never blinks and never asks for a terminal cursor.
package textedit

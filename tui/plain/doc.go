// Package plain runs a participant's session line by line, for screen readers and simple
// terminals: no alternate screen, no cursor addressing, nothing redrawn. What the server says
// arrives as short lines in order, each event of the live session (a move, an announcement,
// the last minute of the timer, a spotlight, an answered hand, a revealed vote) as one line,
// and the participant answers by typing lines: commands, or text for the step's exercise.
//
// The package reads the session's input itself (see term.go) and writes plain text with
// CRLF line ends; the only control characters it sends are carriage return, line feed,
// backspace (to rub out a typed character) and the bell. It uses session for every decision
// and every change (the same hub calls, work layouts and refusals as the full-screen editors,
// so a person can switch modes and find their work) and never imports Bubble Tea, Lip Gloss
// or the full-screen tui package.
//
// Everything a participant reads comes from the message catalogs (i18n/locales/*/plain.yaml)
// in the participant's language (language.go); the sentences are made in the text*.go files.
// Commands are typed in English or in the reader's language (words.go).
package plain

package ui

import (
	"log/slog"
	"strings"
	"unicode"

	"charm.land/lipgloss/v2"

	"workshop/session"
)

// StyledText is a piece of text with the style it is drawn in.
type StyledText struct {
	Style lipgloss.Style
	Text  string
}

// Spread places left and right on one line of width cells.
func Spread(left, right string, width int) string {
	gap := width - CellWidth(left) - CellWidth(right)
	if gap < 1 {
		return Truncate(left, width)
	}
	return left + strings.Repeat(" ", gap) + right
}

// Sentence makes a message start with a capital letter and end with a full stop.
func Sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0]) // "é" as well as "a": messages come in four languages
	s = string(r)
	if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "?") && !strings.HasSuffix(s, "!") {
		s += "."
	}
	return s
}

// LogFault logs err unless it is a refusal, which is an answer rather than a fault.
func LogFault(log *slog.Logger, doing string, err error, attrs ...any) {
	if err == nil || session.IsRefusal(err) {
		return
	}
	log.Error(doing, append(attrs, "err", err)...)
}

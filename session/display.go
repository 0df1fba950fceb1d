package session

import (
	"context"
	"fmt"
)

// DisplayPlain is the stored display mode of a participant who chose plain mode: one line at a
// time, with no cursor movement and no redraws, for screen readers and simple terminals.
const DisplayPlain = "plain"

// PlainTerminal says whether a client's terminal type asks for plain mode by itself: a dumb
// terminal cannot move a cursor or show an alternate screen.
func PlainTerminal(term string) bool { return term == "dumb" }

// WantsPlain says whether a participant chose plain mode.
func (m *Manager) WantsPlain(ctx context.Context, participantID int64) (bool, error) {
	mode, err := m.store.DisplayMode(ctx, participantID)
	if err != nil {
		return false, fmt.Errorf("read display mode: %w", err)
	}
	return mode == DisplayPlain, nil
}

// SetPlain records whether a participant wants plain mode, so they find it again when they
// come back, from any terminal.
func (m *Manager) SetPlain(ctx context.Context, participantID int64, plain bool) error {
	mode := ""
	if plain {
		mode = DisplayPlain
	}
	if err := m.store.SetDisplayMode(ctx, participantID, mode); err != nil {
		return fmt.Errorf("store display mode: %w", err)
	}
	return nil
}

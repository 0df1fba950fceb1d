package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// DisplayMode returns the screen mode a participant chose ("plain" or ""); "" when they never
// chose one.
func (s *Store) DisplayMode(ctx context.Context, participantID int64) (string, error) {
	var mode string
	err := s.r.QueryRowContext(ctx, `SELECT mode FROM participant_display WHERE participant_id = ?`, participantID).Scan(&mode)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("display mode of participant %d: %w", participantID, err)
	}
	return mode, nil
}

// SetDisplayMode records the screen mode a participant chose.
func (s *Store) SetDisplayMode(ctx context.Context, participantID int64, mode string) error {
	err := s.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx,
			`INSERT INTO participant_display (participant_id, mode) VALUES (?, ?)
			 ON CONFLICT (participant_id) DO UPDATE SET mode = excluded.mode`, participantID, mode)
		return err
	})
	if k := constraint(err); k != nil {
		return fmt.Errorf("set display mode of participant %d: %w", participantID, k)
	}
	if err != nil {
		return fmt.Errorf("set display mode of participant %d: %w", participantID, err)
	}
	return nil
}

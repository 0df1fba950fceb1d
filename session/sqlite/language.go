package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// ParticipantLanguage returns the interface language a participant chose; "" when they never
// chose one.
func (s *Store) ParticipantLanguage(ctx context.Context, participantID int64) (string, error) {
	var lang string
	err := s.r.QueryRowContext(ctx, `SELECT lang FROM participant_language WHERE participant_id = ?`, participantID).Scan(&lang)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("language of participant %d: %w", participantID, err)
	}
	return lang, nil
}

// SetParticipantLanguage records the interface language a participant chose.
func (s *Store) SetParticipantLanguage(ctx context.Context, participantID int64, lang string) error {
	err := s.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx,
			`INSERT INTO participant_language (participant_id, lang) VALUES (?, ?)
			 ON CONFLICT (participant_id) DO UPDATE SET lang = excluded.lang`, participantID, lang)
		return err
	})
	if k := constraint(err); k != nil {
		return fmt.Errorf("set language of participant %d: %w", participantID, k)
	}
	if err != nil {
		return fmt.Errorf("set language of participant %d: %w", participantID, err)
	}
	return nil
}

// FacilitatorLanguage returns the interface language a facilitator chose; "" when they never
// chose one.
func (s *Store) FacilitatorLanguage(ctx context.Context, name string) (string, error) {
	var lang string
	err := s.r.QueryRowContext(ctx, `SELECT lang FROM facilitator_language WHERE name = ?`, name).Scan(&lang)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("language of facilitator %s: %w", name, err)
	}
	return lang, nil
}

// SetFacilitatorLanguage records the interface language a facilitator chose.
func (s *Store) SetFacilitatorLanguage(ctx context.Context, name, lang string) error {
	err := s.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx,
			`INSERT INTO facilitator_language (name, lang) VALUES (?, ?)
			 ON CONFLICT (name) DO UPDATE SET lang = excluded.lang`, name, lang)
		return err
	})
	if k := constraint(err); k != nil {
		return fmt.Errorf("set language of facilitator %s: %w", name, k)
	}
	if err != nil {
		return fmt.Errorf("set language of facilitator %s: %w", name, err)
	}
	return nil
}

package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"workshop/session"
)

// AddMessage stores a direct message and its timeline event in one transaction, and returns
// the message with its ID set.
func (s *Store) AddMessage(ctx context.Context, m session.DirectMessage, ev session.Event) (session.DirectMessage, error) {
	m.At = orNow(m.At).UTC()
	ev.CohortID = m.CohortID
	ev.At = m.At
	err := s.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx,
			`INSERT INTO messages (cohort_id, participant_id, sender, text, at) VALUES (?, ?, ?, ?, ?)`,
			m.CohortID, m.ParticipantID, m.By, m.Text, formatTime(m.At))
		if err != nil {
			return err
		}
		if m.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		return insertEvent(ctx, tx, ev)
	})
	if err != nil {
		if k := constraint(err); k != nil {
			err = k
		}
		return session.DirectMessage{}, fmt.Errorf("message participant %d: %w", m.ParticipantID, err)
	}
	return m, nil
}

// DismissMessage records that a message was dismissed at t; dismissing it again changes
// nothing.
func (s *Store) DismissMessage(ctx context.Context, id int64, t time.Time) error {
	err := s.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE messages SET dismissed_at = ? WHERE id = ? AND dismissed_at IS NULL`,
			formatTime(orNow(t)), id)
		return err
	})
	if err != nil {
		return fmt.Errorf("dismiss message %d: %w", id, err)
	}
	return nil
}

// Messages lists a cohort's direct messages, oldest first.
func (s *Store) Messages(ctx context.Context, cohortID int64) ([]session.DirectMessage, error) {
	rows, err := s.r.QueryContext(ctx,
		`SELECT id, participant_id, sender, text, at, dismissed_at FROM messages WHERE cohort_id = ? ORDER BY id`, cohortID)
	if err != nil {
		return nil, fmt.Errorf("messages of cohort %d: %w", cohortID, err)
	}
	defer func() { _ = rows.Close() }() // rows.Err reports what went wrong while reading
	var out []session.DirectMessage
	for rows.Next() {
		m := session.DirectMessage{CohortID: cohortID}
		var at string
		var dismissed sql.NullString
		if err := rows.Scan(&m.ID, &m.ParticipantID, &m.By, &m.Text, &at, &dismissed); err != nil {
			return nil, fmt.Errorf("messages of cohort %d: %w", cohortID, err)
		}
		if m.At, err = parseTime(at); err != nil {
			return nil, fmt.Errorf("messages of cohort %d: %w", cohortID, err)
		}
		if dismissed.Valid {
			if m.DismissedAt, err = parseTime(dismissed.String); err != nil {
				return nil, fmt.Errorf("messages of cohort %d: %w", cohortID, err)
			}
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("messages of cohort %d: %w", cohortID, err)
	}
	return out, nil
}

// AddStepNote stores a facilitator's note on a step and returns it with its ID set.
func (s *Store) AddStepNote(ctx context.Context, n session.StepNote) (session.StepNote, error) {
	n.At = orNow(n.At).UTC()
	err := s.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx,
			`INSERT INTO step_notes (cohort_id, step_id, author, text, at) VALUES (?, ?, ?, ?, ?)`,
			n.CohortID, n.StepID, n.By, n.Text, formatTime(n.At))
		if err != nil {
			return err
		}
		n.ID, err = res.LastInsertId()
		return err
	})
	if err != nil {
		if k := constraint(err); k != nil {
			err = k
		}
		return session.StepNote{}, fmt.Errorf("note on step %s: %w", n.StepID, err)
	}
	return n, nil
}

// StepNotes lists the facilitators' notes of a cohort, oldest first.
func (s *Store) StepNotes(ctx context.Context, cohortID int64) ([]session.StepNote, error) {
	return stepNotes(ctx, s.r, cohortID)
}

func stepNotes(ctx context.Context, q querier, cohortID int64) ([]session.StepNote, error) {
	rows, err := q.QueryContext(ctx,
		`SELECT id, step_id, author, text, at FROM step_notes WHERE cohort_id = ? ORDER BY id`, cohortID)
	if err != nil {
		return nil, fmt.Errorf("notes of cohort %d: %w", cohortID, err)
	}
	defer func() { _ = rows.Close() }() // rows.Err reports what went wrong while reading
	var out []session.StepNote
	for rows.Next() {
		n := session.StepNote{CohortID: cohortID}
		var at string
		if err := rows.Scan(&n.ID, &n.StepID, &n.By, &n.Text, &at); err != nil {
			return nil, fmt.Errorf("notes of cohort %d: %w", cohortID, err)
		}
		if n.At, err = parseTime(at); err != nil {
			return nil, fmt.Errorf("notes of cohort %d: %w", cohortID, err)
		}
		out = append(out, n)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("notes of cohort %d: %w", cohortID, err)
	}
	return out, nil
}

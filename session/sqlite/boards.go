package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"workshop/session"
)

const boardColumns = `cohort_id, step_id, owner, kind, schema, data, updated_at`

// SaveBoard inserts or replaces the shared board for (cohort, step, owner).
func (s *Store) SaveBoard(ctx context.Context, b session.Board) error {
	what := fmt.Sprintf("save board %s of step %q in cohort %d", b.Owner, b.StepID, b.CohortID)
	if !json.Valid(b.Data) {
		return fmt.Errorf("%s: data is not valid JSON", what)
	}
	err := s.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx,
			`INSERT INTO boards (`+boardColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?)
			 ON CONFLICT (cohort_id, step_id, owner) DO UPDATE SET
			   kind = excluded.kind, schema = excluded.schema, data = excluded.data, updated_at = excluded.updated_at`,
			b.CohortID, b.StepID, b.Owner, b.Kind, b.Schema, string(b.Data), formatTime(orNow(b.UpdatedAt)))
		return err
	})
	if err != nil {
		if k := constraint(err); k != nil {
			return fmt.Errorf("%s: %w", what, k)
		}
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// Board returns one board; session.ErrNotFound if none.
func (s *Store) Board(ctx context.Context, cohortID int64, stepID, owner string) (session.Board, error) {
	b, err := scanBoard(s.r.QueryRowContext(ctx,
		`SELECT `+boardColumns+` FROM boards WHERE cohort_id = ? AND step_id = ? AND owner = ?`, cohortID, stepID, owner))
	if errors.Is(err, sql.ErrNoRows) {
		return session.Board{}, fmt.Errorf("board %s of step %q: %w", owner, stepID, session.ErrNotFound)
	}
	if err != nil {
		return session.Board{}, fmt.Errorf("board %s of step %q: %w", owner, stepID, err)
	}
	return b, nil
}

// Boards lists a cohort's boards for one step, or for all steps if stepID is "".
func (s *Store) Boards(ctx context.Context, cohortID int64, stepID string) ([]session.Board, error) {
	return boards(ctx, s.r, cohortID, stepID)
}

func boards(ctx context.Context, q querier, cohortID int64, stepID string) ([]session.Board, error) {
	query := `SELECT ` + boardColumns + ` FROM boards WHERE cohort_id = ?`
	args := []any{cohortID}
	if stepID != "" {
		query += ` AND step_id = ?`
		args = append(args, stepID)
	}
	rows, err := q.QueryContext(ctx, query+` ORDER BY step_id, owner`, args...)
	if err != nil {
		return nil, fmt.Errorf("boards of cohort %d: %w", cohortID, err)
	}
	defer func() { _ = rows.Close() }() // rows.Err reports what went wrong while reading
	var bs []session.Board
	for rows.Next() {
		b, err := scanBoard(rows)
		if err != nil {
			return nil, fmt.Errorf("boards of cohort %d: %w", cohortID, err)
		}
		bs = append(bs, b)
	}
	return bs, rows.Err()
}

func scanBoard(row scanner) (session.Board, error) {
	var b session.Board
	var data, updated string
	if err := row.Scan(&b.CohortID, &b.StepID, &b.Owner, &b.Kind, &b.Schema, &data, &updated); err != nil {
		return session.Board{}, err
	}
	b.Data = []byte(data)
	var err error
	b.UpdatedAt, err = parseTime(updated)
	return b, err
}

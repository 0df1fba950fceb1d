package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"workshop/session"
)

// RecordActivity stores what a participant did and when. It goes through the group-commit
// writer like every write, so many people joining at once share a few transactions.
func (s *Store) RecordActivity(ctx context.Context, a session.Activity) error {
	err := s.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO activity (cohort_id, participant_id, at, kind) VALUES (?, ?, ?, ?)`,
			a.CohortID, a.ParticipantID, formatTime(orNow(a.At)), string(a.Kind))
		return err
	})
	if err != nil {
		if k := constraint(err); k != nil {
			err = k
		}
		return fmt.Errorf("record %s of participant %d: %w", a.Kind, a.ParticipantID, err)
	}
	return nil
}

// Activities lists what a cohort's participants did, oldest first, in the order it was
// recorded when times are equal.
func (s *Store) Activities(ctx context.Context, cohortID int64) ([]session.Activity, error) {
	return activities(ctx, s.r, cohortID)
}

func activities(ctx context.Context, q querier, cohortID int64) ([]session.Activity, error) {
	rows, err := q.QueryContext(ctx,
		`SELECT participant_id, at, kind FROM activity WHERE cohort_id = ? ORDER BY at, id`, cohortID)
	if err != nil {
		return nil, fmt.Errorf("activity of cohort %d: %w", cohortID, err)
	}
	defer func() { _ = rows.Close() }() // rows.Err reports what went wrong while reading
	var out []session.Activity
	for rows.Next() {
		a := session.Activity{CohortID: cohortID}
		var at, kind string
		if err := rows.Scan(&a.ParticipantID, &at, &kind); err != nil {
			return nil, fmt.Errorf("activity of cohort %d: %w", cohortID, err)
		}
		if a.At, err = parseTime(at); err != nil {
			return nil, fmt.Errorf("activity of cohort %d: %w", cohortID, err)
		}
		a.Kind = session.ActivityKind(kind)
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("activity of cohort %d: %w", cohortID, err)
	}
	return out, nil
}

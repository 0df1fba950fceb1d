package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"workshop/session"
)

// AddStepTime adds time spent on a step to each participant in one transaction.
func (s *Store) AddStepTime(ctx context.Context, cohortID int64, stepID string, spent map[int64]time.Duration) error {
	if len(spent) == 0 {
		return nil
	}
	err := s.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		for pid, d := range spent {
			if d <= 0 {
				continue
			}
			if _, err := tx.ExecContext(ctx,
				`INSERT INTO step_time (cohort_id, participant_id, step_id, seconds) VALUES (?, ?, ?, ?)
				 ON CONFLICT (cohort_id, participant_id, step_id) DO UPDATE SET seconds = seconds + excluded.seconds`,
				cohortID, pid, stepID, d.Seconds()); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("add time on step %q in cohort %d: %w", stepID, cohortID, err)
	}
	return nil
}

// StepTimes returns the time each participant spent on each step: participant -> step -> time.
func (s *Store) StepTimes(ctx context.Context, cohortID int64) (map[int64]map[string]time.Duration, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT participant_id, step_id, seconds FROM step_time WHERE cohort_id = ?`, cohortID)
	if err != nil {
		return nil, fmt.Errorf("time on steps in cohort %d: %w", cohortID, err)
	}
	defer func() { _ = rows.Close() }() // rows.Err reports what went wrong while reading
	out := map[int64]map[string]time.Duration{}
	for rows.Next() {
		var pid int64
		var step string
		var secs float64
		if err := rows.Scan(&pid, &step, &secs); err != nil {
			return nil, fmt.Errorf("time on steps in cohort %d: %w", cohortID, err)
		}
		if out[pid] == nil {
			out[pid] = map[string]time.Duration{}
		}
		out[pid][step] = time.Duration(secs * float64(time.Second))
	}
	return out, rows.Err()
}

var _ session.Store = (*Store)(nil)

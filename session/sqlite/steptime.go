package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"workshop/session"
)

// AddStepTime adds time spent on a step to each participant in spent and, in the same
// transaction, sets their clocks: a read never sees time both stored and still counting.
func (s *Store) AddStepTime(ctx context.Context, cohortID int64, stepID string, spent map[int64]time.Duration, clock session.Clock) error {
	if len(spent) == 0 {
		return nil
	}
	err := s.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		add, set := tx.StmtContext(ctx, s.addTime), tx.StmtContext(ctx, s.setClock)
		for pid, d := range spent {
			if d > 0 {
				if _, err := add.ExecContext(ctx, cohortID, pid, stepID, d.Seconds()); err != nil {
					return err
				}
			}
			if err := execSetClock(ctx, set, cohortID, pid, clock); err != nil {
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

// SetClock sets a participant's clock unless a later change is stored.
func (s *Store) SetClock(ctx context.Context, cohortID, participantID int64, clock session.Clock) error {
	err := s.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		return execSetClock(ctx, tx.StmtContext(ctx, s.setClock), cohortID, participantID, clock)
	})
	if err != nil {
		return fmt.Errorf("set the clock of participant %d in cohort %d: %w", participantID, cohortID, err)
	}
	return nil
}

// addTimeQuery adds seconds to a participant's time on a step.
const addTimeQuery = `INSERT INTO step_time (cohort_id, participant_id, step_id, seconds) VALUES (?, ?, ?, ?)
	ON CONFLICT (cohort_id, participant_id, step_id) DO UPDATE SET seconds = seconds + excluded.seconds`

// setClockQuery keeps the later of the stored and the new change; times stored as text of a
// fixed width compare in time order.
const setClockQuery = `INSERT INTO step_clocks (participant_id, cohort_id, at, running) VALUES (?, ?, ?, ?)
	ON CONFLICT (participant_id) DO UPDATE SET at = excluded.at, running = excluded.running
	WHERE excluded.at >= step_clocks.at`

// execSetClock runs setClockQuery, prepared, in a transaction.
func execSetClock(ctx context.Context, stmt *sql.Stmt, cohortID, participantID int64, clock session.Clock) error {
	_, err := stmt.ExecContext(ctx, participantID, cohortID, formatTime(clock.At), clock.Running)
	return err
}

// StopClocks forgets a cohort's clocks last changed before t.
func (s *Store) StopClocks(ctx context.Context, cohortID int64, before time.Time) error {
	err := s.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM step_clocks WHERE cohort_id = ? AND at < ?`, cohortID, formatTime(before))
		return err
	})
	if err != nil {
		return fmt.Errorf("stop the clocks of cohort %d: %w", cohortID, err)
	}
	return nil
}

// StepTimes returns the time each participant spent on each step: participant -> step -> time.
func (s *Store) StepTimes(ctx context.Context, cohortID int64) (map[int64]map[string]time.Duration, error) {
	return stepTimes(ctx, s.r, cohortID)
}

func stepTimes(ctx context.Context, q querier, cohortID int64) (map[int64]map[string]time.Duration, error) {
	rows, err := q.QueryContext(ctx, `SELECT participant_id, step_id, seconds FROM step_time WHERE cohort_id = ?`, cohortID)
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

// clocks returns when each running clock of a cohort started: participant -> since.
func clocks(ctx context.Context, q querier, cohortID int64) (map[int64]time.Time, error) {
	rows, err := q.QueryContext(ctx, `SELECT participant_id, at FROM step_clocks WHERE cohort_id = ? AND running = 1`, cohortID)
	if err != nil {
		return nil, fmt.Errorf("clocks in cohort %d: %w", cohortID, err)
	}
	defer func() { _ = rows.Close() }() // rows.Err reports what went wrong while reading
	out := map[int64]time.Time{}
	for rows.Next() {
		var pid int64
		var since string
		if err := rows.Scan(&pid, &since); err != nil {
			return nil, fmt.Errorf("clocks in cohort %d: %w", cohortID, err)
		}
		if out[pid], err = parseTime(since); err != nil {
			return nil, fmt.Errorf("clocks in cohort %d: %w", cohortID, err)
		}
	}
	return out, rows.Err()
}

var _ session.Store = (*Store)(nil)

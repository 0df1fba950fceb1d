package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"workshop/session"
)

// AddStepTime adds time spent on a step to each participant in spent and, in the same
// transaction, sets their clocks: a read never sees time both stored and still counting.
// A move stores this for everyone in the cohort at once, so the rows go in a few statements of
// many rows each rather than two statements per person.
func (s *Store) AddStepTime(ctx context.Context, cohortID int64, stepID string, spent map[int64]time.Duration, clock session.Clock) error {
	if len(spent) == 0 {
		return nil
	}
	pids := slices.Sorted(maps.Keys(spent))
	err := s.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		for chunk := range slices.Chunk(pids, timeRowsPerStatement) {
			var add []any
			for _, pid := range chunk {
				if d := spent[pid]; d > 0 {
					add = append(add, cohortID, pid, stepID, d.Seconds())
				}
			}
			if len(add) > 0 {
				if _, err := tx.ExecContext(ctx, manyRows(addTimeInsert, len(add)/4)+addTimeConflict, add...); err != nil {
					return err
				}
			}
			set := make([]any, 0, 4*len(chunk))
			at := formatTime(clock.At)
			for _, pid := range chunk {
				set = append(set, pid, cohortID, at, clock.Running)
			}
			if _, err := tx.ExecContext(ctx, manyRows(setClockInsert, len(chunk))+setClockConflict, set...); err != nil {
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

// timeRowsPerStatement bounds the rows of one statement: four parameters each stay far below
// SQLite's limit on parameters.
const timeRowsPerStatement = 250

// manyRows is insert followed by n placeholders of four values, "(?, ?, ?, ?)", comma separated.
func manyRows(insert string, n int) string {
	var b strings.Builder
	b.Grow(len(insert) + n*14)
	b.WriteString(insert)
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("(?, ?, ?, ?)")
	}
	return b.String()
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

// addTimeInsert and addTimeConflict, around rows of (cohort, participant, step, seconds), add
// seconds to participants' time on a step.
const (
	addTimeInsert   = `INSERT INTO step_time (cohort_id, participant_id, step_id, seconds) VALUES `
	addTimeConflict = ` ON CONFLICT (cohort_id, participant_id, step_id) DO UPDATE SET seconds = seconds + excluded.seconds`
)

// setClockInsert and setClockConflict, around rows of (participant, cohort, at, running), set
// clocks, keeping the later of the stored and the new change; times stored as text of a fixed
// width compare in time order.
const (
	setClockInsert   = `INSERT INTO step_clocks (participant_id, cohort_id, at, running) VALUES `
	setClockConflict = ` ON CONFLICT (participant_id) DO UPDATE SET at = excluded.at, running = excluded.running
	WHERE excluded.at >= step_clocks.at`
)

// setClockQuery sets one participant's clock.
var setClockQuery = manyRows(setClockInsert, 1) + setClockConflict

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

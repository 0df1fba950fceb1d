package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"time"

	"workshop/session"
)

// AddStepTime adds time spent on a step to each participant in spent and, in the same
// transaction, sets their clocks: a read never sees time both stored and still counting.
// A move stores this for everyone in the cohort at once, so the rows go as one JSON array
// each to two statements of a fixed shape, rather than two statements per person or a
// statement of as many placeholders as people, which SQLite had to parse again each time.
func (s *Store) AddStepTime(ctx context.Context, cohortID int64, stepID string, spent map[int64]time.Duration, clock session.Clock) error {
	if len(spent) == 0 {
		return nil
	}
	pids := slices.Sorted(maps.Keys(spent))
	add := make([]byte, 0, 2+len(pids)*24)
	set := make([]byte, 0, 2+len(pids)*8)
	add, set = append(add, '['), append(set, '[')
	for _, pid := range pids {
		if len(set) > 1 {
			set = append(set, ',')
		}
		set = strconv.AppendInt(set, pid, 10)
		if d := spent[pid]; d > 0 {
			if len(add) > 1 {
				add = append(add, ',')
			}
			add = append(add, '[')
			add = strconv.AppendInt(add, pid, 10)
			add = append(add, ',')
			add = strconv.AppendFloat(add, d.Seconds(), 'g', -1, 64)
			add = append(add, ']')
		}
	}
	add, set = append(add, ']'), append(set, ']')
	err := s.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if len(add) > 2 {
			if _, err := tx.StmtContext(ctx, s.addTime).ExecContext(ctx, cohortID, stepID, string(add)); err != nil {
				return err
			}
		}
		return execSetClocks(ctx, tx, s.setClocks, cohortID, clock, string(set))
	})
	if err != nil {
		return fmt.Errorf("add time on step %q in cohort %d: %w", stepID, cohortID, err)
	}
	return nil
}

// addTimeQuery adds seconds to participants' time on a step: its parameters are the cohort,
// the step and a JSON array of [participant, seconds]. (An INSERT from a SELECT needs a WHERE
// before ON CONFLICT, or SQLite reads the ON as a join's.)
const addTimeQuery = `INSERT INTO step_time (cohort_id, participant_id, step_id, seconds)
	SELECT ?1, j.value ->> 0, ?2, j.value ->> 1 FROM json_each(?3) AS j WHERE true
	ON CONFLICT (cohort_id, participant_id, step_id) DO UPDATE SET seconds = seconds + excluded.seconds`

// setClocksQuery sets participants' clocks, keeping the later of the stored and the new
// change (times stored as text of a fixed width compare in time order): its parameters are
// the cohort, the time, whether the clocks run and a JSON array of participants.
const setClocksQuery = `INSERT INTO step_clocks (participant_id, cohort_id, at, running)
	SELECT j.value, ?1, ?2, ?3 FROM json_each(?4) AS j WHERE true
	ON CONFLICT (participant_id) DO UPDATE SET at = excluded.at, running = excluded.running
	WHERE excluded.at >= step_clocks.at`

// SetClock sets a participant's clock unless a later change is stored. It runs each time
// someone comes online or leaves, through the statement a move uses for everyone.
func (s *Store) SetClock(ctx context.Context, cohortID, participantID int64, clock session.Clock) error {
	err := s.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		return execSetClocks(ctx, tx, s.setClocks, cohortID, clock, "["+strconv.FormatInt(participantID, 10)+"]")
	})
	if err != nil {
		return fmt.Errorf("set the clock of participant %d in cohort %d: %w", participantID, cohortID, err)
	}
	return nil
}

// execSetClocks runs setClocksQuery, prepared as stmt, in tx for the participants of the JSON
// array pids.
func execSetClocks(ctx context.Context, tx *sql.Tx, stmt *sql.Stmt, cohortID int64, clock session.Clock, pids string) error {
	_, err := tx.StmtContext(ctx, stmt).ExecContext(ctx, cohortID, formatTime(clock.At), clock.Running, pids)
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

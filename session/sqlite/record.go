package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"workshop/session"
)

// querier is the read pool or one read transaction on it.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// CohortRecord reads everything stored about a cohort in one read transaction: in WAL mode
// every query of a transaction sees the same snapshot, so a step moved, a team split or work
// submitted meanwhile is either wholly in the record or not at all.
func (s *Store) CohortRecord(ctx context.Context, cohortID int64) (rec session.CohortRecord, err error) {
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return rec, fmt.Errorf("read cohort %d: %w", cohortID, err)
	}
	// Nothing was written: ending the transaction cannot lose anything.
	defer func() { _ = tx.Rollback() }()
	if rec.Cohort, err = cohortByID(ctx, tx, cohortID); err != nil {
		return rec, err
	}
	if s.betweenReads != nil {
		s.betweenReads()
	}
	if rec.Participants, err = participants(ctx, tx, cohortID); err != nil {
		return rec, err
	}
	if rec.Teams, err = teams(ctx, tx, cohortID); err != nil {
		return rec, err
	}
	if rec.Artifacts, err = artifacts(ctx, tx, cohortID, ""); err != nil {
		return rec, err
	}
	if rec.Boards, err = boards(ctx, tx, cohortID, ""); err != nil {
		return rec, err
	}
	if rec.StepTimes, err = stepTimes(ctx, tx, cohortID); err != nil {
		return rec, err
	}
	if rec.Clocks, err = clocks(ctx, tx, cohortID); err != nil {
		return rec, err
	}
	if rec.Timeline, err = timeline(ctx, tx, cohortID); err != nil {
		return rec, err
	}
	if rec.Activities, err = activities(ctx, tx, cohortID); err != nil {
		return rec, err
	}
	if rec.Notes, err = stepNotes(ctx, tx, cohortID); err != nil {
		return rec, err
	}
	return rec, nil
}

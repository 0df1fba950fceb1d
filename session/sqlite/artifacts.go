package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"workshop/session"
)

const artifactColumns = `cohort_id, step_id, participant_id, kind, schema, data, status, updated_at, submitted_at`

// SaveArtifact inserts or replaces the artifact for (cohort, step, participant); every field
// is overwritten. A zero UpdatedAt is set to now; a zero SubmittedAt is stored as NULL.
// session.ErrNotFound if the participant is not in the cohort. Data must be JSON (or empty),
// since it is versioned structured data that later versions of the program must read.
func (s *Store) SaveArtifact(ctx context.Context, a session.Artifact) error {
	what := fmt.Sprintf("save artifact of participant %d for step %q in cohort %d", a.ParticipantID, a.StepID, a.CohortID)
	switch a.Status {
	case session.StatusDraft, session.StatusSubmitted:
	default:
		return fmt.Errorf("%s: status %q is not %q or %q", what, a.Status, session.StatusDraft, session.StatusSubmitted)
	}
	if len(a.Data) > 0 && !json.Valid(a.Data) {
		return fmt.Errorf("%s: data is not valid JSON", what)
	}
	var submitted sql.NullString
	if !a.SubmittedAt.IsZero() {
		submitted = sql.NullString{String: formatTime(a.SubmittedAt), Valid: true}
	}
	err := s.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx,
			`INSERT INTO artifacts (`+artifactColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
			 ON CONFLICT (cohort_id, step_id, participant_id) DO UPDATE SET
			   kind = excluded.kind,
			   schema = excluded.schema,
			   data = excluded.data,
			   status = excluded.status,
			   updated_at = excluded.updated_at,
			   submitted_at = excluded.submitted_at`,
			a.CohortID, a.StepID, a.ParticipantID, a.Kind, a.Schema, string(a.Data), string(a.Status),
			formatTime(orNow(a.UpdatedAt)), submitted)
		return err
	})
	if err != nil {
		if k := constraint(err); errors.Is(k, session.ErrNotFound) {
			return fmt.Errorf("%s: cohort %d has no participant %d: %w", what, a.CohortID, a.ParticipantID, k)
		}
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// Artifact returns one participant's artifact for a step; session.ErrNotFound if none.
func (s *Store) Artifact(ctx context.Context, cohortID int64, stepID string, participantID int64) (session.Artifact, error) {
	a, err := scanArtifact(s.artifact.QueryRowContext(ctx, cohortID, stepID, participantID))
	if errors.Is(err, sql.ErrNoRows) {
		return session.Artifact{}, fmt.Errorf("artifact of participant %d for step %q in cohort %d: %w",
			participantID, stepID, cohortID, session.ErrNotFound)
	}
	if err != nil {
		return session.Artifact{}, fmt.Errorf("artifact of participant %d for step %q in cohort %d: %w",
			participantID, stepID, cohortID, err)
	}
	return a, nil
}

const artifactQuery = `SELECT ` + artifactColumns + ` FROM artifacts WHERE cohort_id = ? AND step_id = ? AND participant_id = ?`

// Artifacts lists every artifact of a cohort for one step, or for all steps if stepID is "",
// ordered by step ID and then participant ID so the listing is stable.
func (s *Store) Artifacts(ctx context.Context, cohortID int64, stepID string) ([]session.Artifact, error) {
	return artifacts(ctx, s.r, cohortID, stepID)
}

func artifacts(ctx context.Context, q querier, cohortID int64, stepID string) ([]session.Artifact, error) {
	var rows *sql.Rows
	var err error
	if stepID == "" {
		rows, err = q.QueryContext(ctx,
			`SELECT `+artifactColumns+` FROM artifacts WHERE cohort_id = ? ORDER BY step_id, participant_id`,
			cohortID)
	} else {
		rows, err = q.QueryContext(ctx,
			`SELECT `+artifactColumns+` FROM artifacts WHERE cohort_id = ? AND step_id = ? ORDER BY participant_id`,
			cohortID, stepID)
	}
	if err != nil {
		return nil, fmt.Errorf("artifacts of cohort %d: %w", cohortID, err)
	}
	defer func() { _ = rows.Close() }() // rows.Err reports what went wrong while reading
	var as []session.Artifact
	for rows.Next() {
		a, err := scanArtifact(rows)
		if err != nil {
			return nil, fmt.Errorf("artifacts of cohort %d: %w", cohortID, err)
		}
		as = append(as, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("artifacts of cohort %d: %w", cohortID, err)
	}
	return as, nil
}

func scanArtifact(row scanner) (session.Artifact, error) {
	var a session.Artifact
	var data, status, updated string
	var submitted sql.NullString
	if err := row.Scan(&a.CohortID, &a.StepID, &a.ParticipantID, &a.Kind, &a.Schema, &data, &status,
		&updated, &submitted); err != nil {
		return session.Artifact{}, err
	}
	a.Data = []byte(data)
	a.Status = session.Status(status)
	var err error
	if a.UpdatedAt, err = parseTime(updated); err != nil {
		return session.Artifact{}, err
	}
	if submitted.Valid {
		if a.SubmittedAt, err = parseTime(submitted.String); err != nil {
			return session.Artifact{}, err
		}
	}
	return a, nil
}

package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"workshop/session"
)

// ImportParticipants adds a roster's seats to a cohort in one transaction, making the teams
// they name that the cohort lacks (matched by name in any case). Nothing is added if any seat
// fails; session.ErrExists if a rejoin code is taken.
func (s *Store) ImportParticipants(ctx context.Context, cohortID int64, seats []session.Seat, ev session.Event) ([]session.Participant, error) {
	ev.CohortID = cohortID
	var out []session.Participant
	err := s.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		out = nil // a write may run again on its own if its batch fails
		ts, err := teams(ctx, tx, cohortID)
		if err != nil {
			return err
		}
		byName := map[string]int64{}
		for _, t := range ts {
			byName[strings.ToLower(t.Name)] = t.ID
		}
		for _, seat := range seats {
			p := seat.Participant
			p.CohortID = cohortID
			p.RejoinCode = normCode(p.RejoinCode)
			p.JoinedAt = orNow(p.JoinedAt)
			p.LastSeen = p.JoinedAt
			p.TeamID = 0
			if seat.Team != "" {
				key := strings.ToLower(seat.Team)
				id, ok := byName[key]
				if !ok {
					res, err := tx.ExecContext(ctx, `INSERT INTO teams (cohort_id, name) VALUES (?, ?)`, cohortID, seat.Team)
					if err != nil {
						return err
					}
					if id, err = res.LastInsertId(); err != nil {
						return err
					}
					byName[key] = id
				}
				p.TeamID = id
			}
			res, err := tx.ExecContext(ctx,
				`INSERT INTO participants (cohort_id, name, fingerprint, rejoin_code, step, joined_at, last_seen, department, email, team_id)
				 VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)`,
				cohortID, p.Name, nullString(p.RejoinCode), p.Step, formatTime(p.JoinedAt), formatTime(p.LastSeen),
				p.Department, p.Email, sql.NullInt64{Int64: p.TeamID, Valid: p.TeamID != 0})
			if err != nil {
				return err
			}
			if p.ID, err = res.LastInsertId(); err != nil {
				return err
			}
			out = append(out, p)
		}
		return insertEvent(ctx, tx, ev)
	})
	if err != nil {
		if k := constraint(err); k != nil {
			err = fmt.Errorf("%v: %w", err, k)
		}
		return nil, fmt.Errorf("import %d people into cohort %d: %w", len(seats), cohortID, err)
	}
	return out, nil
}

// RenameParticipant changes a participant's name and records ev.
func (s *Store) RenameParticipant(ctx context.Context, id int64, name string, ev session.Event) error {
	return s.changeParticipant(ctx, fmt.Sprintf("rename participant %d", id), id, ev,
		`UPDATE participants SET name = ? WHERE id = ?`, name, id)
}

// SetRejoinCode gives a participant a new rejoin code (stored normalised) and records ev.
func (s *Store) SetRejoinCode(ctx context.Context, id int64, code string, ev session.Event) error {
	return s.changeParticipant(ctx, fmt.Sprintf("reissue the rejoin code of participant %d", id), id, ev,
		`UPDATE participants SET rejoin_code = ? WHERE id = ?`, normCode(code), id)
}

// SetFingerprint ties an SSH key to a participant who has none and records ev.
func (s *Store) SetFingerprint(ctx context.Context, id int64, fingerprint string, ev session.Event) error {
	return s.changeParticipant(ctx, fmt.Sprintf("tie a key to participant %d", id), id, ev,
		`UPDATE participants SET fingerprint = ? WHERE id = ? AND fingerprint IS NULL`, fingerprint, id)
}

// RemoveParticipant deletes a participant; their work, step time, clock and activity go with
// them (the foreign keys cascade).
func (s *Store) RemoveParticipant(ctx context.Context, id int64, ev session.Event) error {
	return s.changeParticipant(ctx, fmt.Sprintf("remove participant %d", id), id, ev,
		`DELETE FROM participants WHERE id = ?`, id)
}

// changeParticipant runs one statement on participant id and records ev in one transaction;
// session.ErrNotFound if the statement touched no row.
func (s *Store) changeParticipant(ctx context.Context, what string, id int64, ev session.Event, query string, args ...any) error {
	err := s.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT cohort_id FROM participants WHERE id = ?`, id).Scan(&ev.CohortID); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return session.ErrNotFound
			}
			return err
		}
		if _, err := tx.ExecContext(ctx, query, args...); err != nil {
			return err
		}
		return insertEvent(ctx, tx, ev)
	})
	if err != nil {
		if k := constraint(err); k != nil && !errors.Is(err, k) {
			err = fmt.Errorf("%v: %w", err, k)
		}
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// MergeParticipants folds plan.Drop into plan.Keep in one transaction: Keep's work becomes
// plan.Work on the steps it names, Drop's time on each step is added to Keep's, Drop's
// activity and direct messages become Keep's, Drop is deleted, Keep takes the team, key and rejoin code the plan
// gives, and the plan's events go to the timeline.
func (s *Store) MergeParticipants(ctx context.Context, plan session.MergePlan) error {
	err := s.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		var cohortID, other int64
		if err := tx.QueryRowContext(ctx, `SELECT cohort_id FROM participants WHERE id = ?`, plan.Keep).Scan(&cohortID); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("participant %d: %w", plan.Keep, session.ErrNotFound)
			}
			return err
		}
		if err := tx.QueryRowContext(ctx, `SELECT cohort_id FROM participants WHERE id = ?`, plan.Drop).Scan(&other); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("participant %d: %w", plan.Drop, session.ErrNotFound)
			}
			return err
		}
		if other != cohortID || plan.Keep == plan.Drop {
			return fmt.Errorf("participants %d and %d are not two people of one cohort", plan.Keep, plan.Drop)
		}
		for _, a := range plan.Work {
			var submitted sql.NullString
			if !a.SubmittedAt.IsZero() {
				submitted = sql.NullString{String: formatTime(a.SubmittedAt), Valid: true}
			}
			if _, err := tx.ExecContext(ctx,
				`INSERT INTO artifacts (`+artifactColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				 ON CONFLICT (cohort_id, step_id, participant_id) DO UPDATE SET
				   kind = excluded.kind, schema = excluded.schema, data = excluded.data,
				   status = excluded.status, updated_at = excluded.updated_at, submitted_at = excluded.submitted_at`,
				cohortID, a.StepID, plan.Keep, a.Kind, a.Schema, string(a.Data), string(a.Status),
				formatTime(orNow(a.UpdatedAt)), submitted); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx,
			`INSERT INTO step_time (cohort_id, participant_id, step_id, seconds)
			 SELECT cohort_id, ?, step_id, seconds FROM step_time WHERE participant_id = ? AND true
			 ON CONFLICT (cohort_id, participant_id, step_id) DO UPDATE SET seconds = seconds + excluded.seconds`,
			plan.Keep, plan.Drop); err != nil {
			return err
		}
		for _, q := range []string{
			`UPDATE activity SET participant_id = ? WHERE participant_id = ?`,
			`UPDATE messages SET participant_id = ? WHERE participant_id = ?`,
		} {
			if _, err := tx.ExecContext(ctx, q, plan.Keep, plan.Drop); err != nil {
				return err
			}
		}
		var joined, seen string
		if err := tx.QueryRowContext(ctx, `SELECT joined_at, last_seen FROM participants WHERE id = ?`, plan.Drop).Scan(&joined, &seen); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM participants WHERE id = ?`, plan.Drop); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx,
			`UPDATE participants SET team_id = ?, fingerprint = ?, rejoin_code = ?,
			   joined_at = min(joined_at, ?), last_seen = max(last_seen, ?) WHERE id = ?`,
			sql.NullInt64{Int64: plan.Team, Valid: plan.Team != 0}, nullString(plan.Fingerprint),
			nullString(normCode(plan.RejoinCode)), joined, seen, plan.Keep); err != nil {
			return err
		}
		for _, ev := range plan.Events {
			ev.CohortID = cohortID
			if err := insertEvent(ctx, tx, ev); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		if k := constraint(err); k != nil && !errors.Is(err, k) {
			err = fmt.Errorf("%v: %w", err, k)
		}
		return fmt.Errorf("merge participant %d into %d: %w", plan.Drop, plan.Keep, err)
	}
	return nil
}

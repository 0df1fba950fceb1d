package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"workshop/session"
)

// Teams lists a cohort's teams in creation order.
func (s *Store) Teams(ctx context.Context, cohortID int64) ([]session.Team, error) {
	return teams(ctx, s.r, cohortID)
}

func teams(ctx context.Context, q querier, cohortID int64) ([]session.Team, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, cohort_id, name FROM teams WHERE cohort_id = ? ORDER BY id`, cohortID)
	if err != nil {
		return nil, fmt.Errorf("teams of cohort %d: %w", cohortID, err)
	}
	defer func() { _ = rows.Close() }() // rows.Err reports what went wrong while reading
	var ts []session.Team
	for rows.Next() {
		var t session.Team
		if err := rows.Scan(&t.ID, &t.CohortID, &t.Name); err != nil {
			return nil, fmt.Errorf("teams of cohort %d: %w", cohortID, err)
		}
		ts = append(ts, t)
	}
	return ts, rows.Err()
}

// ReplaceTeams removes a cohort's teams and creates new ones in one transaction, so nobody is
// ever seen half way between two splits. Members of removed teams are left in no team unless
// assign puts them in a new one.
func (s *Store) ReplaceTeams(ctx context.Context, cohortID int64, names []string, assign map[int64]int, ev session.Event) ([]session.Team, error) {
	ev.CohortID = cohortID
	var teams []session.Team
	err := s.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		teams = nil // a write may run again on its own if its batch fails
		if _, err := tx.ExecContext(ctx, `UPDATE participants SET team_id = NULL WHERE cohort_id = ?`, cohortID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM teams WHERE cohort_id = ?`, cohortID); err != nil {
			return err
		}
		for _, name := range names {
			res, err := tx.ExecContext(ctx, `INSERT INTO teams (cohort_id, name) VALUES (?, ?)`, cohortID, name)
			if err != nil {
				return err
			}
			id, err := res.LastInsertId()
			if err != nil {
				return err
			}
			teams = append(teams, session.Team{ID: id, CohortID: cohortID, Name: name})
		}
		for pid, i := range assign {
			if i < 0 || i >= len(teams) {
				return fmt.Errorf("participant %d assigned to team %d of %d", pid, i+1, len(teams))
			}
			res, err := tx.ExecContext(ctx, `UPDATE participants SET team_id = ? WHERE id = ? AND cohort_id = ?`, teams[i].ID, pid, cohortID)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return fmt.Errorf("participant %d: %w", pid, session.ErrNotFound)
			}
		}
		return insertEvent(ctx, tx, ev)
	})
	if err != nil {
		if k := constraint(err); k != nil {
			err = fmt.Errorf("%v: %w", err, k)
		}
		return nil, fmt.Errorf("form teams in cohort %d: %w", cohortID, err)
	}
	return teams, nil
}

// RenameTeam renames a team and records ev; session.ErrNotFound if there is no such team.
func (s *Store) RenameTeam(ctx context.Context, teamID int64, name string, ev session.Event) error {
	err := s.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		var cohortID int64
		if err := tx.QueryRowContext(ctx, `SELECT cohort_id FROM teams WHERE id = ?`, teamID).Scan(&cohortID); err != nil {
			if err == sql.ErrNoRows {
				return session.ErrNotFound
			}
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE teams SET name = ? WHERE id = ?`, name, teamID); err != nil {
			return err
		}
		ev.CohortID = cohortID
		return insertEvent(ctx, tx, ev)
	})
	if err != nil {
		return fmt.Errorf("rename team %d: %w", teamID, err)
	}
	return nil
}

// SetTeam puts a participant in a team of their cohort (0 for none) and records ev.
func (s *Store) SetTeam(ctx context.Context, participantID, teamID int64, ev session.Event) error {
	err := s.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		var cohortID int64
		if err := tx.QueryRowContext(ctx, `SELECT cohort_id FROM participants WHERE id = ?`, participantID).Scan(&cohortID); err != nil {
			if err == sql.ErrNoRows {
				return session.ErrNotFound
			}
			return err
		}
		team := sql.NullInt64{Int64: teamID, Valid: teamID != 0}
		if teamID != 0 {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM teams WHERE id = ? AND cohort_id = ?`, teamID, cohortID).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return fmt.Errorf("team %d is not in cohort %d: %w", teamID, cohortID, session.ErrNotFound)
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE participants SET team_id = ? WHERE id = ?`, team, participantID); err != nil {
			return err
		}
		ev.CohortID = cohortID
		return insertEvent(ctx, tx, ev)
	})
	if err != nil {
		return fmt.Errorf("move participant %d to team %d: %w", participantID, teamID, err)
	}
	return nil
}

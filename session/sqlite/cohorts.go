package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"workshop/session"
)

const cohortColumns = `id, code, view_code, name, module_id, module_hash, pace, step, created_by, created_at, updated_at, live, archived_at, ` +
	`(SELECT json_group_array(json_array(language, module_hash)) FROM cohort_translations WHERE cohort_id = cohorts.id)`

// CreateCohort stores a new cohort and returns it with its ID and times set; session.ErrExists
// if the code is taken, session.ErrNotFound if the module version or one of its pinned
// translations was not saved first. The
// code is stored normalised (upper case, no spaces or dashes). A zero CreatedAt is set to now,
// a zero UpdatedAt to CreatedAt.
// The creation is recorded in the timeline in the same transaction, so a cohort never exists
// without its first event.
func (s *Store) CreateCohort(ctx context.Context, c session.Cohort) (session.Cohort, error) {
	c.Code = normCode(c.Code)
	if c.Code == "" {
		return session.Cohort{}, fmt.Errorf("create cohort %q: empty join code", c.Name)
	}
	if c.ViewCode = normCode(c.ViewCode); c.ViewCode == "" {
		c.ViewCode = session.NewViewCode()
	}
	if _, err := session.ParsePace(string(c.Pace)); err != nil {
		return session.Cohort{}, fmt.Errorf("create cohort %s: %w", c.Code, err)
	}
	if c.Step < 0 {
		return session.Cohort{}, fmt.Errorf("create cohort %s: negative step %d", c.Code, c.Step)
	}
	c.Translations = slices.Clone(c.Translations)
	slices.SortFunc(c.Translations, func(a, b session.PinnedTranslation) int { return strings.Compare(a.Language, b.Language) })
	for i, tr := range c.Translations {
		if tr.Language == "" || tr.Hash == "" || i > 0 && tr.Language == c.Translations[i-1].Language {
			return session.Cohort{}, fmt.Errorf("create cohort %s: translation %q (%s) is empty or given twice", c.Code, tr.Language, tr.Hash)
		}
	}
	c.CreatedAt = orNow(c.CreatedAt)
	if c.UpdatedAt.IsZero() {
		c.UpdatedAt = c.CreatedAt
	}
	c.UpdatedAt = c.UpdatedAt.UTC()

	err := s.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx,
			`INSERT INTO cohorts (code, view_code, name, module_id, module_hash, pace, step, created_by, created_at, updated_at)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			c.Code, c.ViewCode, c.Name, c.ModuleID, c.ModuleHash, string(c.Pace), c.Step, c.CreatedBy,
			formatTime(c.CreatedAt), formatTime(c.UpdatedAt))
		if err != nil {
			return err
		}
		if c.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		for _, tr := range c.Translations {
			if _, err := tx.ExecContext(ctx,
				`INSERT INTO cohort_translations (cohort_id, language, module_hash) VALUES (?, ?, ?)`,
				c.ID, tr.Language, tr.Hash); err != nil {
				return err
			}
		}
		return insertEvent(ctx, tx, session.Event{
			CohortID: c.ID,
			At:       c.CreatedAt,
			Actor:    c.CreatedBy,
			Action:   "create",
			Detail:   fmt.Sprintf("cohort %s from module %s", c.Name, c.ModuleID),
		})
	})
	if err != nil {
		switch k := constraint(err); {
		case errors.Is(k, session.ErrExists):
			return session.Cohort{}, fmt.Errorf("create cohort %s: join or view code is taken: %w", c.Code, k)
		case errors.Is(k, session.ErrNotFound):
			return session.Cohort{}, fmt.Errorf("create cohort %s: module version %s is not saved: %w", c.Code, c.ModuleHash, k)
		}
		return session.Cohort{}, fmt.Errorf("create cohort %s: %w", c.Code, err)
	}
	return c, nil
}

// Cohorts lists all cohorts, newest first.
func (s *Store) Cohorts(ctx context.Context) ([]session.Cohort, error) {
	rows, err := s.r.QueryContext(ctx,
		`SELECT `+cohortColumns+` FROM cohorts ORDER BY created_at DESC, id DESC`)
	if err != nil {
		return nil, fmt.Errorf("list cohorts: %w", err)
	}
	defer func() { _ = rows.Close() }() // rows.Err reports what went wrong while reading
	var cs []session.Cohort
	for rows.Next() {
		c, err := scanCohort(rows)
		if err != nil {
			return nil, fmt.Errorf("list cohorts: %w", err)
		}
		cs = append(cs, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list cohorts: %w", err)
	}
	return cs, nil
}

// Cohort returns one cohort by ID; session.ErrNotFound if none.
func (s *Store) Cohort(ctx context.Context, id int64) (session.Cohort, error) {
	return cohortByID(ctx, s.r, id)
}

func cohortByID(ctx context.Context, q querier, id int64) (session.Cohort, error) {
	c, err := scanCohort(q.QueryRowContext(ctx, `SELECT `+cohortColumns+` FROM cohorts WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return session.Cohort{}, fmt.Errorf("cohort %d: %w", id, session.ErrNotFound)
	}
	if err != nil {
		return session.Cohort{}, fmt.Errorf("cohort %d: %w", id, err)
	}
	return c, nil
}

// CohortByCode returns one cohort by join code in any case; session.ErrNotFound if none.
func (s *Store) CohortByCode(ctx context.Context, code string) (session.Cohort, error) {
	code = normCode(code)
	c, err := scanCohort(s.r.QueryRowContext(ctx, `SELECT `+cohortColumns+` FROM cohorts WHERE code = ?`, code))
	if errors.Is(err, sql.ErrNoRows) {
		return session.Cohort{}, fmt.Errorf("cohort with code %s: %w", code, session.ErrNotFound)
	}
	if err != nil {
		return session.Cohort{}, fmt.Errorf("cohort with code %s: %w", code, err)
	}
	return c, nil
}

// CohortByViewCode returns one cohort by view code in any case; session.ErrNotFound if none.
func (s *Store) CohortByViewCode(ctx context.Context, code string) (session.Cohort, error) {
	code = normCode(code)
	if code == "" {
		return session.Cohort{}, fmt.Errorf("cohort with an empty view code: %w", session.ErrNotFound)
	}
	c, err := scanCohort(s.r.QueryRowContext(ctx, `SELECT `+cohortColumns+` FROM cohorts WHERE view_code = ?`, code))
	if errors.Is(err, sql.ErrNoRows) {
		return session.Cohort{}, fmt.Errorf("cohort with view code: %w", session.ErrNotFound)
	}
	if err != nil {
		return session.Cohort{}, fmt.Errorf("cohort with view code: %w", err)
	}
	return c, nil
}

// UpdateCohort writes the cohort's mutable state (name, pace, step) and appends ev to its
// timeline in one transaction, so the timeline always explains the state. ev.CohortID is taken
// from c and a zero ev.At is set to now. The cohort's updated_at becomes ev.At: the cohort last
// changed when its latest event happened. session.ErrNotFound if the cohort does not exist.
func (s *Store) UpdateCohort(ctx context.Context, c session.Cohort, ev session.Event) error {
	if _, err := session.ParsePace(string(c.Pace)); err != nil {
		return fmt.Errorf("update cohort %d: %w", c.ID, err)
	}
	if c.Step < 0 {
		return fmt.Errorf("update cohort %d: negative step %d", c.ID, c.Step)
	}
	ev.CohortID = c.ID
	ev.At = orNow(ev.At)
	err := s.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		live, err := json.Marshal(c.Live)
		if err != nil {
			return err
		}
		var archived sql.NullString
		if !c.ArchivedAt.IsZero() {
			archived = sql.NullString{String: formatTime(c.ArchivedAt), Valid: true}
		}
		res, err := tx.ExecContext(ctx,
			`UPDATE cohorts SET name = ?, pace = ?, step = ?, updated_at = ?, live = ?, archived_at = ? WHERE id = ?`,
			c.Name, string(c.Pace), c.Step, formatTime(ev.At), string(live), archived, c.ID)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return session.ErrNotFound
		}
		return insertEvent(ctx, tx, ev)
	})
	if err != nil {
		return fmt.Errorf("update cohort %d: %w", c.ID, err)
	}
	return nil
}

func scanCohort(row scanner) (session.Cohort, error) {
	var c session.Cohort
	var pace, created, updated, live, translations string
	var archived sql.NullString
	if err := row.Scan(&c.ID, &c.Code, &c.ViewCode, &c.Name, &c.ModuleID, &c.ModuleHash, &pace, &c.Step,
		&c.CreatedBy, &created, &updated, &live, &archived, &translations); err != nil {
		return session.Cohort{}, err
	}
	var pairs [][2]string
	if err := json.Unmarshal([]byte(translations), &pairs); err != nil {
		return session.Cohort{}, fmt.Errorf("cohort %d translations: %w", c.ID, err)
	}
	for _, p := range pairs {
		c.Translations = append(c.Translations, session.PinnedTranslation{Language: p[0], Hash: p[1]})
	}
	slices.SortFunc(c.Translations, func(a, b session.PinnedTranslation) int { return strings.Compare(a.Language, b.Language) })
	if err := json.Unmarshal([]byte(live), &c.Live); err != nil {
		return session.Cohort{}, fmt.Errorf("cohort %d live state: %w", c.ID, err)
	}
	if archived.Valid {
		t, err := parseTime(archived.String)
		if err != nil {
			return session.Cohort{}, err
		}
		c.ArchivedAt = t
	}
	c.Pace = session.Pace(pace)
	var err error
	if c.CreatedAt, err = parseTime(created); err != nil {
		return session.Cohort{}, err
	}
	if c.UpdatedAt, err = parseTime(updated); err != nil {
		return session.Cohort{}, err
	}
	return c, nil
}

// insertEvent appends ev to its cohort's timeline inside tx.
func insertEvent(ctx context.Context, tx *sql.Tx, ev session.Event) error {
	_, err := tx.ExecContext(ctx,
		`INSERT INTO events (cohort_id, at, actor, action, detail) VALUES (?, ?, ?, ?, ?)`,
		ev.CohortID, formatTime(orNow(ev.At)), ev.Actor, ev.Action, ev.Detail)
	return err
}

// Timeline lists a cohort's events, oldest first; events with the same time stay in the order
// they were recorded.
func (s *Store) Timeline(ctx context.Context, cohortID int64) ([]session.Event, error) {
	return timeline(ctx, s.r, cohortID)
}

func timeline(ctx context.Context, q querier, cohortID int64) ([]session.Event, error) {
	rows, err := q.QueryContext(ctx,
		`SELECT id, cohort_id, at, actor, action, detail FROM events WHERE cohort_id = ? ORDER BY at, id`,
		cohortID)
	if err != nil {
		return nil, fmt.Errorf("timeline of cohort %d: %w", cohortID, err)
	}
	defer func() { _ = rows.Close() }() // rows.Err reports what went wrong while reading
	var evs []session.Event
	for rows.Next() {
		var ev session.Event
		var at string
		if err := rows.Scan(&ev.ID, &ev.CohortID, &at, &ev.Actor, &ev.Action, &ev.Detail); err != nil {
			return nil, fmt.Errorf("timeline of cohort %d: %w", cohortID, err)
		}
		if ev.At, err = parseTime(at); err != nil {
			return nil, fmt.Errorf("timeline of cohort %d: %w", cohortID, err)
		}
		evs = append(evs, ev)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("timeline of cohort %d: %w", cohortID, err)
	}
	return evs, nil
}

// Record appends an event to a cohort's timeline; session.ErrNotFound if the cohort does not
// exist. A zero ev.At is set to now.
func (s *Store) Record(ctx context.Context, ev session.Event) error {
	err := s.write(ctx, func(ctx context.Context, tx *sql.Tx) error { return insertEvent(ctx, tx, ev) })
	if err != nil {
		if k := constraint(err); k != nil {
			err = k
		}
		return fmt.Errorf("record event for cohort %d: %w", ev.CohortID, err)
	}
	return nil
}

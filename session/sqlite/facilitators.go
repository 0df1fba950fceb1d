package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"workshop/session"
)

// AddFacilitator registers a facilitator; session.ErrExists if the name or key is taken.
// A zero AddedAt is set to now.
func (s *Store) AddFacilitator(ctx context.Context, f session.Facilitator) error {
	if f.Name == "" || f.Fingerprint == "" {
		return errors.New("add facilitator: name and key fingerprint are required")
	}
	err := s.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx,
			`INSERT INTO facilitators (name, fingerprint, public_key, added_at) VALUES (?, ?, ?, ?)`,
			f.Name, f.Fingerprint, f.PublicKey, formatTime(orNow(f.AddedAt)))
		return err
	})
	if err == nil {
		return nil
	}
	if k := constraint(err); k != nil {
		if strings.Contains(err.Error(), "facilitators.fingerprint") {
			return fmt.Errorf("add facilitator %q: key %s is already registered: %w", f.Name, f.Fingerprint, k)
		}
		return fmt.Errorf("add facilitator %q: name is taken: %w", f.Name, k)
	}
	return fmt.Errorf("add facilitator %q: %w", f.Name, err)
}

// RemoveFacilitator deletes a facilitator by name; session.ErrNotFound if there is none.
// Cohorts the facilitator created keep their name as creator.
func (s *Store) RemoveFacilitator(ctx context.Context, name string) error {
	err := s.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM facilitators WHERE name = ?`, name)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return session.ErrNotFound
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("remove facilitator %q: %w", name, err)
	}
	return nil
}

// Facilitators lists facilitators by name.
func (s *Store) Facilitators(ctx context.Context) ([]session.Facilitator, error) {
	rows, err := s.r.QueryContext(ctx,
		`SELECT name, fingerprint, public_key, added_at FROM facilitators ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("list facilitators: %w", err)
	}
	defer func() { _ = rows.Close() }() // rows.Err reports what went wrong while reading
	var fs []session.Facilitator
	for rows.Next() {
		f, err := scanFacilitator(rows)
		if err != nil {
			return nil, fmt.Errorf("list facilitators: %w", err)
		}
		fs = append(fs, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list facilitators: %w", err)
	}
	return fs, nil
}

// FacilitatorByFingerprint finds the facilitator holding a key; session.ErrNotFound if none.
func (s *Store) FacilitatorByFingerprint(ctx context.Context, fingerprint string) (session.Facilitator, error) {
	f, err := scanFacilitator(s.r.QueryRowContext(ctx,
		`SELECT name, fingerprint, public_key, added_at FROM facilitators WHERE fingerprint = ?`, fingerprint))
	if errors.Is(err, sql.ErrNoRows) {
		return session.Facilitator{}, fmt.Errorf("facilitator with key %s: %w", fingerprint, session.ErrNotFound)
	}
	if err != nil {
		return session.Facilitator{}, fmt.Errorf("facilitator with key %s: %w", fingerprint, err)
	}
	return f, nil
}

func scanFacilitator(row scanner) (session.Facilitator, error) {
	var f session.Facilitator
	var added string
	if err := row.Scan(&f.Name, &f.Fingerprint, &f.PublicKey, &added); err != nil {
		return session.Facilitator{}, err
	}
	var err error
	f.AddedAt, err = parseTime(added)
	return f, err
}

// SaveModuleVersion keeps the exact source of a module version; saving it again is a no-op.
// The hash identifies the content, so the first save stands.
func (s *Store) SaveModuleVersion(ctx context.Context, hash, moduleID string, source []byte) error {
	if hash == "" {
		return fmt.Errorf("save module %s version: empty hash", moduleID)
	}
	if source == nil {
		source = []byte{} // the column is NOT NULL; an empty module is still a version
	}
	err := s.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx,
			`INSERT INTO module_versions (hash, module_id, source, saved_at) VALUES (?, ?, ?, ?)
			 ON CONFLICT (hash) DO NOTHING`,
			hash, moduleID, source, formatTime(now()))
		return err
	})
	if err != nil {
		return fmt.Errorf("save module %s version %s: %w", moduleID, hash, err)
	}
	return nil
}

// ModuleVersion returns the source saved under hash; session.ErrNotFound if none.
func (s *Store) ModuleVersion(ctx context.Context, hash string) ([]byte, error) {
	var src []byte
	err := s.r.QueryRowContext(ctx, `SELECT source FROM module_versions WHERE hash = ?`, hash).Scan(&src)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("module version %s: %w", hash, session.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("module version %s: %w", hash, err)
	}
	if src == nil {
		src = []byte{}
	}
	return src, nil
}

package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// migrationFiles holds the schema history. A file is named NNNN_description.sql and brings
// the schema from version NNNN-1 to NNNN; files are never edited once released, only added.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one step of the schema history.
type migration struct {
	version int
	name    string
	sql     string
}

// loadMigrations reads the embedded migrations in order and checks that their versions run
// 1, 2, 3... without gaps, so a misnamed file fails loudly instead of being skipped.
func loadMigrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		name := e.Name()
		prefix, _, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(prefix)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: name must start with a positive version number and '_'", name)
		}
		b, err := migrationFiles.ReadFile(path.Join("migrations", name))
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: name, sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %s: expected version %d", m.name, i+1)
		}
	}
	return ms, nil
}

// migrate applies the migrations the database lacks, each in its own immediate transaction
// that also sets PRAGMA user_version. The version is read inside that transaction, after the
// write lock is held, so when two processes open a new file at once the second waits, sees
// the first one's work and applies nothing twice.
func migrate(ctx context.Context, db *sql.DB) error {
	ms, err := loadMigrations()
	if err != nil {
		return fmt.Errorf("load migrations: %w", err)
	}
	latest := len(ms)
	for {
		done, err := migrateOne(ctx, db, ms, latest)
		if err != nil || done {
			return err
		}
	}
}

// migrateOne applies the next missing migration, or reports done when there is none.
func migrateOne(ctx context.Context, db *sql.DB, ms []migration, latest int) (done bool, err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("migrate: begin transaction: %w", err)
	}
	defer func() { _ = tx.Rollback() }() // a no-op after Commit

	var v int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return false, fmt.Errorf("migrate: read schema version: %w", err)
	}
	switch {
	case v > latest:
		return false, fmt.Errorf("schema version %d is newer than this program supports (%d): upgrade the program, or restore a backup made by this version", v, latest)
	case v == latest:
		return true, nil
	case v < 0:
		return false, fmt.Errorf("schema version %d is invalid", v)
	}
	m := ms[v]
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return false, fmt.Errorf("apply migration %s: %w", m.name, err)
	}
	// PRAGMA takes no bound parameters; the version is an int we control.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
		return false, fmt.Errorf("apply migration %s: set schema version: %w", m.name, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("apply migration %s: commit: %w", m.name, err)
	}
	return m.version == latest, nil
}

package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"workshop/session"
)

var _ session.Store = (*Store)(nil)

// Store is a session.Store kept in one SQLite file in WAL mode.
//
// Writes go to one writer goroutine on a pool of a single connection, so that within this
// process they queue in Go instead of contending for the file lock. The writer commits every
// write waiting for it in one immediate transaction (group commit, see writer.go): a burst of
// writes costs one sync of the disk per batch rather than one per write, and each caller is
// answered only once its write is durable. Being immediate, a transaction started while
// another process (a CLI command next to the server) writes waits on the busy timeout instead
// of failing with SQLITE_BUSY. Reads go through a separate read-only pool and run in parallel
// with each other and with the writer.
type Store struct {
	path string
	w    *sql.DB // single-connection writer pool, used by the writer goroutine alone
	r    *sql.DB // read-only pool
	// artifact is the read of one participant's work on one step, prepared once.
	artifact *sql.Stmt
	// addTime and setClocks store time on step and clocks (see AddStepTime and SetClock),
	// prepared once on the writer: a move runs them for a whole cohort, and setClocks runs
	// each time someone comes online or leaves.
	addTime, setClocks *sql.Stmt
	wq                 writeQueue
	// betweenReads, when set (by tests), runs after CohortRecord's first query: a change
	// made there must not show in the record.
	betweenReads func()
	// lastCommit is when the writer last committed, in Unix nanoseconds (0: not yet).
	lastCommit atomic.Int64
}

// busyTimeoutMS is how long a connection waits for another one (possibly in another process)
// to release the write lock before giving up.
const busyTimeoutMS = 5000

// Open opens the database at path, creating it and its parent directory if missing, and
// brings its schema up to date. It refuses a database written by a newer version of the
// program, since this one cannot know what the newer schema means.
func Open(path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("open database: empty path")
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("open database %s: create directory: %w", path, err)
		}
	}
	if err := createPrivate(path); err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}

	// Pragmas go in the DSN because a PRAGMA run through Exec reaches only one pooled
	// connection. synchronous(FULL) makes every acknowledged commit survive power loss.
	base := "file:" + escapePath(filepath.Clean(path))
	pragmas := fmt.Sprintf("_pragma=busy_timeout(%d)&_pragma=foreign_keys(1)", busyTimeoutMS)
	wdsn := base + "?" + pragmas + "&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_txlock=immediate"
	rdsn := base + "?mode=ro&" + pragmas

	w, err := sql.Open("sqlite", wdsn)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxIdleTime(0)
	w.SetConnMaxLifetime(0)

	ctx := context.Background()
	if err := retryBusy(func() error {
		if err := w.PingContext(ctx); err != nil {
			return err
		}
		return migrate(ctx, w)
	}); err != nil {
		_ = w.Close() // already failing: the open error is the one to report
		return nil, fmt.Errorf("open database %s: %w", path, plainOpenError(path, err))
	}

	// The read pool opens after migration so that the file is already in WAL mode with its
	// schema in place; the writer's open connection keeps the WAL index alive for it.
	r, err := sql.Open("sqlite", rdsn)
	if err != nil {
		_ = w.Close() // as above
		return nil, fmt.Errorf("open database %s for reading: %w", path, err)
	}
	// WAL readers do not block each other; a few connections per CPU cover screens that
	// refresh while others are blocked on I/O.
	n := max(4, runtime.GOMAXPROCS(0))
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	if err := r.PingContext(ctx); err != nil {
		_, _ = r.Close(), w.Close() // as above
		return nil, fmt.Errorf("open database %s for reading: %w", path, plainOpenError(path, err))
	}
	// A screen reads its own work each time it shows a step: for hundreds of screens moving
	// at once, preparing that one query again each time was a fifth of what the read cost.
	artifact, err := r.PrepareContext(ctx, artifactQuery)
	if err != nil {
		_, _ = r.Close(), w.Close() // as above
		return nil, fmt.Errorf("open database %s for reading: %w", path, err)
	}
	var writes [2]*sql.Stmt
	for i, q := range []string{addTimeQuery, setClocksQuery} {
		if writes[i], err = w.PrepareContext(ctx, q); err != nil {
			closeAll(writes[:i]...)
			_, _, _ = artifact.Close(), r.Close(), w.Close() // as above
			return nil, fmt.Errorf("open database %s for writing: %w", path, err)
		}
	}
	s := &Store{path: path, w: w, r: r, artifact: artifact, addTime: writes[0], setClocks: writes[1]}
	s.wq.start(s)
	return s, nil
}

// retryBusy runs fn again while it fails with SQLITE_BUSY, for up to about busyTimeoutMS.
// Switching a new file to WAL takes an exclusive lock without waiting on the busy handler, so
// two processes opening a fresh database at once can see BUSY even with a busy timeout.
func retryBusy(fn func() error) error {
	deadline := time.Now().Add(busyTimeoutMS * time.Millisecond)
	for wait := 5 * time.Millisecond; ; wait = min(wait*2, 200*time.Millisecond) {
		err := fn()
		if err == nil || !isBusy(err) || time.Now().After(deadline) {
			return err
		}
		time.Sleep(wait)
	}
}

func isBusy(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "SQLITE_BUSY") || strings.Contains(msg, "database is locked")
}

// escapePath makes path safe inside a "file:" URI, where '?' starts the query, '#' a fragment,
// and '%' an escape.
func escapePath(path string) string {
	return strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(filepath.ToSlash(path))
}

// Path returns the database file path the store was opened with, for messages and backups.
func (s *Store) Path() string { return s.path }

// Close finishes the writes already queued, then releases both connection pools. Everything
// acknowledged before is already on disk; a write asked for after Close fails.
func (s *Store) Close() error {
	if !s.wq.stop() {
		return nil
	}
	err := errors.Join(s.artifact.Close(), s.addTime.Close(), s.setClocks.Close(), s.r.Close(), s.w.Close())
	s.awaitConnections(closeWait)
	return err
}

// closeAll closes prepared statements whose errors no longer matter: the open that made them
// is failing.
func closeAll(stmts ...*sql.Stmt) {
	for _, st := range stmts {
		_ = st.Close()
	}
}

// closeWait bounds how long Close waits for a read that was already running.
const closeWait = 5 * time.Second

// awaitConnections waits, for at most limit, until every connection is closed. database/sql's
// Close returns while a query that had started still holds its connection; that connection
// closes (and SQLite tidies its -wal and -shm files) only when the query ends. Waiting here means
// that once Close returns nothing touches the database's files, so they can be copied or
// removed.
func (s *Store) awaitConnections(limit time.Duration) {
	deadline := time.Now().Add(limit)
	for wait := time.Millisecond; s.r.Stats().OpenConnections+s.w.Stats().OpenConnections > 0; wait = min(wait*2, 50*time.Millisecond) {
		if time.Now().After(deadline) {
			return
		}
		time.Sleep(wait)
	}
}

// Backup writes a consistent copy of the database to dstPath while the store stays in use.
// It refuses to overwrite an existing file, so an old backup is never clobbered by mistake.
// The copy is compacted and can be opened with Open.
func (s *Store) Backup(ctx context.Context, dstPath string) error {
	if dstPath == "" {
		return errors.New("backup database: empty destination path")
	}
	if _, err := os.Lstat(dstPath); err == nil {
		return fmt.Errorf("backup database to %s: %w", dstPath, fs.ErrExist)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("backup database to %s: %w", dstPath, err)
	}
	if err := os.MkdirAll(filepath.Dir(dstPath), 0o700); err != nil {
		return fmt.Errorf("backup database to %s: create directory: %w", dstPath, err)
	}
	// VACUUM INTO reads one snapshot, so it runs on the read pool and never holds up writers.
	if _, err := s.r.ExecContext(ctx, "VACUUM INTO ?", dstPath); err != nil {
		return fmt.Errorf("backup database to %s: %w", dstPath, err)
	}
	// VACUUM INTO does not promise to sync its output; a backup that a crash can lose is not
	// a backup.
	if err := syncFile(dstPath); err != nil {
		return fmt.Errorf("backup database to %s: %w", dstPath, err)
	}
	return nil
}

// syncFile flushes a file and its directory entry to stable storage.
func syncFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		_ = f.Close() // the failed sync is what matters
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	d, err := os.Open(filepath.Dir(path))
	if err != nil {
		return err
	}
	defer func() { _ = d.Close() }() // opened only to sync
	// Some systems cannot sync a directory; the file itself is already safe.
	_ = d.Sync()
	return nil
}

// constraint reports which session error a constraint violation means: a UNIQUE or PRIMARY
// KEY violation is session.ErrExists, a FOREIGN KEY violation means the row referred to is
// missing, session.ErrNotFound. It returns nil for any other error.
func constraint(err error) error {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return nil
	}
	switch se.Code() {
	case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
		return session.ErrExists
	case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
		return session.ErrNotFound
	}
	return nil
}

// timeLayout is RFC 3339 with exactly nine fractional digits. Fixed width makes stored times
// sort correctly as text; nanoseconds make them round-trip exactly.
const timeLayout = "2006-01-02T15:04:05.000000000Z07:00"

// formatTime renders t in UTC for storage.
func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

// parseTime reads a time stored by formatTime.
func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(timeLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored time %q: %w", s, err)
	}
	return t.UTC(), nil
}

// now is the current time as it will read back from the database: UTC, no monotonic reading.
func now() time.Time { return time.Now().UTC() }

// orNow returns t in UTC, or the current time if t is zero.
func orNow(t time.Time) time.Time {
	if t.IsZero() {
		return now()
	}
	return t.UTC()
}

// nullString stores an empty string as NULL, for optional columns with UNIQUE constraints.
func nullString(s string) sql.NullString { return sql.NullString{String: s, Valid: s != ""} }

// normCode puts a join or rejoin code in its stored form (session.NormalizeCode: upper case,
// no spaces or dashes), on write and on lookup alike, so a code matches however it is typed.
func normCode(code string) string { return session.NormalizeCode(code) }

// scanner is a *sql.Row or *sql.Rows.
type scanner interface{ Scan(dest ...any) error }

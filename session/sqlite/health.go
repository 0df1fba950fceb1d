package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// errProbe undoes the write health check's change; it is the answer a working store gives.
var errProbe = errors.New("health probe rolled back")

// CheckWritable proves the store can still write: it queues a write like any other, which
// takes the write lock, rewrites the database header (PRAGMA user_version, to the value it
// has) and is rolled back. It fails if the writer is stuck, the lock cannot be had within the
// busy timeout, or the file has become read-only. A full disk shows only when a commit needs
// room, so LastCommit says when one last succeeded.
func (s *Store) CheckWritable(ctx context.Context) error {
	err := s.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		var v int64
		if err := tx.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, v)); err != nil {
			return err
		}
		return errProbe
	})
	if errors.Is(err, errProbe) {
		return nil
	}
	if err == nil {
		err = errors.New("the probe was committed instead of rolled back")
	}
	return fmt.Errorf("write to %s: %w", s.path, err)
}

// LastCommit is when a write last committed in this process (zero before the first).
func (s *Store) LastCommit() time.Time {
	n := s.lastCommit.Load()
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(0, n)
}

// committed notes a successful commit, for LastCommit.
func (s *Store) committed() { s.lastCommit.Store(time.Now().UnixNano()) }

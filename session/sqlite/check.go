package sqlite

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// createPrivate creates the database file, if it is missing, readable and writable by its
// owner alone. SQLite gives the -wal and -shm files it makes beside it the same permissions,
// so the whole database stays private to the account that runs the server, whatever the umask.
func createPrivate(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return nil
	}
	if err != nil {
		return plainOpenError(path, err)
	}
	return f.Close()
}

// plainOpenError words a failure to open the database so the person starting the server
// knows what to change: a directory or file this account may not write is named as such,
// instead of SQLite's "unable to open database file (14)".
func plainOpenError(path string, err error) error {
	dir := filepath.Dir(path)
	var se *sqlite.Error
	isCode := func(code int) bool { return errors.As(err, &se) && se.Code()&0xff == code }
	switch {
	case errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) ||
		isCode(sqlite3.SQLITE_CANTOPEN) || isCode(sqlite3.SQLITE_READONLY):
		// In WAL mode the database needs to create its -wal and -shm files beside it, so a
		// directory it cannot write stops it even when the file itself is writable.
		if !writableDir(dir) {
			return fmt.Errorf("the directory %s is read-only for this user, and the database needs to create files in it: make it writable (chmod u+w %s): %w", dir, dir, err)
		}
		f, ferr := os.OpenFile(path, os.O_RDWR, 0)
		if ferr != nil {
			return fmt.Errorf("the database file %s cannot be opened for writing by this user; run chmod 600 %s as its owner: %w", path, path, err)
		}
		_ = f.Close()
	case isCode(sqlite3.SQLITE_FULL):
		return fmt.Errorf("the disk holding %s is full: free some space: %w", dir, err)
	}
	return err
}

// writableDir says whether this process can create a file in dir, by trying: permission bits
// alone do not tell (root, read-only mounts, access lists).
func writableDir(dir string) bool {
	f, err := os.CreateTemp(dir, ".workshop-probe-*")
	if err != nil {
		return false
	}
	name := f.Name()
	_ = f.Close()
	_ = os.Remove(name)
	return true
}

// ErrDamaged is wrapped by Check when the database fails its integrity check.
var ErrDamaged = errors.New("the database is damaged")

// Check verifies the database's structure with SQLite's quick_check (every page and record;
// full also checks that every index matches its table, with integrity_check, which costs
// several times more on a large file). It returns an error wrapping ErrDamaged that names the
// first problems found.
func (s *Store) Check(ctx context.Context, full bool) error {
	pragma := "PRAGMA quick_check(5)"
	if full {
		pragma = "PRAGMA integrity_check(5)"
	}
	rows, err := s.r.QueryContext(ctx, pragma)
	if err != nil {
		return s.damaged(err.Error(), err)
	}
	defer func() { _ = rows.Close() }() // rows.Err reports what went wrong while reading
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return s.damaged(err.Error(), err)
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		return s.damaged(err.Error(), err)
	}
	if len(problems) > 0 {
		return s.damaged(strings.Join(problems, "; "), nil)
	}
	return nil
}

func (s *Store) damaged(detail string, cause error) error {
	if cause != nil && !isCorrupt(cause) {
		return fmt.Errorf("check database %s: %w", s.path, cause)
	}
	return fmt.Errorf("%w: %s failed its integrity check (%s)", ErrDamaged, s.path, detail)
}

// isCorrupt says whether err is SQLite's word for a damaged file.
func isCorrupt(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
			return true
		}
	}
	return strings.Contains(err.Error(), "malformed")
}

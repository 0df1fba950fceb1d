package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"runtime"

	"workshop/session"
	"workshop/session/sqlite"
)

// checkPermissions refuses to serve from data that other users of the machine could change
// or, for the host key, read — the server's identity and everyone's answers would be theirs —
// and warns about data others can read. Each message names the file and the command that
// fixes it. Permission bits mean nothing on Windows, so it checks nothing there.
func checkPermissions(g *globals, log *slog.Logger) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	dir := g.dataDir
	fi, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("data directory %s: %w", dir, err)
	}
	perm := fi.Mode().Perm()
	switch {
	case perm&0o022 != 0:
		return session.Errorf(session.EInvalid, "data directory %s can be changed by other users (mode %s), who could replace the database or the host key; run chmod 700 %s", dir, octal(perm), dir)
	case perm&0o077 != 0:
		log.Warn(fmt.Sprintf("data directory %s can be listed by other users (mode %04o); run chmod 700 %s", dir, perm, dir))
	}
	key := g.hostKeyPath()
	if perm, ok, err := modeOf(key); err != nil {
		return err
	} else if ok && perm&0o077 != 0 {
		return session.Errorf(session.EInvalid, "host key %s is readable by other users (mode %s), who could pose as this server; run chmod 600 %s", key, octal(perm), key)
	}
	for _, f := range []string{g.dbPath(), g.dbPath() + "-wal", g.dbPath() + "-shm"} {
		perm, ok, err := modeOf(f)
		switch {
		case err != nil:
			return err
		case ok && perm&0o022 != 0:
			return session.Errorf(session.EInvalid, "database file %s can be changed by other users (mode %s); run chmod 600 %s", f, octal(perm), f)
		case ok && perm&0o077 != 0:
			log.Warn(fmt.Sprintf("database file %s is readable by other users (mode %04o), and it holds everyone's answers; run chmod 600 %s", f, perm, f))
		}
	}
	return nil
}

// modeOf returns a file's permission bits; ok is false if there is no such file.
func modeOf(path string) (perm fs.FileMode, ok bool, err error) {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("check %s: %w", path, err)
	}
	return fi.Mode().Perm(), true, nil
}

// checkDatabase refuses a database whose pages are damaged, before anyone's answers are
// written over it. quick_check reads every page (about 0.6 s for 400 MB of answers, half the
// time of the full integrity_check); `workshop check` runs the full one.
func checkDatabase(ctx context.Context, st *sqlite.Store, full bool) error {
	err := st.Check(ctx, full)
	if errors.Is(err, sqlite.ErrDamaged) {
		return fmt.Errorf("%w. Nothing was changed. Restore the newest backup over %s (see `workshop backup --help`) and start again", err, st.Path())
	}
	return err
}

// octal writes permission bits as chmod takes them: 0644.
func octal(perm fs.FileMode) string { return fmt.Sprintf("%04o", perm) }

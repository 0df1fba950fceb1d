package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	_ "time/tzdata" // --tz works on machines without a time zone database

	"github.com/spf13/cobra"

	"workshop/command"
	"workshop/content"
	"workshop/session"
	"workshop/session/sqlite"
)

// newExportCmd mounts the shared export command for the server's shell: it reads the data
// directory as the shell user and can write files (-o).
func newExportCmd(g *globals) *cobra.Command {
	cmd := command.Export(&command.Env{
		Open: func(context.Context) (*session.Manager, func(), error) {
			st, err := openExisting(g)
			if err != nil {
				return nil, nil, err
			}
			// Every cohort's own module version is in the store; the built-in library only
			// saves parsing the ones that are built in.
			lib, _, err := content.NewLibrary("")
			if err != nil {
				_ = st.Close() // nothing was written
				return nil, nil, fmt.Errorf("load modules: %w", err)
			}
			return session.NewManager(st, lib, nil), func() { _ = st.Close() }, nil
		},
		Actor:   shellActor(),
		Version: version,
		Front:   command.Shell,
		P:       g.printer(),
	})
	cmd.ValidArgsFunction = completeCohorts(g)
	_ = cmd.RegisterFlagCompletionFunc("format", completeFormats) // the flag exists: Export made it
	return cmd
}

func newBackupCmd(g *globals) *cobra.Command {
	p := g.printer()
	return &cobra.Command{
		Use:   "backup FILE|DIR/",
		Short: p.T("Copy the database safely, even while the server runs"),
		Long: p.T(`Write a consistent copy of the live database (SQLite's VACUUM INTO: one snapshot, compacted,
synced to disk). It is safe while the server runs and never overwrites an existing file.

Give a directory (one that exists, or a path ending in /) to get a complete data directory:
the copy as workshop.db next to a copy of the server's host key. To restore, stop the server
and start it on that directory:

  workshop backup /backups/tuesday/
  workshop serve --data /backups/tuesday

A backup written to a FILE is restored by putting it in a data directory as workshop.db,
with the host key beside it (participants' ssh clients trust that key).`),
		Example: `  workshop backup /backups/$(date +%F)/
  workshop backup workshop-2026-03-10.db`,
		Args: exactArgs(1, p.T("a FILE or DIR/ to write the copy to")),
		RunE: func(cmd *cobra.Command, args []string) error {
			dest, dir := args[0], ""
			if fi, err := os.Stat(dest); (err == nil && fi.IsDir()) || strings.HasSuffix(dest, "/") || strings.HasSuffix(dest, string(filepath.Separator)) {
				dir, dest = dest, filepath.Join(dest, "workshop.db")
			}
			st, err := openExisting(g)
			if err != nil {
				return err
			}
			defer func() { _ = st.Close() }() // every write is committed before it returns
			if err := st.Backup(cmd.Context(), dest); err != nil {
				if errors.Is(err, fs.ErrExist) {
					return session.Errorf(session.EConflict, "%s already exists; a backup never replaces a file: choose a new name", dest)
				}
				return err
			}
			// The copy holds everyone's work: readable by the owner only, wherever it lands.
			if err := os.Chmod(dest, 0o600); err != nil {
				return fmt.Errorf("backup written to %s, but its permissions could not be restricted: %w", dest, err)
			}
			size := int64(0)
			if fi, err := os.Stat(dest); err == nil {
				size = fi.Size()
			}
			w := cmd.OutOrStdout()
			fmt.Fprintln(w, p.T("Backed up %s to %s (%s KB).", g.dbPath(), dest, p.Int(int((size+1023)/1024))))
			if dir == "" {
				fmt.Fprintln(w, p.T("To restore: put it in a data directory as workshop.db with the host key %s beside it, and run workshop serve --data THAT_DIRECTORY.", g.hostKeyPath()))
				return nil
			}
			if err := copyHostKey(g.hostKeyPath(), filepath.Join(dir, "host_ed25519")); err != nil {
				fmt.Fprintln(w, p.T("The host key was not copied (%s): copy %s into %s yourself, or participants' ssh will warn of a changed host.", err.Error(), g.hostKeyPath(), dir))
			}
			fmt.Fprintln(w, p.T("To restore: stop the server, then run workshop serve --data %s", dir))
			return nil
		},
	}
}

// openExisting opens the data directory's database, refusing to create an empty one where a
// person mistyped --data.
func openExisting(g *globals) (*sqlite.Store, error) {
	if _, err := os.Stat(g.dbPath()); err != nil {
		return nil, session.Errorf(session.ENotFound, "no database at %s: give the server's data directory with --data (or WORKSHOP_DATA)", g.dbPath())
	}
	return g.openStore()
}

// copyHostKey copies the server's private host key with owner-only permissions; it never
// replaces an existing file.
func copyHostKey(src, dst string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		_ = f.Close() // the failed write is what matters
		return err
	}
	if err := f.Sync(); err != nil {
		_ = f.Close() // the failed sync is what matters
		return err
	}
	return f.Close()
}

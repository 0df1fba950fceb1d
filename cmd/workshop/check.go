package main

import (
	"fmt"
	"log/slog"

	"github.com/spf13/cobra"
)

func newCheckCmd(g *globals) *cobra.Command {
	p := g.printer()
	return &cobra.Command{
		Use:   "check",
		Short: p.T("Check the data directory: who can reach its files, and the database's full integrity"),
		Long: p.T(`Check what the server checks at start, and more: that other users cannot change the data
directory or read the host key (a warning if they can read the database), and the full SQLite
integrity check of every page and index (the server runs the quicker quick_check at start).
It changes nothing and works while the server is running.`),
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			log := slog.New(slog.NewTextHandler(cmd.ErrOrStderr(), nil))
			if err := checkPermissions(g, log); err != nil {
				return err
			}
			st, err := g.openStore()
			if err != nil {
				return err
			}
			defer func() { _ = st.Close() }() // the check only reads
			if err := checkDatabase(cmd.Context(), st, true); err != nil {
				return err
			}
			_, err = fmt.Fprintln(cmd.OutOrStdout(), p.T("ok: %s passes the full integrity check", st.Path()))
			return err
		},
	}
}

package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"workshop/command"
	"workshop/session"
)

// newFacilitatorCmd groups the commands that keep the register of facilitator keys.
func newFacilitatorCmd(g *globals) *cobra.Command {
	p := g.printer()
	cmd := &cobra.Command{
		Use:   "facilitator",
		Short: p.T("Register, list and remove facilitator keys"),
		Long:  p.T("Facilitators are recognised by a registered SSH public key. A registered key that connects gets the facilitator console and may run facilitator commands over SSH. Changes take effect at once, without restarting the server."),
	}
	cmd.AddCommand(newFacilitatorAddCmd(g), newFacilitatorListCmd(g), newFacilitatorRemoveCmd(g))
	return cmd
}

// newFacilitatorAddCmd registers a facilitator's key, given as text or read from a file.
func newFacilitatorAddCmd(g *globals) *cobra.Command {
	p := g.printer()
	var keyFile string
	add := &cobra.Command{
		Use:   "add NAME [KEY]",
		Short: p.T("Register a facilitator by name and public key"),
		Example: `  workshop facilitator add ana --key-file ~/.ssh/id_ed25519.pub
  workshop facilitator add ana "ssh-ed25519 AAAAC3Nza... ana@laptop"`,
		Args: func(cmd *cobra.Command, args []string) error {
			switch {
			case len(args) == 0:
				return session.Errorf(session.EInvalid, "give a NAME and a key: %s NAME --key-file ~/.ssh/id_ed25519.pub", cmd.CommandPath())
			case len(args) == 1 && keyFile == "":
				return session.Errorf(session.EInvalid, "give the public key text or --key-file FILE (see `%s --help`)", cmd.CommandPath())
			case len(args) == 2 && keyFile != "":
				return session.Errorf(session.EInvalid, "give the key either as text or with --key-file, not both")
			case len(args) > 2:
				return session.Errorf(session.EInvalid, `quote the key text: workshop facilitator add NAME "ssh-ed25519 AAAA..."`)
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			keyText, err := facilitatorKey(keyFile, args)
			if err != nil {
				return err
			}
			st, err := g.openStore()
			if err != nil {
				return err
			}
			defer func() { _ = st.Close() }() // every write is committed before it returns
			f, err := session.NewFacilitators(st).Add(cmd.Context(), args[0], keyText)
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), p.T("Registered facilitator %s (%s).", f.Name, f.Fingerprint))
			return nil
		},
	}
	add.Flags().StringVar(&keyFile, "key-file", "", p.T("read the public key from this file (e.g. ~/.ssh/id_ed25519.pub)"))
	return add
}

// facilitatorKey is the public key text of "facilitator add": the file's content when one is
// named, else the second argument. A private key file is refused, so it is never stored.
func facilitatorKey(keyFile string, args []string) (string, error) {
	if keyFile == "" {
		return args[1], nil
	}
	b, err := os.ReadFile(keyFile)
	if err != nil {
		return "", fmt.Errorf("read key file: %w", err)
	}
	if strings.Contains(string(b), "PRIVATE KEY") {
		return "", session.Errorf(session.EInvalid, "%s is a private key: pass the .pub file next to it", keyFile)
	}
	return string(b), nil
}

// newFacilitatorListCmd lists the registered facilitators and their key fingerprints.
func newFacilitatorListCmd(g *globals) *cobra.Command {
	p := g.printer()
	return &cobra.Command{
		Use:   "list",
		Short: p.T("List registered facilitators"),
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := g.openStore()
			if err != nil {
				return err
			}
			defer func() { _ = st.Close() }() // every write is committed before it returns
			fs, err := st.Facilitators(cmd.Context())
			if err != nil {
				return fmt.Errorf("list facilitators: %w", err)
			}
			if len(fs) == 0 {
				fmt.Fprintln(cmd.OutOrStdout(), p.T("No facilitators yet. Add one: workshop facilitator add NAME --key-file ~/.ssh/id_ed25519.pub"))
				return nil
			}
			var rows [][]string
			for _, f := range fs {
				rows = append(rows, []string{f.Name, f.Fingerprint, p.DateTime(f.AddedAt)})
			}
			return command.WriteColumns(cmd.OutOrStdout(), []string{p.T("NAME"), p.T("KEY FINGERPRINT"), p.T("ADDED")}, rows)
		},
	}
}

// newFacilitatorRemoveCmd removes a facilitator; the running server stops taking the key at once.
func newFacilitatorRemoveCmd(g *globals) *cobra.Command {
	p := g.printer()
	return &cobra.Command{
		Use:               "remove NAME",
		Short:             p.T("Remove a facilitator; their key stops working at once"),
		Args:              exactArgs(1, p.T("one NAME")),
		ValidArgsFunction: completeFacilitators(g),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := g.openStore()
			if err != nil {
				return err
			}
			defer func() { _ = st.Close() }() // every write is committed before it returns
			if err := st.RemoveFacilitator(cmd.Context(), args[0]); err != nil {
				if errors.Is(err, session.ErrNotFound) {
					return session.Errorf(session.ENotFound, "no facilitator named %q (see `workshop facilitator list`)", args[0])
				}
				return fmt.Errorf("remove facilitator: %w", err)
			}
			fmt.Fprintln(cmd.OutOrStdout(), p.T("Removed facilitator %s.", args[0]))
			return nil
		},
	}
}

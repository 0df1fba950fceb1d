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
	cmd := &cobra.Command{
		Use:   "facilitator",
		Short: "Register, list and remove facilitator keys",
		Long: `Facilitators are recognised by a registered SSH public key. A registered key that connects
gets the facilitator console and may run facilitator commands over SSH. Changes take effect at
once, without restarting the server.`,
	}
	cmd.AddCommand(newFacilitatorAddCmd(g), newFacilitatorListCmd(g), newFacilitatorRemoveCmd(g))
	return cmd
}

// newFacilitatorAddCmd registers a facilitator's key, given as text or read from a file.
func newFacilitatorAddCmd(g *globals) *cobra.Command {
	var keyFile string
	add := &cobra.Command{
		Use:   "add NAME [KEY]",
		Short: "Register a facilitator by name and public key",
		Example: `  workshop facilitator add ana --key-file ~/.ssh/id_ed25519.pub
  workshop facilitator add ana "ssh-ed25519 AAAAC3Nza... ana@laptop"`,
		Args: func(cmd *cobra.Command, args []string) error {
			switch {
			case len(args) == 0:
				return fmt.Errorf("give a NAME and a key: %s NAME --key-file ~/.ssh/id_ed25519.pub", cmd.CommandPath())
			case len(args) == 1 && keyFile == "":
				return fmt.Errorf("give the public key text or --key-file FILE (see `%s --help`)", cmd.CommandPath())
			case len(args) == 2 && keyFile != "":
				return errors.New("give the key either as text or with --key-file, not both")
			case len(args) > 2:
				return errors.New(`quote the key text: workshop facilitator add NAME "ssh-ed25519 AAAA..."`)
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
			fmt.Fprintf(cmd.OutOrStdout(), "Registered facilitator %s (%s).\n", f.Name, f.Fingerprint)
			return nil
		},
	}
	add.Flags().StringVar(&keyFile, "key-file", "", "read the public key from this file (e.g. ~/.ssh/id_ed25519.pub)")
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
		return "", fmt.Errorf("%s is a private key: pass the .pub file next to it", keyFile)
	}
	return string(b), nil
}

// newFacilitatorListCmd lists the registered facilitators and their key fingerprints.
func newFacilitatorListCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List registered facilitators",
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
				fmt.Fprintln(cmd.OutOrStdout(), "No facilitators yet. Add one: workshop facilitator add NAME --key-file ~/.ssh/id_ed25519.pub")
				return nil
			}
			var rows [][]string
			for _, f := range fs {
				rows = append(rows, []string{f.Name, f.Fingerprint, f.AddedAt.Format("2006-01-02 15:04")})
			}
			return command.WriteColumns(cmd.OutOrStdout(), []string{"NAME", "KEY FINGERPRINT", "ADDED"}, rows)
		},
	}
}

// newFacilitatorRemoveCmd removes a facilitator; the running server stops taking the key at once.
func newFacilitatorRemoveCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:               "remove NAME",
		Short:             "Remove a facilitator; their key stops working at once",
		Args:              exactArgs(1, "one NAME"),
		ValidArgsFunction: completeFacilitators(g),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := g.openStore()
			if err != nil {
				return err
			}
			defer func() { _ = st.Close() }() // every write is committed before it returns
			if err := st.RemoveFacilitator(cmd.Context(), args[0]); err != nil {
				if errors.Is(err, session.ErrNotFound) {
					return fmt.Errorf("no facilitator named %q (see `workshop facilitator list`)", args[0])
				}
				return fmt.Errorf("remove facilitator: %w", err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "Removed facilitator %s.\n", args[0])
			return nil
		},
	}
}

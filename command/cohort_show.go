package command

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"workshop/session"
)

// CohortShow is `cohort show CODE`: a cohort's codes and how each is used — the join code
// participants type, and the view code that opens the read-only big screen of the room.
func CohortShow(env *Env) *cobra.Command {
	p := env.Printer()
	return &cobra.Command{
		Use:     "show CODE",
		Short:   p.T("Show a cohort's join code and its big screen's view code, with the ssh lines that use them"),
		Long:    p.T("Show a cohort's codes. Participants join with the join code. The view code opens the cohort's big screen — a read-only view of the room for a projector or a shared call — and nothing else: it cannot be used to join, and it shows only what every participant sees, with no names. Give it only to whoever runs the projector. A facilitator can also open the big screen with `ssh -t HOST screen CODE`."),
		Example: `  {prog} cohort show K7MQ2P`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			return env.withManager(ctx, func(m *session.Manager) error {
				// The view code is a credential: only a facilitator reads it.
				if _, err := m.Authorize(ctx, env.Actor); err != nil {
					return err
				}
				c, err := m.CohortByCode(ctx, args[0])
				if errors.Is(err, session.ErrUnknownCode) {
					return unknownCode(args[0])
				}
				if err != nil {
					return fmt.Errorf("cohort %q: %w", args[0], err)
				}
				return printCodes(cmd, env, c)
			})
		},
	}
}

// printCodes writes a cohort's join and view codes with the lines that use them.
func printCodes(cmd *cobra.Command, env *Env, c session.Cohort) error {
	out, p := cmd.OutOrStdout(), env.Printer()
	join, view := c.Code, c.ViewCode
	if env.JoinLine != nil {
		join = env.JoinLine(c.Code)
		view = p.T("%s  (then type %s)", env.JoinLine("view"), c.ViewCode)
	}
	_, err := fmt.Fprint(out, p.T("Cohort:      %s (%s)\nJoin code:   %s\nJoin with:   %s\nView code:   %s\nBig screen:  %s\n",
		c.Name, c.ModuleID, c.Code, join, c.ViewCode, view))
	return err
}

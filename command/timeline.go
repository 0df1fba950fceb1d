package command

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"workshop/session"
)

// Timeline is `timeline CODE [--last N]`: who did what and when.
func Timeline(env *Env) *cobra.Command {
	var last int
	cmd := &cobra.Command{
		Use:   "timeline CODE [--last N]",
		Short: "Show who did what and when in a cohort, oldest first",
		Args:  cobra.ExactArgs(1),
		RunE: env.onHub(func(cmd *cobra.Command, _ []string, h *session.Hub) error {
			evs, err := h.RecentActions(cmd.Context(), env.Actor, last)
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "TIME (UTC)\tWHO\tACTION\tDETAIL")
			for _, ev := range evs {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", ev.At.UTC().Format("2006-01-02 15:04:05"), ev.Actor, ev.Action, ev.Detail)
			}
			return tw.Flush()
		}),
	}
	cmd.Flags().IntVar(&last, "last", 0, "only the last N events")
	return cmd
}

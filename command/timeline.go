package command

import (
	"github.com/spf13/cobra"

	"workshop/session"
)

// Timeline is `timeline CODE [--last N]`: who did what and when.
func Timeline(env *Env) *cobra.Command {
	var last int
	p := env.Printer()
	cmd := &cobra.Command{
		Use:   "timeline CODE [--last N]",
		Short: p.T("Show who did what and when in a cohort, oldest first"),
		Args:  cobra.ExactArgs(1),
		RunE: env.onHub(func(cmd *cobra.Command, _ []string, h *session.Hub) error {
			evs, err := h.RecentActions(cmd.Context(), env.Actor, last)
			if err != nil {
				return err
			}
			rows := make([][]string, 0, len(evs))
			for _, ev := range evs {
				at := ev.At.UTC()
				rows = append(rows, []string{p.Date(at) + " " + at.Format("15:04:05"), ev.Actor, p.Msg(session.ActionMsg(ev.Action)), ev.Detail})
			}
			return WriteColumns(cmd.OutOrStdout(), []string{p.T("TIME (UTC)"), p.T("WHO"), p.T("ACTION"), p.T("DETAIL")}, rows)
		}),
	}
	cmd.Flags().IntVar(&last, "last", 0, p.T("only the last N events"))
	return cmd
}

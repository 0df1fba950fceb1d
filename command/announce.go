package command

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"workshop/session"
)

// Announce is `announce CODE "text"` and `announce CODE --clear`.
func Announce(env *Env) *cobra.Command {
	var clear bool
	p := env.Printer()
	cmd := &cobra.Command{
		Use:   `announce CODE "text" | announce CODE --clear`,
		Short: p.T("Show a message on every screen until it is cleared"),
		Example: `  {prog} announce K7MQ2P "Back at 10:30"
  {prog} announce K7MQ2P --clear`,
		Args: cobra.MinimumNArgs(1),
		RunE: env.onHub(func(cmd *cobra.Command, args []string, h *session.Hub) error {
			text := strings.Join(args[1:], " ")
			if clear {
				if text != "" {
					return session.Errorf(session.EInvalid, "give either a message or --clear, not both")
				}
				if err := h.DismissAnnouncement(cmd.Context(), env.Actor); err != nil {
					return err
				}
				fmt.Fprintln(cmd.OutOrStdout(), p.T("announcement cleared"))
				return nil
			}
			if err := h.Announce(cmd.Context(), env.Actor, text); err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), p.T("Announcement: %s", h.Snapshot().Cohort.Live.Announcement.Text))
			return nil
		}),
	}
	cmd.Flags().BoolVar(&clear, "clear", false, p.T("take the announcement off every screen"))
	return cmd
}

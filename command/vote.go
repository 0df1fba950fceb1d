package command

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"workshop/session"
)

// Vote is `vote CODE open|close|reveal|hide [STEP]`.
func Vote(env *Env) *cobra.Command {
	p := env.Printer()
	return &cobra.Command{
		Use:   "vote CODE open|close|reveal|hide [STEP]",
		Short: p.T("Open or close a vote step, and reveal its results to everyone or hide them"),
		Args:  cobra.MinimumNArgs(2),
		RunE: env.onHub(func(cmd *cobra.Command, args []string, h *session.Hub) error {
			ctx, by := cmd.Context(), env.Actor
			st, idx, err := stepArg(h, args, 2)
			if err != nil {
				return err
			}
			switch strings.ToLower(args[1]) {
			case "open":
				err = h.OpenVote(ctx, by, st.ID)
			case "close":
				err = h.CloseVote(ctx, by, st.ID)
			case "reveal":
				err = h.RevealVote(ctx, by, st.ID)
			case "hide":
				err = h.HideVote(ctx, by, st.ID)
			default:
				return session.Errorf(session.EInvalid, "%q: say open, close, reveal or hide", args[1])
			}
			if err != nil {
				return err
			}
			v := h.Snapshot().Cohort.Live.Vote(st.ID)
			var said string
			switch {
			case v.Closed && v.Revealed:
				said = p.T("vote on step %d — %s is closed; results shown to everyone", idx+1, st.Title)
			case v.Closed:
				said = p.T("vote on step %d — %s is closed; results hidden", idx+1, st.Title)
			case v.Revealed:
				said = p.T("vote on step %d — %s is open; results shown to everyone", idx+1, st.Title)
			default:
				said = p.T("vote on step %d — %s is open; results hidden", idx+1, st.Title)
			}
			fmt.Fprintln(cmd.OutOrStdout(), said)
			return nil
		}),
	}
}

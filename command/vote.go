package command

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"workshop/session"
)

// Vote is `vote CODE open|close|reveal|hide [STEP]`.
func Vote(env *Env) *cobra.Command {
	return &cobra.Command{
		Use:   "vote CODE open|close|reveal|hide [STEP]",
		Short: "Open or close a vote step, and reveal its results to everyone or hide them",
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
			state, shown := "open", "hidden"
			if v.Closed {
				state = "closed"
			}
			if v.Revealed {
				shown = "shown to everyone"
			}
			fmt.Fprintf(cmd.OutOrStdout(), "vote on step %d — %s is %s; results %s\n", idx+1, st.Title, state, shown)
			return nil
		}),
	}
}

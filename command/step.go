package command

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"workshop/session"
)

// Step is `step CODE next|prev|N|undo`: moving a cohort through its module.
func Step(env *Env) *cobra.Command {
	return &cobra.Command{
		Use:   "step CODE next|prev|N|undo",
		Short: "Move a cohort to the next, previous or Nth step (1-based), or undo the last move",
		Example: `  {prog} step K7MQ2P next
  {prog} step K7MQ2P 3
  {prog} step K7MQ2P undo`,
		Args: cobra.ExactArgs(2),
		RunE: env.onHub(func(cmd *cobra.Command, args []string, h *session.Hub) error {
			ctx, by := cmd.Context(), env.Actor
			var err error
			switch strings.ToLower(args[1]) {
			case "next", "+":
				err = h.MoveBy(ctx, by, +1)
			case "prev", "previous", "-":
				err = h.MoveBy(ctx, by, -1)
			case "undo":
				err = h.UndoMove(ctx, by)
			default:
				n, convErr := strconv.Atoi(args[1])
				if convErr != nil {
					return session.Errorf(session.EInvalid, "%q is not a step: use next, prev, undo or a step number", args[1])
				}
				err = h.Move(ctx, by, n-1)
			}
			if err != nil {
				return err
			}
			s := h.Snapshot()
			fmt.Fprintf(cmd.OutOrStdout(), "%s is on step %d of %d — %s\n", s.Cohort.Code, s.Cohort.Step+1, len(s.Module.Steps), s.Module.Steps[s.Cohort.Step].Title)
			return nil
		}),
	}
}

// Pace is `pace CODE led|self`.
func Pace(env *Env) *cobra.Command {
	return &cobra.Command{
		Use:   "pace CODE led|self",
		Short: "Switch between facilitator-led and self-paced while the session runs",
		Long: `led: everyone is on the facilitator's step. self: each participant moves on their own, starting
from the group's step, and the roster shows where everyone is.`,
		Args: cobra.ExactArgs(2),
		RunE: env.onHub(func(cmd *cobra.Command, args []string, h *session.Hub) error {
			p, err := session.ParsePace(strings.ToLower(args[1]))
			if err != nil {
				return err
			}
			if err := h.SetPace(cmd.Context(), env.Actor, p); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s is %s-paced\n", h.Snapshot().Cohort.Code, p)
			return nil
		}),
	}
}

// Lock is `lock CODE [STEP]`, or with lock false `unlock CODE [STEP]`.
func Lock(env *Env, lock bool) *cobra.Command {
	use, short := "lock CODE [STEP]", "Make a step read-only for participants (the current step if none is given)"
	if !lock {
		use, short = "unlock CODE [STEP]", "Let participants change their work on a step again"
	}
	return &cobra.Command{
		Use:   use,
		Short: short,
		Args:  cobra.MinimumNArgs(1),
		RunE: env.onHub(func(cmd *cobra.Command, args []string, h *session.Hub) error {
			st, idx, err := stepArg(h, args, 1)
			if err != nil {
				return err
			}
			state := "locked"
			if lock {
				err = h.Lock(cmd.Context(), env.Actor, st.ID)
			} else {
				err, state = h.Unlock(cmd.Context(), env.Actor, st.ID), "unlocked"
			}
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "step %d — %s is %s\n", idx+1, st.Title, state)
			return nil
		}),
	}
}

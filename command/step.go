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
	p := env.Printer()
	return &cobra.Command{
		Use:   "step CODE next|prev|N|undo",
		Short: p.T("Move a cohort to the next, previous or Nth step (1-based), or undo the last move"),
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
			fmt.Fprintln(cmd.OutOrStdout(), p.T("%s is on step %d of %d — %s", s.Cohort.Code, s.Cohort.Step+1, len(s.Module.Steps), s.Module.Steps[s.Cohort.Step].Title))
			return nil
		}),
	}
}

// Pace is `pace CODE led|self`.
func Pace(env *Env) *cobra.Command {
	p := env.Printer()
	return &cobra.Command{
		Use:   "pace CODE led|self",
		Short: p.T("Switch between facilitator-led and self-paced while the session runs"),
		Long:  p.T("led: everyone is on the facilitator's step. self: each participant moves on their own, starting from the group's step, and the roster shows where everyone is."),
		Args:  cobra.ExactArgs(2),
		RunE: env.onHub(func(cmd *cobra.Command, args []string, h *session.Hub) error {
			pc, err := session.ParsePace(strings.ToLower(args[1]))
			if err != nil {
				return err
			}
			if err := h.SetPace(cmd.Context(), env.Actor, pc); err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), p.T("%s is %s", h.Snapshot().Cohort.Code, paceText(p, pc)))
			return nil
		}),
	}
}

// Lock is `lock CODE [STEP]`, or with lock false `unlock CODE [STEP]`.
func Lock(env *Env, lock bool) *cobra.Command {
	p := env.Printer()
	use, short := "lock CODE [STEP]", p.T("Make a step read-only for participants (the current step if none is given)")
	if !lock {
		use, short = "unlock CODE [STEP]", p.T("Let participants change their work on a step again")
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
			said := p.T("step %d — %s is locked", idx+1, st.Title)
			if lock {
				err = h.Lock(cmd.Context(), env.Actor, st.ID)
			} else {
				err, said = h.Unlock(cmd.Context(), env.Actor, st.ID), p.T("step %d — %s is unlocked", idx+1, st.Title)
			}
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), said)
			return nil
		}),
	}
}

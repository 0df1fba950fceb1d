package command

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"workshop/content"
	"workshop/i18n"
	"workshop/session"
)

// Spotlight is `spotlight CODE [KEY | --team TEAM | --release] [--step N]`.
func Spotlight(env *Env) *cobra.Command {
	var release, byTeam bool
	var step string
	p := env.Printer()
	cmd := &cobra.Command{
		Use:   "spotlight CODE [KEY | --team TEAM | --release] [--step N]",
		Short: p.T("Show one answer or one team's board on every participant's screen, or release it"),
		Long:  p.T("Without a key, lists the answers of the step (the current one, or --step N) with their keys; anonymous items are listed without any author. With a key, or --team and a team's name, puts a copy of that answer or board on every participant's screen until --release."),
		Example: `  {prog} spotlight K7MQ2P
  {prog} spotlight K7MQ2P p12
  {prog} spotlight K7MQ2P --team Team 2
  {prog} spotlight K7MQ2P --release`,
		Args: cobra.MinimumNArgs(1),
		RunE: env.onHub(func(cmd *cobra.Command, args []string, h *session.Hub) error {
			ctx, out := cmd.Context(), cmd.OutOrStdout()
			if release {
				if err := h.ReleaseSpotlight(ctx, env.Actor); err != nil {
					return err
				}
				fmt.Fprintln(out, p.T("spotlight released"))
				return nil
			}
			var refs []string
			if step != "" {
				refs = []string{step}
			}
			st, idx, err := stepArg(h, refs, 0)
			if err != nil {
				return err
			}
			rest := strings.Join(args[1:], " ")
			switch {
			case byTeam:
				t, err := h.Snapshot().TeamByName(rest)
				if err != nil {
					return err
				}
				if err := h.SpotlightTeam(ctx, env.Actor, st.ID, t.ID); err != nil {
					return err
				}
			case rest != "":
				if err := h.Spotlight(ctx, env.Actor, st.ID, rest); err != nil {
					return err
				}
			default:
				wall, err := h.WallIn(ctx, env.Actor, st.ID, p)
				if err != nil {
					return err
				}
				return printWall(out, p, idx, st, wall)
			}
			sp := h.Snapshot().Cohort.Live.Spotlight
			fmt.Fprintf(out, "%s\n%s\n", p.T("Spotlight: %s", sp.TitleMsg()), sp.Text)
			return nil
		}),
	}
	cmd.Flags().BoolVar(&release, "release", false, p.T("take the spotlight off every screen"))
	cmd.Flags().BoolVar(&byTeam, "team", false, p.T("spotlight the board of the team named after the code"))
	cmd.Flags().StringVar(&step, "step", "", p.T("step number or id (default: the current step)"))
	return cmd
}

func printWall(out io.Writer, p *i18n.Printer, idx int, st content.Step, wall []session.WallEntry) error {
	if st.Exercise == nil {
		return session.Errorf(session.EInvalid, "step %d — %s has no exercise, so no answers", idx+1, st.Title)
	}
	if len(wall) == 0 {
		fmt.Fprintln(out, p.T("no answers on step %d — %s yet", idx+1, st.Title))
		return nil
	}
	fmt.Fprintln(out, p.T("Answers on step %d — %s (spotlight one with its key):", idx+1, st.Title))
	for _, e := range wall {
		who := e.Author
		switch {
		case e.Team != "":
			who = e.Team
		case who == "":
			who = p.T("anonymous")
		case e.Status == session.StatusDraft:
			who = p.T("%s (draft)", who)
		}
		fmt.Fprintf(out, "\n[%s] %s\n", e.Key, who)
		for _, l := range strings.Split(e.Text, "\n") {
			fmt.Fprintf(out, "  %s\n", l)
		}
	}
	return nil
}

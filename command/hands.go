package command

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"workshop/i18n"
	"workshop/session"
)

// Hands is `hands CODE [--clear NAME|all]`: the raised hands, and answering them.
func Hands(env *Env) *cobra.Command {
	var clear bool
	p := env.Printer()
	cmd := &cobra.Command{
		Use:   "hands CODE [--clear NAME|all]",
		Short: p.T("List raised hands, longest waiting first, or clear one or all of them"),
		Example: `  {prog} hands K7MQ2P
  {prog} hands K7MQ2P --clear Ana Souza
  {prog} hands K7MQ2P --clear all`,
		Args: cobra.MinimumNArgs(1),
		RunE: env.onHub(func(cmd *cobra.Command, args []string, h *session.Hub) error {
			who := session.CleanLine(strings.Join(args[1:], " "))
			if !clear {
				if who != "" {
					return session.Errorf(session.EInvalid, "to clear %s's hand add --clear", who)
				}
				return printHands(cmd.OutOrStdout(), p, h.Snapshot(), env.now())
			}
			return clearHands(cmd, env, h, args[0], who)
		}),
	}
	cmd.Flags().BoolVar(&clear, "clear", false, p.T("clear the hand of the participant named after the code, or of all"))
	return cmd
}

// clearHands clears the hand of the participant called who in the cohort code, or all hands.
func clearHands(cmd *cobra.Command, env *Env, h *session.Hub, code, who string) error {
	out, p := cmd.OutOrStdout(), env.Printer()
	if who == "" {
		return session.Errorf(session.EInvalid, "say whose hand to clear: --clear NAME, or --clear all")
	}
	if strings.EqualFold(who, "all") {
		n, err := h.ClearAllHands(cmd.Context(), env.Actor)
		if err != nil {
			return err
		}
		fmt.Fprintln(out, p.T("cleared %d raised hands", n))
		return nil
	}
	matches := h.Snapshot().MembersByName(who)
	switch {
	case len(matches) == 0:
		return session.Errorf(session.EInvalid, "nobody in %s is called %q (see `roster %s`)", code, who, code)
	case len(matches) > 1:
		return session.Errorf(session.EInvalid, "%d participants are called %q (%s): name one as the roster shows them", len(matches), who, session.LabelsOf(matches))
	case matches[0].Hand == nil:
		return session.Errorf(session.EInvalid, "%s has no hand raised", matches[0].Label())
	}
	if err := h.ClearHand(cmd.Context(), env.Actor, matches[0].ID); err != nil {
		return err
	}
	fmt.Fprintln(out, p.T("cleared %s's hand", matches[0].Label()))
	return nil
}

func printHands(out io.Writer, p *i18n.Printer, s *session.Snapshot, now time.Time) error {
	var up []session.Member
	for _, m := range s.Roster {
		if m.Hand != nil {
			up = append(up, m)
		}
	}
	if len(up) == 0 {
		fmt.Fprintln(out, p.T("no hands raised"))
		return nil
	}
	slices.SortStableFunc(up, func(a, b session.Member) int { return a.Hand.At.Compare(b.Hand.At) })
	rows := make([][]string, 0, len(up))
	for _, m := range up {
		rows = append(rows, []string{m.Label(), since(p, now, m.Hand.At), m.Hand.Text})
	}
	return WriteColumns(out, []string{p.T("NAME"), p.T("WAITING"), p.T("MESSAGE")}, rows)
}

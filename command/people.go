package command

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"workshop/session"
)

// Seats is `seats CODE [--format text|csv]`: every keyless participant's seat (rejoin) code,
// to print or mail again.
func Seats(env *Env) *cobra.Command {
	var format string
	p := env.Printer()
	cmd := &cobra.Command{
		Use:   "seats CODE [--format text|csv]",
		Short: p.T("List the seat (rejoin) codes of the people in a cohort, for printing or a mail merge"),
		Long:  p.T("List everyone in the cohort with the personal code they enter at the lobby: the seat code of a person imported from a roster, or the rejoin code a keyless participant was given. People who joined with an SSH key come back with their key and show \"-\"."),
		Example: `  {prog} seats K7MQ2P
  {prog} seats K7MQ2P --format csv > seats.csv`,
		Args: cobra.ExactArgs(1),
		RunE: env.onHub(func(cmd *cobra.Command, args []string, h *session.Hub) error {
			if format != "text" && format != "csv" {
				return session.Errorf(session.EInvalid, "--format must be text or csv, not %q", format)
			}
			s := h.Snapshot()
			var seats []seatLine
			for _, m := range s.Roster {
				code, err := h.RejoinCode(cmd.Context(), env.Actor, m.ID)
				if err != nil {
					return err
				}
				pt := m.Participant
				pt.RejoinCode = code
				team := ""
				if t, ok := s.Team(m.TeamID); ok {
					team = t.Name
				}
				seats = append(seats, seatLine{p: pt, team: team})
			}
			if format == "csv" {
				return writeSeatsCSV(cmd.OutOrStdout(), seats, env.JoinLine(s.Cohort.Code))
			}
			if len(seats) == 0 {
				_, err := fmt.Fprintln(cmd.OutOrStdout(), p.T("nobody in %s yet: import a roster with `cohort import %s`", s.Cohort.Code, s.Cohort.Code))
				return err
			}
			return printSeats(cmd.OutOrStdout(), p, seats)
		}),
	}
	cmd.Flags().StringVar(&format, "format", "text", p.T("text, or csv for a mail merge"))
	return cmd
}

// Person is `person rename|code|merge|remove CODE ...`: fixing the records of the people in
// a cohort.
func Person(env *Env) *cobra.Command {
	var format string
	p := env.Printer()
	cmd := &cobra.Command{
		Use:   "person CODE NAME [--format text|json] | person rename|code|merge|remove CODE ...",
		Short: p.T("One participant's page (work, time, attendance, hands, messages), or fix their record"),
		Long:  p.T("With a cohort code and a name, print that participant's page: their work on every step, the time they spent on each, how they attended each meeting, the hands they raised and the direct messages sent to them (and whether they dismissed them), as text or JSON. The console opens the same page with enter on a roster row.\n\nThe subcommands fix the people of a cohort. NAME is a participant as the roster shows them (\"Ana · 2\" for the second Ana). Every change is recorded in the cohort's timeline."),
		Example: `  {prog} person K7MQ2P Ana Souza
  {prog} person K7MQ2P Ana Souza --format json`,
		Args: cobra.ArbitraryArgs,
	}
	cmd.RunE = personPage(env, &format)
	cmd.Flags().StringVar(&format, "format", "text", p.T("text, or json for scripts"))
	cmd.AddCommand(personRename(env), personCode(env), personMerge(env), personRemove(env))
	return cmd
}

func personRename(env *Env) *cobra.Command {
	p := env.Printer()
	return &cobra.Command{
		Use:     "rename CODE NAME=NEW",
		Short:   p.T("Rename a participant"),
		Example: `  {prog} person rename K7MQ2P Ana Sousa=Ana Souza`,
		Args:    cobra.MinimumNArgs(2),
		RunE: env.onHub(func(cmd *cobra.Command, args []string, h *session.Hub) error {
			from, to, ok := strings.Cut(strings.Join(args[1:], " "), "=")
			if !ok {
				return session.Errorf(session.EInvalid, "use NAME=NEW after the code")
			}
			m, err := personByName(h, args[0], from)
			if err != nil {
				return err
			}
			renamed, err := h.RenameParticipant(cmd.Context(), env.Actor, m.ID, to)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintln(cmd.OutOrStdout(), p.T("%s is now %s", m.Label(), renamed.Label()))
			return err
		}),
	}
}

func personCode(env *Env) *cobra.Command {
	var reissue bool
	p := env.Printer()
	cmd := &cobra.Command{
		Use:   "code CODE NAME [--reissue]",
		Short: p.T("Show a participant's rejoin code, or give them a new one"),
		Long:  p.T("Show the rejoin (seat) code a keyless participant enters to come back as themselves, to read it to them. --reissue draws a new one: the old code stops working."),
		Example: `  {prog} person code K7MQ2P Ana Souza
  {prog} person code K7MQ2P Ana Souza --reissue`,
		Args: cobra.MinimumNArgs(2),
		RunE: env.onHub(func(cmd *cobra.Command, args []string, h *session.Hub) error {
			m, err := personByName(h, args[0], strings.Join(args[1:], " "))
			if err != nil {
				return err
			}
			if reissue {
				code, err := h.ReissueRejoinCode(cmd.Context(), env.Actor, m.ID)
				if err != nil {
					return err
				}
				_, err = fmt.Fprintf(cmd.OutOrStdout(), "%s\n%s\n", p.T("new rejoin code of %s (the old one no longer works):", m.Label()), code)
				return err
			}
			code, err := h.RejoinCode(cmd.Context(), env.Actor, m.ID)
			if err != nil {
				return err
			}
			if code == "" {
				return session.Errorf(session.EConflict, "%s joined with an SSH key and comes back with it: they have no rejoin code", m.Label())
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "%s\n%s\n", p.T("rejoin code of %s:", m.Label()), code)
			return err
		}),
	}
	cmd.Flags().BoolVar(&reissue, "reissue", false, p.T("draw a new code; the old one stops working"))
	return cmd
}

func personMerge(env *Env) *cobra.Command {
	p := env.Printer()
	return &cobra.Command{
		Use:     "merge CODE FROM=INTO",
		Short:   p.T("Merge two records of one person: FROM's work goes to INTO, and FROM is gone"),
		Long:    p.T("Merge two records of the same person, such as a keyless participant who lost their rejoin code and came back under the same name: every step's work of FROM ends on INTO, with their time per step and attendance. Where both have work on a step, the newer is kept and the older is written whole into the timeline (and so into exports). INTO keeps their rejoin code (or takes FROM's). FROM must be offline: merge the old record into the one the person is using now."),
		Example: `  {prog} person merge K7MQ2P Ana=Ana · 2`,
		Args:    cobra.MinimumNArgs(2),
		RunE: env.onHub(func(cmd *cobra.Command, args []string, h *session.Hub) error {
			from, into, ok := strings.Cut(strings.Join(args[1:], " "), "=")
			if !ok {
				return session.Errorf(session.EInvalid, "use FROM=INTO after the code: the record to merge away, then the one to keep")
			}
			drop, err := personByName(h, args[0], from)
			if err != nil {
				return err
			}
			keep, err := personByName(h, args[0], into)
			if err != nil {
				return err
			}
			res, err := h.MergeParticipants(cmd.Context(), env.Actor, keep.ID, drop.ID)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintln(cmd.OutOrStdout(), p.T("merged %s into %s: steps whose work moved: %d; steps where both had work, the newer kept and the older in the timeline: %d",
				drop.Label(), res.Kept.Label(), res.Moved, res.Both))
			return err
		}),
	}
}

func personRemove(env *Env) *cobra.Command {
	var yes bool
	p := env.Printer()
	cmd := &cobra.Command{
		Use:   "remove CODE NAME --yes",
		Short: p.T("Remove a participant and all their work, at their request"),
		Long:  p.T("Remove a participant and everything stored about them (work, time per step, attendance), for a person who asks to be removed. It cannot be undone, so it asks for --yes: take an export first (`export CODE`) if the cohort's record must keep what they did. They must be offline."),
		Example: `  {prog} export K7MQ2P --format json > before-removal.json
  {prog} person remove K7MQ2P Ana Souza --yes`,
		Args: cobra.MinimumNArgs(2),
		RunE: env.onHub(func(cmd *cobra.Command, args []string, h *session.Hub) error {
			m, err := personByName(h, args[0], strings.Join(args[1:], " "))
			if err != nil {
				return err
			}
			if !yes {
				return session.Errorf(session.EConflict, "this removes %s and all their work for good; take an export first (export %s), then run it again with --yes", m.Label(), h.Snapshot().Cohort.Code)
			}
			if err := h.RemoveParticipant(cmd.Context(), env.Actor, m.ID); err != nil {
				return err
			}
			_, err = fmt.Fprintln(cmd.OutOrStdout(), p.T("removed %s and their work", m.Label()))
			return err
		}),
	}
	cmd.Flags().BoolVar(&yes, "yes", false, p.T("remove for good"))
	return cmd
}

// personByName is the one participant called who in the cohort, or a refusal saying why not.
func personByName(h *session.Hub, code, who string) (session.Member, error) {
	ms := h.Snapshot().MembersByName(who)
	switch {
	case len(ms) == 0:
		return session.Member{}, session.Errorf(session.ENotFound, "nobody in %s is called %q (see `roster %s`)", code, strings.TrimSpace(who), code)
	case len(ms) > 1:
		return session.Member{}, session.Errorf(session.EInvalid, "%d participants are called %q (%s): name one as the roster shows them", len(ms), strings.TrimSpace(who), session.LabelsOf(ms))
	}
	return ms[0], nil
}

package command

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"workshop/i18n"
	"workshop/session"
)

// teamFlags are the options of the teams command.
type teamFlags struct {
	count, size          int
	byHand, rename, move bool
	by, mix              string
}

// Teams is `teams CODE ...`: listing, splitting, renaming and moving between breakout teams.
func Teams(env *Env) *cobra.Command {
	var f teamFlags
	p := env.Printer()
	cmd := &cobra.Command{
		Use:   "teams CODE [--count N | --size K] [--by-hand] | --by department | --mix department --count N|--size K | --rename OLD=NEW | --move NAME=TEAM",
		Short: p.T("List breakout teams, split the people online into N teams or teams of K, rename or move"),
		Long:  p.T("Without options, lists the teams and their members. --count and --size split the people online now at random (the teams replace any earlier ones; their boards stay stored); --by-hand makes empty teams to fill with --move. --by department makes a team of each department a roster gave (people without one are in no team); --mix department with --count or --size deals each department across the teams, so every team holds as many departments as it can. Both take everyone in the cohort, online or not, as a roster is imported before people arrive. Team exercises use these teams."),
		Example: `  {prog} teams K7MQ2P --count 5
  {prog} teams K7MQ2P --size 4
  {prog} teams K7MQ2P --by department
  {prog} teams K7MQ2P --mix department --count 6
  {prog} teams K7MQ2P --rename Team 1=Blue
  {prog} teams K7MQ2P --move Ana Souza=Blue`,
		Args: cobra.MinimumNArgs(1),
		RunE: env.onHub(func(cmd *cobra.Command, args []string, h *session.Hub) error {
			if err := changeTeams(cmd, env, h, f, args[0], strings.Join(args[1:], " ")); err != nil {
				return err
			}
			return printTeams(cmd.OutOrStdout(), p, h.Snapshot())
		}),
	}
	cmd.Flags().IntVar(&f.count, "count", 0, p.T("split into this many teams"))
	cmd.Flags().IntVar(&f.size, "size", 0, p.T("split into teams of this many people"))
	cmd.Flags().BoolVar(&f.byHand, "by-hand", false, p.T("make empty teams, to fill with --move"))
	cmd.Flags().StringVar(&f.by, "by", "", p.T("department: a team of each department"))
	cmd.Flags().StringVar(&f.mix, "mix", "", p.T("department: teams mixing departments (with --count or --size)"))
	cmd.Flags().BoolVar(&f.rename, "rename", false, p.T("rename a team: OLD=NEW after the code"))
	cmd.Flags().BoolVar(&f.move, "move", false, p.T("move a participant: NAME=TEAM after the code (TEAM 0 for none)"))
	return cmd
}

// changeTeams makes the change the flags ask for in the cohort code; rest is what followed the
// code. Without a change it does nothing.
func changeTeams(cmd *cobra.Command, env *Env, h *session.Hub, f teamFlags, code, rest string) error {
	ctx := cmd.Context()
	switch {
	case f.by != "" || f.mix != "":
		how, word := session.ByDepartment, f.by
		if f.mix != "" {
			how, word = session.MixDepartments, f.mix
		}
		switch {
		case f.by != "" && f.mix != "":
			return session.Errorf(session.EInvalid, "use --by department or --mix department, not both")
		case word != "department" && word != "group":
			return session.Errorf(session.EInvalid, "teams can be made by or mixed across department, not %q", word)
		case f.byHand || f.rename || f.move || rest != "":
			return session.Errorf(session.EInvalid, "--by and --mix go alone (--mix with --count or --size)")
		}
		_, err := h.TeamsByDepartment(ctx, env.Actor, how, session.TeamPlan{Count: f.count, Size: f.size})
		return err
	case f.rename || f.move:
		from, to, ok := strings.Cut(rest, "=")
		if !ok || f.rename == f.move {
			return session.Errorf(session.EInvalid, "use --rename OLD=NEW or --move NAME=TEAM")
		}
		if f.rename {
			t, err := h.Snapshot().TeamByName(from)
			if err != nil {
				return err
			}
			return h.RenameTeam(ctx, env.Actor, t.ID, to)
		}
		return moveToTeam(cmd, env, h, code, from, to)
	case f.count > 0 || f.size > 0:
		if rest != "" {
			return session.Errorf(session.EInvalid, "unexpected %q after the code", rest)
		}
		_, err := h.SplitTeams(ctx, env.Actor, session.TeamPlan{Count: f.count, Size: f.size, ByHand: f.byHand})
		return err
	case f.byHand:
		return session.Errorf(session.EInvalid, "--by-hand goes with --count N or --size K")
	case rest != "":
		return session.Errorf(session.EInvalid, "unexpected %q: to change teams use --count, --size, --rename or --move", rest)
	}
	return nil
}

// moveToTeam moves the participant called who into the team called to ("0" or "none": no team).
func moveToTeam(cmd *cobra.Command, env *Env, h *session.Hub, code, who, to string) error {
	s := h.Snapshot()
	ms := s.MembersByName(who)
	switch {
	case len(ms) == 0:
		return session.Errorf(session.ENotFound, "nobody in %s is called %q (see `roster %s`)", code, strings.TrimSpace(who), code)
	case len(ms) > 1:
		return session.Errorf(session.EInvalid, "%d participants are called %q (%s): name one as the roster shows them", len(ms), strings.TrimSpace(who), session.LabelsOf(ms))
	}
	teamID := int64(0)
	if t := strings.TrimSpace(to); t != "0" && !strings.EqualFold(t, "none") {
		team, err := s.TeamByName(t)
		if err != nil {
			return err
		}
		teamID = team.ID
	}
	return h.MoveToTeam(cmd.Context(), env.Actor, ms[0].ID, teamID)
}

func printTeams(out io.Writer, p *i18n.Printer, s *session.Snapshot) error {
	if len(s.Teams) == 0 {
		fmt.Fprintln(out, p.T("no teams yet: split with --count N or --size K"))
		return nil
	}
	write := func(name string, id int64) {
		var names []string
		for _, m := range s.Roster {
			if m.TeamID == id {
				names = append(names, m.Label())
			}
		}
		fmt.Fprintf(out, "%s (%s): %s\n", name, p.Int(len(names)), strings.Join(names, ", "))
	}
	for _, t := range s.Teams {
		write(t.Name, t.ID)
	}
	write(p.T("No team"), 0)
	return nil
}

package tui

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"workshop/content"
	"workshop/session"
)

// facilitationCommands are the console's actions as SSH commands, for scripts: each takes the
// cohort's join code first, acts through the cohort's hub under the facilitator's name, and
// prints what is true afterwards.
func (f *FrontDoor) facilitationCommands(ctx context.Context, actor session.Actor) []*cobra.Command {
	m := f.manager
	hubOf := func(code string) (*session.Hub, error) {
		h, err := m.HubByCode(ctx, code)
		if errors.Is(err, session.ErrUnknownCode) {
			return nil, session.Errorf(session.ENotFound, "no cohort has the join code %q (see `cohorts`)", code)
		}
		if err != nil {
			return nil, fmt.Errorf("cohort %q: %w", code, err)
		}
		return h, nil
	}
	// onHub runs a command on the hub of the cohort whose join code is its first argument.
	onHub := func(run func(cmd *cobra.Command, args []string, h *session.Hub) error) func(*cobra.Command, []string) error {
		return func(cmd *cobra.Command, args []string) error {
			h, err := hubOf(args[0])
			if err != nil {
				return err
			}
			return run(cmd, args, h)
		}
	}
	// stepArg finds the step named by args[i], or the cohort's current step when absent.
	stepArg := func(h *session.Hub, args []string, i int) (content.Step, int, error) {
		s := h.Snapshot()
		idx := s.Cohort.Step
		if len(args) > i {
			var err error
			if idx, err = session.StepByRef(s.Module, strings.Join(args[i:], " ")); err != nil {
				return content.Step{}, 0, err
			}
		}
		return s.Module.Steps[idx], idx, nil
	}

	step := &cobra.Command{
		Use:   "step CODE next|prev|N|undo",
		Short: "Move a cohort to the next, previous or Nth step (1-based), or undo the last move",
		Example: `  {ssh} step K7MQ2P next
  {ssh} step K7MQ2P 3
  {ssh} step K7MQ2P undo`,
		Args: cobra.ExactArgs(2),
		RunE: onHub(func(cmd *cobra.Command, args []string, h *session.Hub) error {
			var err error
			switch strings.ToLower(args[1]) {
			case "next", "+":
				err = h.MoveBy(ctx, actor, +1)
			case "prev", "previous", "-":
				err = h.MoveBy(ctx, actor, -1)
			case "undo":
				err = h.UndoMove(ctx, actor)
			default:
				n, convErr := strconv.Atoi(args[1])
				if convErr != nil {
					return session.Errorf(session.EInvalid, "%q is not a step: use next, prev, undo or a step number", args[1])
				}
				err = h.Move(ctx, actor, n-1)
			}
			if err != nil {
				return err
			}
			s := h.Snapshot()
			fmt.Fprintf(cmd.OutOrStdout(), "%s is on step %d of %d — %s\n", s.Cohort.Code, s.Cohort.Step+1, len(s.Module.Steps), s.Module.Steps[s.Cohort.Step].Title)
			return nil
		}),
	}

	pace := &cobra.Command{
		Use:   "pace CODE led|self",
		Short: "Switch between facilitator-led and self-paced while the session runs",
		Long: `led: everyone is on the facilitator's step. self: each participant moves on their own, starting
from the group's step, and the roster shows where everyone is.`,
		Args: cobra.ExactArgs(2),
		RunE: onHub(func(cmd *cobra.Command, args []string, h *session.Hub) error {
			var err error
			p, err := session.ParsePace(strings.ToLower(args[1]))
			if err != nil {
				return err
			}
			if err := h.SetPace(ctx, actor, p); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s is %s-paced\n", h.Snapshot().Cohort.Code, p)
			return nil
		}),
	}

	lockCmd := func(lock bool) *cobra.Command {
		use, short := "lock CODE [STEP]", "Make a step read-only for participants (the current step if none is given)"
		if !lock {
			use, short = "unlock CODE [STEP]", "Let participants change their work on a step again"
		}
		return &cobra.Command{
			Use:   use,
			Short: short,
			Args:  cobra.MinimumNArgs(1),
			RunE: onHub(func(cmd *cobra.Command, args []string, h *session.Hub) error {
				var err error
				st, idx, err := stepArg(h, args, 1)
				if err != nil {
					return err
				}
				state := "locked"
				if lock {
					err = h.Lock(ctx, actor, st.ID)
				} else {
					err, state = h.Unlock(ctx, actor, st.ID), "unlocked"
				}
				if err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "step %d — %s is %s\n", idx+1, st.Title, state)
				return nil
			}),
		}
	}

	timer := &cobra.Command{
		Use:   "timer CODE [5m|90s|4:30|step|pause|resume|+2m|-1m|stop]",
		Short: "Start, pause, resume, lengthen, shorten or stop the countdown every screen shows",
		Long: `With a duration, starts a countdown of that length (5m, 90s, 1h30m, 4:30, or a bare number of
minutes); "step" starts one for the current step's time box. +2m and -1m change a running or
paused countdown. Without an action, shows the countdown.`,
		Example: `  {ssh} timer K7MQ2P 5m
  {ssh} timer K7MQ2P +2m
  {ssh} timer K7MQ2P stop`,
		// Flag parsing is off so that "-1m" reads as an amount of time, not a flag.
		DisableFlagParsing: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 || args[0] == "--help" || args[0] == "-h" {
				return cmd.Help()
			}
			if len(args) > 2 {
				return session.Errorf(session.EInvalid, "timer takes a code and one action, e.g. timer %s 5m", args[0])
			}
			h, err := hubOf(args[0])
			if err != nil {
				return err
			}
			action := ""
			if len(args) == 2 {
				action = strings.ToLower(args[1])
			}
			switch {
			case action == "":
			case action == "pause":
				err = h.PauseTimer(ctx, actor)
			case action == "resume":
				err = h.ResumeTimer(ctx, actor)
			case action == "stop":
				err = h.StopTimer(ctx, actor)
			case action == "step":
				tb := h.Snapshot().Module.Steps[h.Snapshot().Cohort.Step].TimeBox
				if tb == 0 {
					return session.Errorf(session.EInvalid, "the current step has no time box: give a duration such as 5m")
				}
				err = h.StartTimer(ctx, actor, time.Duration(tb)*time.Minute)
			case strings.HasPrefix(action, "+") || strings.HasPrefix(action, "-"):
				d, perr := session.ParseTimerDuration(action[1:])
				if perr != nil {
					return perr
				}
				if action[0] == '-' {
					d = -d
				}
				err = h.AddTime(ctx, actor, d)
			default:
				d, perr := session.ParseTimerDuration(action)
				if perr != nil {
					return perr
				}
				err = h.StartTimer(ctx, actor, d)
			}
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), timerStatus(h.Snapshot().Cohort.Live.Timer, time.Now()))
			return nil
		},
	}

	var clearAnnouncement bool
	announce := &cobra.Command{
		Use:   `announce CODE "text" | announce CODE --clear`,
		Short: "Show a message on every screen until it is cleared",
		Example: `  {ssh} announce K7MQ2P "Back at 10:30"
  {ssh} announce K7MQ2P --clear`,
		Args: cobra.MinimumNArgs(1),
		RunE: onHub(func(cmd *cobra.Command, args []string, h *session.Hub) error {
			text := strings.Join(args[1:], " ")
			if clearAnnouncement {
				if text != "" {
					return session.Errorf(session.EInvalid, "give either a message or --clear, not both")
				}
				if err := h.DismissAnnouncement(ctx, actor); err != nil {
					return err
				}
				fmt.Fprintln(cmd.OutOrStdout(), "announcement cleared")
				return nil
			}
			if err := h.Announce(ctx, actor, text); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "Announcement: %s\n", h.Snapshot().Cohort.Live.Announcement.Text)
			return nil
		}),
	}
	announce.Flags().BoolVar(&clearAnnouncement, "clear", false, "take the announcement off every screen")

	var clearHands bool
	hands := &cobra.Command{
		Use:   "hands CODE [--clear NAME|all]",
		Short: "List raised hands, longest waiting first, or clear one or all of them",
		Example: `  {ssh} hands K7MQ2P
  {ssh} hands K7MQ2P --clear Ana Souza
  {ssh} hands K7MQ2P --clear all`,
		Args: cobra.MinimumNArgs(1),
		RunE: onHub(func(cmd *cobra.Command, args []string, h *session.Hub) error {
			out := cmd.OutOrStdout()
			who := session.CleanLine(strings.Join(args[1:], " "))
			if !clearHands {
				if who != "" {
					return session.Errorf(session.EInvalid, "to clear %s's hand add --clear", who)
				}
				return printHands(out, h.Snapshot(), time.Now())
			}
			if who == "" {
				return session.Errorf(session.EInvalid, "say whose hand to clear: --clear NAME, or --clear all")
			}
			if strings.EqualFold(who, "all") {
				n, err := h.ClearAllHands(ctx, actor)
				if err != nil {
					return err
				}
				fmt.Fprintf(out, "cleared %s\n", plural(n, "raised hand", "raised hands"))
				return nil
			}
			matches := h.Snapshot().MembersByName(who)
			switch {
			case len(matches) == 0:
				return session.Errorf(session.EInvalid, "nobody in %s is called %q (see `roster %s`)", args[0], who, args[0])
			case len(matches) > 1:
				return session.Errorf(session.EInvalid, "%d participants are called %q (%s): name one as the roster shows them", len(matches), who, session.LabelsOf(matches))
			case matches[0].Hand == nil:
				return session.Errorf(session.EInvalid, "%s has no hand raised", matches[0].Label())
			}
			if err := h.ClearHand(ctx, actor, matches[0].ID); err != nil {
				return err
			}
			fmt.Fprintf(out, "cleared %s's hand\n", matches[0].Label())
			return nil
		}),
	}
	hands.Flags().BoolVar(&clearHands, "clear", false, "clear the hand of the participant named after the code, or of all")

	var count, size int
	var byHand, rename, move bool
	teams := &cobra.Command{
		Use:   "teams CODE [--count N | --size K] [--by-hand] | --rename OLD=NEW | --move NAME=TEAM",
		Short: "List breakout teams, split the people online into N teams or teams of K, rename or move",
		Long: `Without options, lists the teams and their members. --count and --size split the people online
now at random (the teams replace any earlier ones; their boards stay stored); --by-hand makes
empty teams to fill with --move. Team exercises use these teams.`,
		Example: `  {ssh} teams K7MQ2P --count 5
  {ssh} teams K7MQ2P --size 4
  {ssh} teams K7MQ2P --rename Team 1=Blue
  {ssh} teams K7MQ2P --move Ana Souza=Blue`,
		Args: cobra.MinimumNArgs(1),
		RunE: onHub(func(cmd *cobra.Command, args []string, h *session.Hub) error {
			out := cmd.OutOrStdout()
			rest := strings.Join(args[1:], " ")
			switch {
			case rename || move:
				from, to, ok := strings.Cut(rest, "=")
				if !ok || rename == move {
					return session.Errorf(session.EInvalid, "use --rename OLD=NEW or --move NAME=TEAM")
				}
				s := h.Snapshot()
				if rename {
					t, err := s.TeamByName(from)
					if err != nil {
						return err
					}
					if err := h.RenameTeam(ctx, actor, t.ID, to); err != nil {
						return err
					}
				} else {
					ms := s.MembersByName(from)
					switch {
					case len(ms) == 0:
						return session.Errorf(session.ENotFound, "nobody in %s is called %q (see `roster %s`)", args[0], strings.TrimSpace(from), args[0])
					case len(ms) > 1:
						return session.Errorf(session.EInvalid, "%d participants are called %q (%s): name one as the roster shows them", len(ms), strings.TrimSpace(from), session.LabelsOf(ms))
					}
					teamID := int64(0)
					if t := strings.TrimSpace(to); t != "0" && !strings.EqualFold(t, "none") {
						team, err := s.TeamByName(t)
						if err != nil {
							return err
						}
						teamID = team.ID
					}
					if err := h.MoveToTeam(ctx, actor, ms[0].ID, teamID); err != nil {
						return err
					}
				}
			case count > 0 || size > 0:
				if rest != "" {
					return session.Errorf(session.EInvalid, "unexpected %q after the code", rest)
				}
				if _, err := h.SplitTeams(ctx, actor, session.TeamPlan{Count: count, Size: size, ByHand: byHand}); err != nil {
					return err
				}
			case byHand:
				return session.Errorf(session.EInvalid, "--by-hand goes with --count N or --size K")
			case rest != "":
				return session.Errorf(session.EInvalid, "unexpected %q: to change teams use --count, --size, --rename or --move", rest)
			}
			return printTeams(out, h.Snapshot())
		}),
	}
	teams.Flags().IntVar(&count, "count", 0, "split into this many teams")
	teams.Flags().IntVar(&size, "size", 0, "split into teams of this many people")
	teams.Flags().BoolVar(&byHand, "by-hand", false, "make empty teams, to fill with --move")
	teams.Flags().BoolVar(&rename, "rename", false, "rename a team: OLD=NEW after the code")
	teams.Flags().BoolVar(&move, "move", false, "move a participant: NAME=TEAM after the code (TEAM 0 for none)")

	var release, byTeam bool
	var spotStep string
	spotlight := &cobra.Command{
		Use:   "spotlight CODE [KEY | --team TEAM | --release] [--step N]",
		Short: "Show one answer or one team's board on every participant's screen, or release it",
		Long: `Without a key, lists the answers of the step (the current one, or --step N) with their keys;
anonymous items are listed without any author. With a key, or --team and a team's name, puts a
copy of that answer or board on every participant's screen until --release.`,
		Example: `  {ssh} spotlight K7MQ2P
  {ssh} spotlight K7MQ2P p12
  {ssh} spotlight K7MQ2P --team Team 2
  {ssh} spotlight K7MQ2P --release`,
		Args: cobra.MinimumNArgs(1),
		RunE: onHub(func(cmd *cobra.Command, args []string, h *session.Hub) error {
			var err error
			out := cmd.OutOrStdout()
			if release {
				if err := h.ReleaseSpotlight(ctx, actor); err != nil {
					return err
				}
				fmt.Fprintln(out, "spotlight released")
				return nil
			}
			var refs []string
			if spotStep != "" {
				refs = []string{spotStep}
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
				err = h.SpotlightTeam(ctx, actor, st.ID, t.ID)
				if err != nil {
					return err
				}
			case rest != "":
				if err := h.Spotlight(ctx, actor, st.ID, rest); err != nil {
					return err
				}
			default:
				wall, err := h.Wall(ctx, actor, st.ID)
				if err != nil {
					return err
				}
				return printWall(out, idx, st, wall)
			}
			sp := h.Snapshot().Cohort.Live.Spotlight
			fmt.Fprintf(out, "Spotlight: %s\n%s\n", sp.Title, sp.Text)
			return nil
		}),
	}
	spotlight.Flags().BoolVar(&release, "release", false, "take the spotlight off every screen")
	spotlight.Flags().BoolVar(&byTeam, "team", false, "spotlight the board of the team named after the code")
	spotlight.Flags().StringVar(&spotStep, "step", "", "step number or id (default: the current step)")

	vote := &cobra.Command{
		Use:   "vote CODE open|close|reveal|hide [STEP]",
		Short: "Open or close a vote step, and reveal its results to everyone or hide them",
		Args:  cobra.MinimumNArgs(2),
		RunE: onHub(func(cmd *cobra.Command, args []string, h *session.Hub) error {
			var err error
			st, idx, err := stepArg(h, args, 2)
			if err != nil {
				return err
			}
			switch strings.ToLower(args[1]) {
			case "open":
				err = h.OpenVote(ctx, actor, st.ID)
			case "close":
				err = h.CloseVote(ctx, actor, st.ID)
			case "reveal":
				err = h.RevealVote(ctx, actor, st.ID)
			case "hide":
				err = h.HideVote(ctx, actor, st.ID)
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

	var format string
	roster := &cobra.Command{
		Use:   "roster CODE [--format text|json]",
		Short: "List participants: online, step, draft or submitted, team, raised hand",
		Args:  cobra.ExactArgs(1),
		RunE: onHub(func(cmd *cobra.Command, args []string, h *session.Hub) error {
			switch format {
			case "text":
				return printRoster(cmd.OutOrStdout(), h.Snapshot(), time.Now())
			case "json":
				return writeRosterJSON(cmd.OutOrStdout(), h.Snapshot())
			}
			return session.Errorf(session.EInvalid, "--format must be text or json, not %q", format)
		}),
	}
	roster.Flags().StringVar(&format, "format", "text", "text or json")

	var undoArchive bool
	archive := &cobra.Command{
		Use:   "archive CODE [--undo]",
		Short: "Archive a finished cohort (its work stays stored for export), or make it active again",
		Args:  cobra.ExactArgs(1),
		RunE: onHub(func(cmd *cobra.Command, args []string, h *session.Hub) error {
			code := h.Snapshot().Cohort.Code
			if undoArchive {
				if err := h.Unarchive(ctx, actor); err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "%s is active\n", code)
				return nil
			}
			if err := h.Archive(ctx, actor); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s is archived (cohorts --all lists it)\n", code)
			return nil
		}),
	}
	archive.Flags().BoolVar(&undoArchive, "undo", false, "make an archived cohort active again")

	var last int
	timeline := &cobra.Command{
		Use:   "timeline CODE [--last N]",
		Short: "Show who did what and when in a cohort, oldest first",
		Args:  cobra.ExactArgs(1),
		RunE: onHub(func(cmd *cobra.Command, args []string, h *session.Hub) error {
			var err error
			evs, err := h.RecentActions(ctx, actor, last)
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "TIME (UTC)\tWHO\tACTION\tDETAIL")
			for _, ev := range evs {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", ev.At.UTC().Format("2006-01-02 15:04:05"), ev.Actor, ev.Action, ev.Detail)
			}
			return tw.Flush()
		}),
	}
	timeline.Flags().IntVar(&last, "last", 0, "only the last N events")

	return []*cobra.Command{step, pace, lockCmd(true), lockCmd(false), timer, announce, hands, teams, spotlight, vote, roster, archive, timeline}
}

// timerStatus says what the countdown shows now.
func timerStatus(t *session.Timer, now time.Time) string {
	switch {
	case t == nil:
		return "no timer"
	case t.Paused:
		return fmt.Sprintf("⏸ %s paused (of %s)", consoleClock(t.Remaining(now)), session.FormatDuration(t.Total))
	case t.Remaining(now) <= 0:
		return "⏱ 00:00 time is up"
	}
	return fmt.Sprintf("⏱ %s running (of %s)", consoleClock(t.Remaining(now)), session.FormatDuration(t.Total))
}

func printHands(out io.Writer, s *session.Snapshot, now time.Time) error {
	var up []session.Member
	for _, m := range s.Roster {
		if m.Hand != nil {
			up = append(up, m)
		}
	}
	if len(up) == 0 {
		fmt.Fprintln(out, "no hands raised")
		return nil
	}
	slices.SortStableFunc(up, func(a, b session.Member) int { return a.Hand.At.Compare(b.Hand.At) })
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tWAITING\tMESSAGE")
	for _, m := range up {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", m.Label(), consoleSince(now, m.Hand.At), m.Hand.Text)
	}
	return tw.Flush()
}

func printTeams(out io.Writer, s *session.Snapshot) error {
	if len(s.Teams) == 0 {
		fmt.Fprintln(out, "no teams yet: split with --count N or --size K")
		return nil
	}
	write := func(name string, id int64) {
		var names []string
		for _, m := range s.Roster {
			if m.TeamID == id {
				names = append(names, m.Label())
			}
		}
		fmt.Fprintf(out, "%s (%d): %s\n", name, len(names), strings.Join(names, ", "))
	}
	for _, t := range s.Teams {
		write(t.Name, t.ID)
	}
	write("No team", 0)
	return nil
}

func printWall(out io.Writer, idx int, st content.Step, wall []session.WallEntry) error {
	if st.Exercise == nil {
		return session.Errorf(session.EInvalid, "step %d — %s has no exercise, so no answers", idx+1, st.Title)
	}
	if len(wall) == 0 {
		fmt.Fprintf(out, "no answers on step %d — %s yet\n", idx+1, st.Title)
		return nil
	}
	fmt.Fprintf(out, "Answers on step %d — %s (spotlight one with its key):\n", idx+1, st.Title)
	for _, e := range wall {
		who := e.Author
		switch {
		case e.Team != "":
			who = e.Team
		case who == "":
			who = "anonymous"
		case e.Status == session.StatusDraft:
			who += " (draft)"
		}
		fmt.Fprintf(out, "\n[%s] %s\n", e.Key, who)
		for _, l := range strings.Split(e.Text, "\n") {
			fmt.Fprintf(out, "  %s\n", l)
		}
	}
	return nil
}

func printRoster(out io.Writer, s *session.Snapshot, now time.Time) error {
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tONLINE\tSTEP\tWORK\tTEAM\tHAND")
	for _, m := range s.Roster {
		online := "no"
		if m.Online {
			online = "yes"
		}
		work := string(m.Status)
		if work == "" {
			work = "-"
		}
		team := "-"
		if t, ok := s.Team(m.TeamID); ok {
			team = t.Name
		}
		hand := "-"
		if m.Hand != nil {
			hand = "✋ " + consoleSince(now, m.Hand.At)
			if m.Hand.Text != "" {
				hand += ": " + m.Hand.Text
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%s\n", m.Label(), online, s.StepOf(m.Participant)+1, work, team, hand)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	online, submitted, total := s.Counts()
	_, err := fmt.Fprintf(out, "%d of %d submitted · %d online · step %d of %d · %s-paced\n", submitted, total, online, s.Cohort.Step+1, len(s.Module.Steps), s.Cohort.Pace)
	return err
}

// rosterJSON is the roster as `roster CODE --format json` prints it.
type rosterJSON struct {
	Code         string            `json:"code"`
	Name         string            `json:"name"`
	Module       string            `json:"module"`
	Pace         session.Pace      `json:"pace"`
	Step         int               `json:"step"`
	Steps        int               `json:"steps"`
	Total        int               `json:"total"`
	Online       int               `json:"online"`
	Submitted    int               `json:"submitted"`
	Participants []participantJSON `json:"participants"`
}

type participantJSON struct {
	// Name is what the participant typed; Label tells them apart from look-alike names.
	Name   string    `json:"name"`
	Label  string    `json:"label"`
	Online bool      `json:"online"`
	Step   int       `json:"step"`
	Status string    `json:"status"`
	Team   string    `json:"team,omitempty"`
	Hand   *handJSON `json:"hand,omitempty"`
}

type handJSON struct {
	Text  string    `json:"text"`
	Since time.Time `json:"since"`
}

func writeRosterJSON(out io.Writer, s *session.Snapshot) error {
	online, submitted, total := s.Counts()
	r := rosterJSON{Code: s.Cohort.Code, Name: s.Cohort.Name, Module: s.Cohort.ModuleID, Pace: s.Cohort.Pace,
		Step: s.Cohort.Step + 1, Steps: len(s.Module.Steps), Total: total, Online: online, Submitted: submitted,
		Participants: make([]participantJSON, 0, len(s.Roster))}
	for _, m := range s.Roster {
		p := participantJSON{Name: m.Name, Label: m.Label(), Online: m.Online, Step: s.StepOf(m.Participant) + 1, Status: string(m.Status)}
		if p.Status == "" {
			p.Status = "not started"
		}
		if t, ok := s.Team(m.TeamID); ok {
			p.Team = t.Name
		}
		if m.Hand != nil {
			p.Hand = &handJSON{Text: m.Hand.Text, Since: m.Hand.At}
		}
		r.Participants = append(r.Participants, p)
	}
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

package command

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"workshop/i18n"
	"workshop/session"
)

// Timer is `timer CODE [ACTION]`: the countdown every screen shows.
func Timer(env *Env) *cobra.Command {
	p := env.Printer()
	return &cobra.Command{
		Use:   "timer CODE [5m|90s|4:30|step|pause|resume|+2m|-1m|stop]",
		Short: p.T("Start, pause, resume, lengthen, shorten or stop the countdown every screen shows"),
		Long:  p.T("With a duration, starts a countdown of that length (5m, 90s, 1h30m, 4:30, or a bare number of minutes); \"step\" starts one for the current step's time box. +2m and -1m change a running or paused countdown. Without an action, shows the countdown."),
		Example: `  {prog} timer K7MQ2P 5m
  {prog} timer K7MQ2P +2m
  {prog} timer K7MQ2P stop`,
		// Flag parsing is off so that "-1m" reads as an amount of time, not a flag.
		DisableFlagParsing: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 || args[0] == "--help" || args[0] == "-h" {
				return cmd.Help()
			}
			if len(args) > 2 {
				return session.Errorf(session.EInvalid, "timer takes a code and one action, e.g. timer %s 5m", args[0])
			}
			return env.onHub(func(cmd *cobra.Command, args []string, h *session.Hub) error {
				action := ""
				if len(args) == 2 {
					action = strings.ToLower(args[1])
				}
				if err := timerAction(cmd.Context(), h, env.Actor, action); err != nil {
					return err
				}
				fmt.Fprintln(cmd.OutOrStdout(), timerStatus(p, h.Snapshot().Cohort.Live.Timer, env.now()))
				return nil
			})(cmd, args)
		},
	}
}

// timerAction does what the timer command's action word asks ("" only shows the countdown).
func timerAction(ctx context.Context, h *session.Hub, by session.Actor, action string) error {
	switch {
	case action == "":
		return nil
	case action == "pause":
		return h.PauseTimer(ctx, by)
	case action == "resume":
		return h.ResumeTimer(ctx, by)
	case action == "stop":
		return h.StopTimer(ctx, by)
	case action == "step":
		s := h.Snapshot()
		tb := s.Module.Steps[s.Cohort.Step].TimeBox
		if tb == 0 {
			return session.Errorf(session.EInvalid, "the current step has no time box: give a duration such as 5m")
		}
		return h.StartTimer(ctx, by, time.Duration(tb)*time.Minute)
	case strings.HasPrefix(action, "+") || strings.HasPrefix(action, "-"):
		d, err := session.ParseTimerDuration(action[1:])
		if err != nil {
			return err
		}
		if action[0] == '-' {
			d = -d
		}
		return h.AddTime(ctx, by, d)
	}
	d, err := session.ParseTimerDuration(action)
	if err != nil {
		return err
	}
	return h.StartTimer(ctx, by, d)
}

// timerStatus says what the countdown shows now.
func timerStatus(p *i18n.Printer, t *session.Timer, now time.Time) string {
	switch {
	case t == nil:
		return p.T("no timer")
	case t.Paused:
		return p.T("⏸ %s paused (of %s)", session.ClockText(t.Remaining(now)), session.FormatDuration(t.Total))
	case t.Remaining(now) <= 0:
		return p.T("⏱ 00:00 time is up")
	}
	return p.T("⏱ %s running (of %s)", session.ClockText(t.Remaining(now)), session.FormatDuration(t.Total))
}

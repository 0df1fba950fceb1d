package main

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"workshop/loadtest"
)

func newLoadtestCmd(g *globals) *cobra.Command {
	p := g.printer()
	var (
		cfg     loadtest.Config
		keyFile string
	)
	cmd := &cobra.Command{
		Use:   "loadtest",
		Short: p.T("Measure your own server with many real SSH sessions (loopback only)"),
		Long: p.T(`Open N real SSH sessions, each with an 80×24 terminal drawn by a terminal emulator, join them
without keys to a cohort, wait until every screen shows the step, then have a facilitator move the
cohort K times and time, per screen, how long each move takes to show. Output is timed as it
arrives and drawn once the traffic is quiet, so drawing every screen does not take the cores the
server under test is using. With --submit everyone types an answer on a reflection step and
presses ctrl+s within one second, and the tool times each until the screen confirms. It prints connect and ready times, fan-out p50/p90/p99/max,
submit times, failures, and the server's own figures when --debug-url points at its debug
endpoint (workshop serve --debug-addr).

Only for servers you run on this machine: an address that does not resolve to loopback
(127.0.0.0/8, ::1) is refused unless you add --i-own-this-server. Without --cohort it creates a
cohort on --module with the facilitator key. The key must be a registered facilitator's
unencrypted private key (workshop facilitator add NAME --key-file KEY.pub).`),
		Example: `  workshop loadtest --participants 50 --facilitator-key ./fac --rounds 5
  workshop loadtest --participants 500 --ramp 100 --rounds 10 --submit \
    --facilitator-key ./fac --debug-url http://127.0.0.1:6060
  workshop loadtest --participants 2000 --cohorts 20 --move-all \
    --facilitator-key ./fac
  workshop loadtest --addr 127.0.0.1:2022 --participants 20 \
    --cohort K7MQ2P --rounds 0`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if keyFile != "" {
				k, err := loadtest.LoadKey(keyFile)
				if err != nil {
					return err
				}
				cfg.FacilitatorKey = k
			}
			cfg.Progress = cmd.ErrOrStderr()
			res, err := loadtest.Run(cmd.Context(), cfg)
			if res != nil {
				if werr := res.WriteTable(cmd.OutOrStdout()); werr != nil && err == nil {
					err = werr
				}
			}
			if err != nil {
				return fmt.Errorf("loadtest: %w", err)
			}
			if res.Failures() > 0 {
				return errors.New("loadtest: some sessions failed (see the table)")
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&cfg.Addr, "addr", "127.0.0.1:2222", p.T("the SSH address of the server to load, HOST:PORT (loopback only)"))
	f.IntVar(&cfg.Participants, "participants", 10, p.T("sessions to open, 1 to %s", strconv.Itoa(loadtest.MaxParticipants)))
	f.StringVar(&cfg.Cohort, "cohort", "", p.T("join code of the cohort to join (default: create one with the facilitator key)"))
	f.IntVar(&cfg.Cohorts, "cohorts", 1, p.T("without --cohort: create this many cohorts (1 to %s) and spread the participants over them", strconv.Itoa(loadtest.MaxCohorts)))
	f.BoolVar(&cfg.MoveAll, "move-all", false, p.T("with --cohorts: every cohort moves at once in each round (default: only the first moves)"))
	f.StringVar(&cfg.Module, "module", "warmup", p.T("module of the cohort created when --cohort is not given"))
	f.StringVar(&keyFile, "facilitator-key", "", p.T("private key file of a registered facilitator, to create the cohort and move it"))
	f.Float64Var(&cfg.Ramp, "ramp", 0, p.T("joins per second; 0 starts everyone at once"))
	f.IntVar(&cfg.Rounds, "rounds", 3, p.T("timed moves of the cohort (needs --facilitator-key)"))
	f.BoolVar(&cfg.Submit, "submit", false, p.T("everyone submits an answer within one second, timed until each screen confirms"))
	f.IntVar(&cfg.SubmitStep, "submit-step", 2, p.T("the step (1-based) with a reflection exercise, for --submit"))
	f.DurationVar(&cfg.Idle, "idle", 0, p.T("with --debug-url: measure the server's CPU while everyone sits idle this long"))
	f.DurationVar(&cfg.Countdown, "countdown", 0, p.T("with --debug-url and --facilitator-key: start a countdown every screen shows and measure the server's CPU while it runs this long"))
	f.StringVar(&cfg.DebugURL, "debug-url", "", p.T("the server's debug endpoint, e.g. http://127.0.0.1:6060, for its CPU, memory and counters"))
	f.DurationVar(&cfg.Timeout, "timeout", 2*time.Minute, p.T("longest wait for any one thing: a join, a move on every screen, the submissions"))
	f.BoolVar(&cfg.AllowRemote, "i-own-this-server", false, p.T("allow an address that is not loopback: only for a server you own and may load"))
	_ = cmd.RegisterFlagCompletionFunc("module", completeModules) // the flag exists: made above
	return cmd
}

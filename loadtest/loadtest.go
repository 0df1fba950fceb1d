package loadtest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"strconv"
	"sync/atomic"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// Bounds on what one run may ask for.
const (
	MaxParticipants = 5000
	MaxRounds       = 1000
	MaxRamp         = 10000 // joins per second
	MaxTimeout      = 30 * time.Minute
	MaxIdle         = 10 * time.Minute
	MaxCohorts      = 100
)

// Config is one load run.
type Config struct {
	// Addr is the server's SSH address, HOST:PORT.
	Addr string
	// Participants is how many sessions join (1 to MaxParticipants).
	Participants int
	// Cohort is the join code; empty means create Cohorts cohorts on Module with
	// FacilitatorKey and spread the participants over them.
	Cohort string
	// Cohorts is how many cohorts to create (1 to MaxCohorts) when Cohort is empty.
	Cohorts int
	// MoveAll moves every cohort at once in each round; otherwise only the first one moves
	// while the others stay connected.
	MoveAll bool
	// Module is the module a created cohort runs (it needs a reflection step for Submit).
	Module string
	// FacilitatorKey is a registered facilitator's key; without it nothing moves.
	FacilitatorKey gossh.Signer
	// Ramp is joins per second; 0 starts every session at once.
	Ramp float64
	// Rounds is how many timed moves the facilitator makes.
	Rounds int
	// Submit makes everyone submit an answer within one second on SubmitStep.
	Submit bool
	// SubmitStep is the 1-based step with a reflection exercise (default 2).
	SubmitStep int
	// Idle, when set with DebugURL, measures the server's CPU while everyone sits idle.
	Idle time.Duration
	// Countdown, when set with DebugURL, starts a countdown every screen shows and measures
	// the server's CPU while it runs this long.
	Countdown time.Duration
	// DebugURL is the server's debug endpoint, e.g. http://127.0.0.1:6060.
	DebugURL string
	// Timeout bounds each wait: a join, a screen showing a move or a submission.
	Timeout time.Duration
	// AllowRemote lets Addr and DebugURL be something other than loopback.
	AllowRemote bool
	// Progress receives a progress line while sessions join (nil for none).
	Progress io.Writer
}

// Validate checks bounds and refuses targets that are not on this machine.
func (c *Config) Validate() error {
	if c.Participants < 1 || c.Participants > MaxParticipants {
		return fmt.Errorf("--participants must be 1 to %d, not %d", MaxParticipants, c.Participants)
	}
	if c.Rounds < 0 || c.Rounds > MaxRounds {
		return fmt.Errorf("--rounds must be 0 to %d, not %d", MaxRounds, c.Rounds)
	}
	if c.Ramp < 0 || c.Ramp > MaxRamp {
		return fmt.Errorf("--ramp must be 0 (all at once) to %d joins a second, not %g", MaxRamp, c.Ramp)
	}
	if c.Timeout == 0 {
		c.Timeout = 2 * time.Minute
	}
	if c.Timeout < time.Second || c.Timeout > MaxTimeout {
		return fmt.Errorf("--timeout must be 1s to %s, not %s", MaxTimeout, c.Timeout)
	}
	if c.Idle < 0 || c.Idle > MaxIdle {
		return fmt.Errorf("--idle must be 0 to %s, not %s", MaxIdle, c.Idle)
	}
	if c.Countdown < 0 || c.Countdown > MaxIdle {
		return fmt.Errorf("--countdown must be 0 to %s, not %s", MaxIdle, c.Countdown)
	}
	if c.SubmitStep == 0 {
		c.SubmitStep = 2
	}
	if c.SubmitStep < 1 {
		return fmt.Errorf("--submit-step must be a step number from 1, not %d", c.SubmitStep)
	}
	if c.Cohorts == 0 {
		c.Cohorts = 1
	}
	if c.Cohorts < 1 || c.Cohorts > MaxCohorts || c.Cohorts > c.Participants {
		return fmt.Errorf("--cohorts must be 1 to %d and at most --participants, not %d", MaxCohorts, c.Cohorts)
	}
	if c.Cohort != "" && c.Cohorts > 1 {
		return errors.New("--cohort joins one cohort: leave out --cohorts, or leave out --cohort to create them")
	}
	if c.Module == "" {
		c.Module = "warmup"
	}
	if c.Cohort == "" && c.FacilitatorKey == nil {
		return errors.New("give --cohort CODE, or --facilitator-key FILE to create a cohort")
	}
	if (c.Rounds > 0 || c.Submit) && c.FacilitatorKey == nil {
		return errors.New("moves and the submit burst need --facilitator-key FILE (a registered facilitator); use --rounds 0 without one")
	}
	if !c.AllowRemote {
		if err := Loopback(c.Addr); err != nil {
			return fmt.Errorf("--addr: %w; this tool loads servers on this machine only (add --i-own-this-server for your own server elsewhere)", err)
		}
		if c.DebugURL != "" {
			if err := loopbackURL(c.DebugURL); err != nil {
				return fmt.Errorf("--debug-url: %w", err)
			}
		}
	}
	return nil
}

// Run performs the load run and returns what it measured. The result is filled as far as the
// run got, also when it returns an error.
func Run(ctx context.Context, cfg Config) (*Result, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	r := &run{cfg: cfg, res: &Result{Config: cfg}, http: &http.Client{Timeout: 10 * time.Second}}
	r.cpu0, _ = selfUsage()
	r.start = time.Now()
	g0 := runtime.NumGoroutine()
	defer func() {
		for _, p := range r.ps {
			p.close()
		}
		if r.fac != nil {
			r.fac.close()
		}
		for _, f := range r.movers {
			f.close()
		}
		cpu, rss := selfUsage()
		r.res.Tool = ToolUsage{CPU: cpu - r.cpu0, Wall: time.Since(r.start), MaxRSS: rss, Goroutines: r.peakG - g0}
	}()
	err := r.all(ctx)
	return r.res, err
}

// run is the state of one Run.
type run struct {
	cfg  Config
	res  *Result
	http *http.Client
	fac  *facilitator
	// movers are the further facilitator connections that move cohorts at once: a server
	// bounds the sessions of one connection (--max-sessions), as OpenSSH does.
	movers []*facilitator
	ps     []*participant // every participant started, by index
	events chan event
	// arrivals counts the reads of every participant's output (see participant.arrivals).
	arrivals atomic.Int64
	cohorts  []*cohort
	ready    []*participant // joined and on the step screen, across cohorts
	phase    int
	start    time.Time
	cpu0     time.Duration
	peakG    int
}

// cohort is one cohort under load: its code, who of it is on the step screen, and the step
// its screens show (1-based) out of how many.
type cohort struct {
	code        string
	ps          []*participant
	step, steps int
	target      int    // the step a move in progress goes to
	title       string // the title of the step, as the last move printed it
}

func (r *run) all(ctx context.Context) error {
	cfg := r.cfg
	if cfg.FacilitatorKey != nil {
		f, err := dialFacilitator(cfg.Addr, cfg.FacilitatorKey, cfg.Timeout)
		if err != nil {
			return err
		}
		r.fac = f
	}
	if cfg.Cohort != "" {
		r.cohorts = []*cohort{{code: cfg.Cohort}}
	} else {
		stamp := time.Now().Format("2006-01-02 15:04:05")
		for i := range cfg.Cohorts {
			code, err := r.fac.createCohort(cfg.Module, fmt.Sprintf("Load test %d %s", i+1, stamp))
			if err != nil {
				return fmt.Errorf("create a cohort: %w", err)
			}
			r.cohorts = append(r.cohorts, &cohort{code: code})
		}
	}
	for _, c := range r.cohorts {
		r.res.Codes = append(r.res.Codes, c.code)
	}
	r.serverReading("start")
	if err := r.join(ctx); err != nil {
		return err
	}
	r.serverReading("joined")
	if cfg.Idle > 0 && cfg.DebugURL != "" {
		if err := sleepCtx(ctx, cfg.Idle); err != nil {
			return err
		}
		r.serverReading("idle")
	}
	if cfg.Countdown > 0 && cfg.DebugURL != "" && r.fac != nil {
		for _, c := range r.cohorts {
			if _, err := r.fac.run(fmt.Sprintf("timer %s %ds", c.code, int(cfg.Countdown.Seconds())+60)); err != nil {
				return fmt.Errorf("start the countdown: %w", err)
			}
		}
		r.serverReading("countdown-start")
		if err := sleepCtx(ctx, cfg.Countdown); err != nil {
			return err
		}
		r.serverReading("countdown")
		for _, c := range r.cohorts {
			_, _ = r.fac.run("timer " + c.code + " stop") // the moves below need no countdown
		}
	}
	if len(r.ready) == 0 {
		return errors.New("no participant reached the step screen")
	}
	if cfg.Rounds > 0 {
		if err := r.moves(ctx); err != nil {
			return err
		}
		r.serverReading("moved")
	}
	if cfg.Submit {
		if err := r.submit(ctx); err != nil {
			return err
		}
		r.serverReading("submitted")
	}
	return nil
}

func (r *run) serverReading(label string) {
	r.peakG = max(r.peakG, runtime.NumGoroutine())
	if r.cfg.DebugURL == "" {
		return
	}
	rd, err := readServer(r.http, r.cfg.DebugURL, label)
	if err != nil {
		r.res.ServerErr = err.Error()
		return
	}
	r.res.Server = append(r.res.Server, rd)
}

// join starts every participant at the ramp's pace, spread over the cohorts in turn, and
// waits until each is on the step screen or has failed.
func (r *run) join(ctx context.Context) error {
	n := r.cfg.Participants
	r.events = make(chan event, 2*n+16)
	r.ps = make([]*participant, n)
	pr := newProgress(r.cfg.Progress, n)
	defer pr.done()
	launched := 0
	launch := func() {
		i := launched
		co := i % len(r.cohorts)
		p := &participant{idx: i, co: co, name: "LT" + strconv.Itoa(i+1), code: r.cohorts[co].code, events: r.events, arrivals: &r.arrivals}
		r.ps[i] = p
		launched++
		go p.join(r.cfg.Addr, r.cfg.Timeout)
	}
	var next <-chan time.Time
	if r.cfg.Ramp == 0 {
		for launched < n {
			launch()
		}
	} else {
		launch()
		t := time.NewTicker(time.Duration(float64(time.Second) / r.cfg.Ramp))
		defer t.Stop()
		next = t.C
	}
	deadline := time.NewTimer(r.cfg.Timeout)
	defer deadline.Stop()
	tick := time.NewTicker(250 * time.Millisecond)
	defer tick.Stop()
	connected, failed := 0, 0
	isReady := make([]bool, n)
	for len(r.ready)+failed < n {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-next:
			if launched < n {
				launch()
				// Every wait is bounded from the last launch.
				deadline.Reset(r.cfg.Timeout)
			}
		case e := <-r.events:
			p := r.ps[e.idx]
			switch e.kind {
			case evConnected:
				connected++
				r.res.Connect = append(r.res.Connect, e.at.Sub(p.started))
			case evReady:
				isReady[e.idx] = true
				r.ready = append(r.ready, p)
				c := r.cohorts[p.co]
				c.ps = append(c.ps, p)
				if c.steps == 0 {
					c.step, c.steps = p.step, p.steps
				}
				r.res.Ready = append(r.res.Ready, e.at.Sub(p.started))
				r.res.AllReady = max(r.res.AllReady, e.at.Sub(r.start))
			case evFailed:
				failed++
				r.res.fail("join", e.err)
			}
		case <-deadline.C:
			missing := n - len(r.ready) - failed
			r.res.JoinFailures += missing
			r.res.fail("join", fmt.Errorf("%d sessions not on the step screen %s after the last one started", missing, r.cfg.Timeout))
			for i, p := range r.ps[:launched] {
				if !isReady[i] && p.joiningNow() {
					r.res.fail("join", fmt.Errorf("%s shows: %s", p.name, p.glimpse()))
					break
				}
			}
			goto done
		case <-tick.C:
			pr.show(connected, len(r.ready), failed)
		}
	}
done:
	r.res.JoinFailures += failed
	pr.show(connected, len(r.ready), failed)
	// Only those who reached the step screen go on; the others are closed.
	for i, p := range r.ps {
		if p != nil && !isReady[i] {
			p.close()
		}
	}
	for _, p := range r.ready {
		if c := r.cohorts[p.co]; p.step != c.step || p.steps != c.steps {
			r.res.fail("join", fmt.Errorf("%s is on step %d of %d, others of cohort %s on %d of %d", p.name, p.step, p.steps, c.code, c.step, c.steps))
		}
	}
	return nil
}

func firstErr(err error, errs []error, format string, args ...any) error {
	if err != nil {
		return err
	}
	return fmt.Errorf(format+": %w", append(args, errs[0])...)
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

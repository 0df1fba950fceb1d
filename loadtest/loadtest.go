// Package loadtest measures a workshop server the way people use it: many real SSH sessions
// with 80×24 PTYs, each drawn by a terminal emulator, join a cohort without keys; a
// facilitator key moves the cohort while the tool times how long each screen takes to show
// the new step; optionally everyone submits at once. It is a client: it knows only what a
// person and a facilitator see and type, so it measures any server that shows the same
// screens (the bare floor server under bench/ does).
//
// It is meant for servers on this machine only: Run refuses an address that is not loopback
// unless the caller says they own the server.
package loadtest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"strconv"
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
)

// Config is one load run.
type Config struct {
	// Addr is the server's SSH address, HOST:PORT.
	Addr string
	// Participants is how many sessions join (1 to MaxParticipants).
	Participants int
	// Cohort is the join code; empty means create a cohort on Module with FacilitatorKey.
	Cohort string
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
	if c.SubmitStep == 0 {
		c.SubmitStep = 2
	}
	if c.SubmitStep < 1 {
		return fmt.Errorf("--submit-step must be a step number from 1, not %d", c.SubmitStep)
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
		cpu, rss := selfUsage()
		r.res.Tool = ToolUsage{CPU: cpu - r.cpu0, Wall: time.Since(r.start), MaxRSS: rss, Goroutines: r.peakG - g0}
	}()
	err := r.all(ctx)
	return r.res, err
}

// run is the state of one Run.
type run struct {
	cfg    Config
	res    *Result
	http   *http.Client
	fac    *facilitator
	ps     []*participant
	events chan event
	ready  []*participant // joined and on the step screen
	phase  int
	steps  int // steps in the module, from the step screen
	step   int // the cohort's step (1-based) as the screens show it
	start  time.Time
	cpu0   time.Duration
	peakG  int
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
	if cfg.Cohort == "" {
		code, err := r.fac.createCohort(cfg.Module, "Load test "+time.Now().Format("2006-01-02 15:04:05"))
		if err != nil {
			return fmt.Errorf("create a cohort: %w", err)
		}
		r.cfg.Cohort, r.res.Config.Cohort = code, code
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

// join starts every participant at the ramp's pace and waits until each is on the step
// screen or has failed.
func (r *run) join(ctx context.Context) error {
	n := r.cfg.Participants
	r.events = make(chan event, 2*n+16)
	r.ps = make([]*participant, n)
	connectAt := make([]time.Time, n)
	pr := newProgress(r.cfg.Progress, n)
	defer pr.done()
	launched := 0
	launch := func() {
		p := &participant{idx: launched, name: "LT" + strconv.Itoa(launched+1), code: r.cfg.Cohort, events: r.events}
		r.ps[launched] = p
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
	readyAt := make([]time.Time, n)
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
				connectAt[e.idx] = e.at
				r.res.Connect = append(r.res.Connect, e.at.Sub(p.started))
			case evReady:
				r.ready = append(r.ready, p)
				readyAt[e.idx] = e.at
				r.res.Ready = append(r.res.Ready, e.at.Sub(p.started))
				r.res.AllReady = max(r.res.AllReady, e.at.Sub(r.start))
				if r.steps == 0 {
					r.steps, r.step = p.steps, p.step
				}
			case evFailed:
				failed++
				r.res.fail("join", e.err)
			}
		case <-deadline.C:
			missing := n - len(r.ready) - failed
			r.res.JoinFailures += missing
			r.res.fail("join", fmt.Errorf("%d sessions not on the step screen %s after the last one started", missing, r.cfg.Timeout))
			for i, p := range r.ps[:launched] {
				if readyAt[i].IsZero() && p.joiningNow() {
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
	for _, p := range r.ps {
		if p != nil && readyAt[p.idx].IsZero() {
			p.close()
		}
	}
	for _, p := range r.ready {
		if p.step != r.step || p.steps != r.steps {
			r.res.fail("join", fmt.Errorf("%s is on step %d of %d, others on %d of %d", p.name, p.step, p.steps, r.step, r.steps))
		}
	}
	return nil
}

// await has every ready participant expect want (or fail), calls act, and collects when each
// screen showed it, as durations from the time act started (or from sent[i] when given).
func (r *run) await(ctx context.Context, want, fail string, act func() error, sentAt func(i int) time.Time) (Sample, []error, error) {
	r.phase++
	phase := r.phase
	var got Sample
	var errs []error
	pending := len(r.ready)
	byIdx := make(map[int]int, len(r.ready)) // participant index → position in r.ready
	for i, p := range r.ready {
		byIdx[p.idx] = i
	}
	var t0 time.Time
	take := func(e event) {
		if e.phase != phase {
			return // a late answer from a phase that timed out
		}
		pending--
		switch e.kind {
		case evHit:
			from := t0
			if sentAt != nil {
				from = sentAt(byIdx[e.idx])
			}
			got = append(got, max(e.at.Sub(from), 0))
		case evFailed:
			errs = append(errs, fmt.Errorf("%s: %w", r.ps[e.idx].name, e.err))
		}
	}
	var early []event
	for _, p := range r.ready {
		early = append(early, p.expect(phase, want, fail)...)
	}
	t0 = time.Now()
	for _, e := range early {
		take(e)
	}
	if act != nil {
		if err := act(); err != nil {
			for _, p := range r.ready {
				p.stopWaiting()
			}
			return got, errs, err
		}
	}
	deadline := time.NewTimer(r.cfg.Timeout)
	defer deadline.Stop()
	for pending > 0 {
		select {
		case <-ctx.Done():
			return got, errs, ctx.Err()
		case e := <-r.events:
			take(e)
		case <-deadline.C:
			for _, p := range r.ready {
				p.stopWaiting()
			}
			errs = append(errs, fmt.Errorf("%d screens did not show %q within %s", pending, want, r.cfg.Timeout))
			return got, errs, nil
		}
	}
	return got, errs, nil
}

// moves makes the timed moves: next until the last step, then back, and so on.
func (r *run) moves(ctx context.Context) error {
	dir := +1
	for range r.cfg.Rounds {
		if r.step+dir < 1 || r.step+dir > r.steps {
			dir = -dir
		}
		if r.steps < 2 {
			return errors.New("the module has one step: nothing to move to")
		}
		target := r.step + dir
		verb := "next"
		if dir < 0 {
			verb = "prev"
		}
		var title string
		var cmdTime time.Duration
		got, errs, err := r.await(ctx, stepText(target, r.steps), "", func() error {
			t := time.Now()
			var err error
			title, err = r.fac.move(r.cfg.Cohort, verb)
			cmdTime = time.Since(t)
			return err
		}, nil)
		if err != nil {
			return fmt.Errorf("move: %w", err)
		}
		r.step = target
		r.res.Rounds++
		r.res.Moves = append(r.res.Moves, cmdTime)
		r.res.Fanout = append(r.res.Fanout, got...)
		r.res.FanoutFailures += len(r.ready) - len(got)
		for _, e := range errs {
			r.res.fail("fan-out", e)
		}
		// The screens showed the step number; they must show its title too.
		line := stepText(target, r.steps) + titlePrefix(title, 12)
		for _, p := range r.ready {
			if !p.shows(line) {
				r.res.FanoutFailures++
				r.res.fail("fan-out", fmt.Errorf("%s does not show %q", p.name, line))
			}
		}
	}
	return nil
}

// submit moves the cohort to the reflection step, has everyone type an answer and wait until
// it is stored as a draft, then everyone presses ctrl+s within one second; it times each
// press until the screen confirms.
func (r *run) submit(ctx context.Context) error {
	s := r.cfg.SubmitStep
	if r.steps > 0 && s > r.steps {
		return fmt.Errorf("--submit-step %d: the module has %d steps", s, r.steps)
	}
	if r.step != s {
		_, errs, err := r.await(ctx, stepText(s, r.steps), "", func() error {
			_, err := r.fac.move(r.cfg.Cohort, strconv.Itoa(s))
			return err
		}, nil)
		if err != nil {
			return fmt.Errorf("move to the submit step: %w", err)
		}
		r.step = s
		for _, e := range errs {
			r.res.fail("submit", e)
		}
	}
	if _, errs, err := r.await(ctx, textEditor, textNotSaved, nil, nil); err != nil || len(errs) > 0 {
		return firstErr(err, errs, "step %d shows no editor", s)
	}
	_, errs, err := r.await(ctx, textDraft, textNotSaved, func() error {
		for _, p := range r.ready {
			if err := p.typeText("Answer from " + p.name + " in a load test"); err != nil {
				r.res.fail("submit", fmt.Errorf("%s: type: %w", p.name, err))
			}
		}
		return nil
	}, nil)
	if err != nil {
		return err
	}
	for _, e := range errs {
		r.res.fail("submit", e)
	}
	// The burst: ctrl+s from everyone, spread evenly over one second.
	sent := make([]time.Time, len(r.ready))
	got, errs, err := r.await(ctx, textSubmitted, textNotSaved, func() error {
		gap := time.Second / time.Duration(len(r.ready))
		t0 := time.Now()
		for i, p := range r.ready {
			if d := time.Until(t0.Add(time.Duration(i) * gap)); d > 0 {
				time.Sleep(d)
			}
			sent[i] = time.Now()
			if err := p.typeText("\x13"); err != nil {
				r.res.fail("submit", fmt.Errorf("%s: ctrl+s: %w", p.name, err))
			}
		}
		return nil
	}, func(i int) time.Time { return sent[i] })
	if err != nil {
		return err
	}
	r.res.SubmitRan = true
	r.res.Submit = append(r.res.Submit, got...)
	r.res.SubmitFailures = len(r.ready) - len(got)
	for _, e := range errs {
		r.res.fail("submit", e)
	}
	r.res.Stored = -1
	if n, err := r.fac.submitted(r.cfg.Cohort); err == nil {
		r.res.Stored = n
	} else {
		r.res.fail("submit", fmt.Errorf("count stored submissions: %w", err))
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

package loadtest

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// While screens are awaited, their output is drawn once the run's traffic has been quiet for
// quietFor, and at least every drawEvery while it never is.
const (
	quietFor  = 15 * time.Millisecond
	drawEvery = time.Second
)

// await has each of ps expect want(p) (or fail), calls act, and collects when each screen
// showed it: durations from from(p), or from the moment act was called when from is nil.
func (r *run) await(ctx context.Context, ps []*participant, want func(*participant) string, fail string, act func() error, from func(*participant) time.Time) (Sample, []error, error) {
	r.phase++
	phase := r.phase
	var got Sample
	var errs []error
	pending := len(ps)
	var t0 time.Time
	take := func(e event) {
		if e.phase != phase {
			return // a late answer from a phase that timed out
		}
		pending--
		p := r.ps[e.idx]
		switch e.kind {
		case evHit:
			start := t0
			if from != nil {
				start = from(p)
			}
			got = append(got, max(e.at.Sub(start), 0))
		case evFailed:
			errs = append(errs, fmt.Errorf("%s: %w", p.name, e.err))
		}
	}
	stop := func() {
		for _, p := range ps {
			p.stopWaiting()
		}
	}
	var early []event
	for _, p := range ps {
		early = append(early, p.expect(phase, want(p), fail)...)
	}
	t0 = time.Now()
	if act != nil {
		if err := act(); err != nil {
			stop()
			return got, errs, err
		}
	}
	for _, e := range early {
		take(e)
	}
	deadline := time.NewTimer(r.cfg.Timeout)
	defer deadline.Stop()
	tick := time.NewTicker(quietFor / 3)
	defer tick.Stop()
	seen, drawn := r.arrivals.Load(), int64(-1)
	changed, lastDraw := time.Now(), time.Now()
	draw := func(now time.Time) {
		drawn, lastDraw = r.arrivals.Load(), now
		for _, e := range drainAll(ps) {
			take(e)
		}
	}
	for pending > 0 {
		select {
		case <-ctx.Done():
			stop()
			return got, errs, ctx.Err()
		case e := <-r.events:
			take(e)
		case now := <-tick.C:
			if n := r.arrivals.Load(); n != seen {
				seen, changed = n, now
			}
			if seen != drawn && (now.Sub(changed) >= quietFor || now.Sub(lastDraw) >= drawEvery) {
				draw(now)
			}
		case <-deadline.C:
			// What arrived in time counts, drawn or not.
			draw(time.Now())
			if pending == 0 {
				return got, errs, nil
			}
			stop()
			errs = append(errs, fmt.Errorf("%d screens did not show what was expected within %s", pending, r.cfg.Timeout))
			return got, errs, nil
		}
	}
	return got, errs, nil
}

// drainAll draws what each of ps kept aside, spread over the machine's cores, and returns the
// events that made.
func drainAll(ps []*participant) []event {
	var (
		next atomic.Int64
		mu   sync.Mutex
		out  []event
		wg   sync.WaitGroup
	)
	for range min(runtime.GOMAXPROCS(0), len(ps)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(ps) {
					return
				}
				if ev := ps[i].drain(); len(ev) > 0 {
					mu.Lock()
					out = append(out, ev...)
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	return out
}

// moveEach runs `step CODE to(c)` for each of cs at once and returns when each command
// started; every cohort that moved is then on its target step.
func (r *run) moveEach(cs []*cohort, to func(c *cohort) string, started []time.Time, took []time.Duration) error {
	var wg sync.WaitGroup
	errs := make([]error, len(cs))
	for i, c := range cs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := time.Now()
			started[i] = t
			c.title, errs[i] = r.mover(i).move(c.code, to(c))
			took[i] = time.Since(t)
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// sessionsPerMover is how many moves at once one facilitator connection carries: below the
// server's default --max-sessions (4).
const sessionsPerMover = 3

// mover is the facilitator connection that makes the i-th of the moves made at once.
func (r *run) mover(i int) *facilitator {
	if k := i / sessionsPerMover; k > 0 && k <= len(r.movers) {
		return r.movers[k-1]
	}
	return r.fac
}

// dialMovers opens the facilitator connections n moves at once need, before they are timed.
func (r *run) dialMovers(n int) error {
	for len(r.movers) < (n-1)/sessionsPerMover {
		f, err := dialFacilitator(r.cfg.Addr, r.cfg.FacilitatorKey, r.cfg.Timeout)
		if err != nil {
			return err
		}
		r.movers = append(r.movers, f)
	}
	return nil
}

// moves makes the timed moves of the first cohort, or of every cohort with MoveAll: next
// until the last step, then back, and so on.
func (r *run) moves(ctx context.Context) error {
	targets := r.cohorts[:1]
	if r.cfg.MoveAll {
		targets = r.cohorts
	}
	if err := r.dialMovers(len(targets)); err != nil {
		return err
	}
	var ps []*participant
	pos := map[*cohort]int{}
	for i, c := range targets {
		pos[c] = i
		if c.steps < 2 && len(c.ps) > 0 {
			return fmt.Errorf("cohort %s has one step: nothing to move to", c.code)
		}
		ps = append(ps, c.ps...)
	}
	dir := +1
	for range r.cfg.Rounds {
		lead := targets[0]
		if lead.step+dir < 1 || lead.step+dir > lead.steps {
			dir = -dir
		}
		verb := map[int]string{+1: "next", -1: "prev"}[dir]
		for _, c := range targets {
			c.target = c.step + dir
		}
		started := make([]time.Time, len(targets))
		took := make([]time.Duration, len(targets))
		got, errs, err := r.await(ctx, ps,
			func(p *participant) string { c := r.cohorts[p.co]; return stepText(c.target, c.steps) }, "",
			func() error { return r.moveEach(targets, func(*cohort) string { return verb }, started, took) },
			func(p *participant) time.Time { return started[pos[r.cohorts[p.co]]] })
		if err != nil {
			return fmt.Errorf("move: %w", err)
		}
		for _, c := range targets {
			c.step = c.target
		}
		r.res.Rounds++
		r.res.Moves = append(r.res.Moves, took...)
		r.res.Fanout = append(r.res.Fanout, got...)
		r.res.FanoutFailures += len(ps) - len(got)
		for _, e := range errs {
			r.res.fail("fan-out", e)
		}
		// The screens showed the step number; they must show its title too.
		for _, c := range targets {
			for _, p := range c.ps {
				if !p.showsStepTitle(c.step, c.steps, titlePrefix(c.title, 12)) {
					r.res.FanoutFailures++
					r.res.fail("fan-out", fmt.Errorf("%s does not show step %d of %d — %s", p.name, c.step, c.steps, c.title))
				}
			}
		}
	}
	return nil
}

// submit moves every cohort to the reflection step, has everyone type an answer and wait
// until it is stored as a draft, then everyone presses ctrl+s within one second; it times
// each press until the screen confirms, and asks the roster how many were stored.
func (r *run) submit(ctx context.Context) error {
	s := r.cfg.SubmitStep
	var away []*cohort
	var ps []*participant
	for _, c := range r.cohorts {
		if len(c.ps) == 0 {
			continue
		}
		if s > c.steps {
			return fmt.Errorf("--submit-step %d: cohort %s has %d steps", s, c.code, c.steps)
		}
		if c.step != s {
			away = append(away, c)
			ps = append(ps, c.ps...)
		}
	}
	if err := r.dialMovers(len(away)); err != nil {
		return err
	}
	if len(away) > 0 {
		started := make([]time.Time, len(away))
		took := make([]time.Duration, len(away))
		_, errs, err := r.await(ctx, ps, func(p *participant) string { return stepText(s, r.cohorts[p.co].steps) }, "",
			func() error { return r.moveEach(away, func(*cohort) string { return strconv.Itoa(s) }, started, took) }, nil)
		if err != nil {
			return fmt.Errorf("move to the submit step: %w", err)
		}
		for _, c := range away {
			c.step = s
		}
		for _, e := range errs {
			r.res.fail("submit", e)
		}
	}
	editor := func(*participant) string { return textEditor }
	if _, errs, err := r.await(ctx, r.ready, editor, textNotSaved, nil, nil); err != nil || len(errs) > 0 {
		return firstErr(err, errs, "step %d shows no editor", s)
	}
	_, errs, err := r.await(ctx, r.ready, func(*participant) string { return textDraft }, textNotSaved, func() error {
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
	sent := make([]time.Time, len(r.ps))
	got, errs, err := r.await(ctx, r.ready, func(*participant) string { return textSubmitted }, textNotSaved, func() error {
		gap := time.Second / time.Duration(len(r.ready))
		t0 := time.Now()
		for i, p := range r.ready {
			if d := time.Until(t0.Add(time.Duration(i) * gap)); d > 0 {
				time.Sleep(d)
			}
			sent[p.idx] = time.Now()
			if err := p.typeText("\x13"); err != nil {
				r.res.fail("submit", fmt.Errorf("%s: ctrl+s: %w", p.name, err))
			}
		}
		return nil
	}, func(p *participant) time.Time { return sent[p.idx] })
	if err != nil {
		return err
	}
	r.res.SubmitRan = true
	r.res.Submit = append(r.res.Submit, got...)
	r.res.SubmitFailures = len(r.ready) - len(got)
	for _, e := range errs {
		r.res.fail("submit", e)
	}
	r.res.Stored = 0
	for _, c := range r.cohorts {
		n, err := r.fac.submitted(c.code)
		if err != nil {
			r.res.Stored = -1
			r.res.fail("submit", fmt.Errorf("count stored submissions: %w", err))
			break
		}
		r.res.Stored += n
	}
	return nil
}

package loadtest

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
)

// maxNotes bounds the failure messages a result keeps.
const maxNotes = 8

// Result is what a run measured.
type Result struct {
	Config Config
	// Codes are the join codes of the cohorts under load.
	Codes []string
	// Connect is dial → shell open; Ready is dial → the step screen, per session.
	Connect, Ready Sample
	// AllReady is from the start of the run until the last session showed the step screen.
	AllReady     time.Duration
	JoinFailures int
	// Fanout is, per screen and move, the time from the facilitator's command until that
	// screen showed the new step; Moves is each command's round trip.
	Fanout, Moves  Sample
	Rounds         int
	FanoutFailures int
	// Submit is, per participant, ctrl+s → the screen confirms; Stored is how many the roster
	// counts as submitted afterwards (-1 unknown).
	SubmitRan      bool
	Submit         Sample
	SubmitFailures int
	Stored         int
	// Server holds the debug endpoint's figures at points of the run.
	Server    []ServerReading
	ServerErr string
	Tool      ToolUsage
	// Notes are the first failure messages, by phase; Dropped counts the rest.
	Notes   []string
	Dropped int
}

// ToolUsage is what the load tool itself used.
type ToolUsage struct {
	CPU, Wall  time.Duration
	MaxRSS     uint64
	Goroutines int // at the peak, above what was running before
}

func (r *Result) fail(phase string, err error) {
	if len(r.Notes) >= maxNotes {
		r.Dropped++
		return
	}
	r.Notes = append(r.Notes, phase+": "+err.Error())
}

// Failures is the number of sessions that failed a join, a move or a submission.
func (r *Result) Failures() int { return r.JoinFailures + r.FanoutFailures + r.SubmitFailures }

// WriteTable prints the result as a table a person reads.
func (r *Result) WriteTable(w io.Writer) error {
	var b strings.Builder
	r.table(&b)
	_, err := io.WriteString(w, b.String())
	return err
}

// tabf writes one line of an aligned block. The block goes into a strings.Builder, which
// cannot fail, so there is no error to report.
func tabf(tw *tabwriter.Writer, format string, args ...any) {
	_, _ = fmt.Fprintf(tw, format, args...)
}

// table writes the whole report into w.
func (r *Result) table(w *strings.Builder) {
	c := r.Config
	ramp := "all at once"
	if c.Ramp > 0 {
		ramp = fmt.Sprintf("%g joins/s", c.Ramp)
	}
	where := "cohort " + strings.Join(r.Codes, " ")
	if len(r.Codes) > 3 {
		moving := "the first moves"
		if c.MoveAll {
			moving = "all move at once"
		}
		where = fmt.Sprintf("%d cohorts (%s … %s), %s", len(r.Codes), r.Codes[0], r.Codes[len(r.Codes)-1], moving)
	}
	fmt.Fprintf(w, "workshop loadtest · %s · %s · %d %s, %s · %d %s", c.Addr, where, c.Participants, plural(c.Participants, "participant", "participants"), ramp, r.Rounds, plural(r.Rounds, "round", "rounds"))
	if r.SubmitRan {
		fmt.Fprint(w, " · submit burst")
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	tabf(tw, "measure\tn\tp50\tp90\tp99\tmax\tfailed\n")
	row := func(name string, s Sample, failed int) {
		s = s.Sorted()
		tabf(tw, "%s\t%d\t%s\t%s\t%s\t%s\t%d\n", name, len(s), dur(s.Percentile(50)), dur(s.Percentile(90)), dur(s.Percentile(99)), dur(s.Max()), failed)
	}
	row("connect (dial → shell)", r.Connect, c.Participants-len(r.Connect))
	row("ready (dial → step screen)", r.Ready, r.JoinFailures)
	row("fan-out (move → new step on screen)", r.Fanout, r.FanoutFailures)
	row("move command (round trip)", r.Moves, 0)
	if r.SubmitRan {
		row("submit (ctrl+s → confirmed)", r.Submit, r.SubmitFailures)
	} else {
		tabf(tw, "submit (ctrl+s → confirmed)\t-\t\t\t\t\tnot run\n")
	}
	_ = tw.Flush() // into a strings.Builder
	fmt.Fprintf(w, "all ready after: %s from the first dial\n", dur(r.AllReady))
	if r.SubmitRan {
		stored := "unknown"
		if r.Stored >= 0 {
			stored = fmt.Sprintf("%d of %d", r.Stored, len(r.Ready))
		}
		fmt.Fprintf(w, "submissions stored (roster): %s\n", stored)
	}
	r.writeServer(w)
	t := r.Tool
	share := 0.0
	if t.Wall > 0 {
		share = t.CPU.Seconds() / t.Wall.Seconds() * 100
	}
	perSession := 0.0
	if c.Participants > 0 {
		perSession = float64(t.Goroutines) / float64(c.Participants)
	}
	fmt.Fprintf(w, "load tool: %.2f s CPU over %s (%.0f%% of a core), max RSS %s, %.1f goroutines per session\n",
		t.CPU.Seconds(), dur(t.Wall), share, size(t.MaxRSS), perSession)
	fmt.Fprintf(w, "failures: %d", r.Failures())
	if len(r.Notes) > 0 {
		fmt.Fprint(w, " —")
		for _, n := range r.Notes {
			fmt.Fprintf(w, "\n  %s", n)
		}
		if r.Dropped > 0 {
			fmt.Fprintf(w, "\n  … and %d more", r.Dropped)
		}
	}
	fmt.Fprintln(w)
}

// writeServer prints the debug endpoint's readings side by side, and what they imply.
func (r *Result) writeServer(w *strings.Builder) {
	if r.Config.DebugURL == "" {
		fmt.Fprintln(w, "server: no figures (give --debug-url to read them)")
		return
	}
	if len(r.Server) == 0 {
		fmt.Fprintf(w, "server: no figures (%s)\n", r.ServerErr)
		return
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	head := []string{"server"}
	for _, s := range r.Server {
		head = append(head, s.Label)
	}
	tabf(tw, "%s\n", strings.Join(head, "\t"))
	line := func(name string, f func(v ServerVars) string) {
		cells := []string{name}
		for _, s := range r.Server {
			cells = append(cells, f(s.Vars))
		}
		tabf(tw, "%s\n", strings.Join(cells, "\t"))
	}
	line("  cpu seconds", func(v ServerVars) string { return fmt.Sprintf("%.2f", v.CPUSeconds) })
	line("  rss", func(v ServerVars) string { return size(v.RSSBytes) })
	line("  heap", func(v ServerVars) string { return size(v.HeapBytes) })
	line("  goroutines", func(v ServerVars) string { return fmt.Sprint(v.Goroutines) })
	line("  sessions", func(v ServerVars) string { return fmt.Sprint(v.Sessions) })
	line("  publishes", func(v ServerVars) string { return fmt.Sprint(v.Publishes) })
	line("  renders", func(v ServerVars) string { return fmt.Sprint(v.Renders) })
	_ = tw.Flush() // into a strings.Builder
	if r.ServerErr != "" {
		fmt.Fprintf(w, "  (some readings failed: %s)\n", r.ServerErr)
	}
	first, joined := r.reading("start"), r.reading("joined")
	if first != nil && joined != nil && len(r.Ready) > 0 {
		n := float64(len(r.Ready))
		fmt.Fprintf(w, "server per join: %.1f ms CPU, %s RSS, %s heap, %.1f goroutines\n",
			(joined.Vars.CPUSeconds-first.Vars.CPUSeconds)/n*1000,
			size(uint64(max(float64(joined.Vars.RSSBytes)-float64(first.Vars.RSSBytes), 0)/n)),
			size(uint64(max(float64(joined.Vars.HeapBytes)-float64(first.Vars.HeapBytes), 0)/n)),
			float64(joined.Vars.Goroutines-first.Vars.Goroutines)/n)
	}
	if idle := r.reading("idle"); idle != nil && joined != nil {
		secs := idle.At.Sub(joined.At).Seconds()
		fmt.Fprintf(w, "server idle: %.1f%% of a core over %.0f s with everyone connected\n",
			(idle.Vars.CPUSeconds-joined.Vars.CPUSeconds)/secs*100, secs)
	}
	if start, end := r.reading("countdown-start"), r.reading("countdown"); start != nil && end != nil {
		secs := end.At.Sub(start.At).Seconds()
		fmt.Fprintf(w, "server on a running countdown: %.1f%% of a core over %.0f s\n",
			(end.Vars.CPUSeconds-start.Vars.CPUSeconds)/secs*100, secs)
	}
	if moved := r.reading("moved"); moved != nil {
		before := r.reading("countdown")
		if before == nil {
			before = r.reading("idle")
		}
		if before == nil {
			before = joined
		}
		if before != nil {
			p50, ok50 := fanoutQuantile(before.Vars, moved.Vars, 0.50)
			p99, ok99 := fanoutQuantile(before.Vars, moved.Vars, 0.99)
			if ok50 && ok99 {
				fmt.Fprintf(w, "server fan-out during the moves (publish → screen applied, bucket edges): p50 ≤ %s, p99 ≤ %s\n", bucket(p50), bucket(p99))
			}
		}
	}
}

func (r *Result) reading(label string) *ServerReading {
	for i := range r.Server {
		if r.Server[i].Label == label {
			return &r.Server[i]
		}
	}
	return nil
}

func bucket(ms float64) string {
	if ms < 0 {
		return "above the last bucket"
	}
	return dur(time.Duration(ms * float64(time.Millisecond)))
}

// dur prints a duration in ms below ten seconds and in seconds above.
func dur(d time.Duration) string {
	switch {
	case d == 0:
		return "-"
	case d < 10*time.Millisecond:
		return fmt.Sprintf("%.2f ms", float64(d)/float64(time.Millisecond))
	case d < 10*time.Second:
		return fmt.Sprintf("%.0f ms", float64(d)/float64(time.Millisecond))
	default:
		return fmt.Sprintf("%.1f s", d.Seconds())
	}
}

// size prints bytes in KiB, MiB or GiB.
func size(b uint64) string {
	switch {
	case b >= 1<<30:
		return fmt.Sprintf("%.2f GiB", float64(b)/(1<<30))
	case b >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20))
	default:
		return fmt.Sprintf("%.0f KiB", float64(b)/(1<<10))
	}
}

// plural is one or many, as n says.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

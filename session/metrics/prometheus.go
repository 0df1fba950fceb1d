package metrics

import (
	"bufio"
	"fmt"
	"io"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Source is what /metrics reports: the counters, the number of live cohorts, and labels that
// describe the build (version, revision, goversion) for workshop_build_info.
type Source struct {
	Metrics *Metrics
	Cohorts func() int // nil reports 0
	Build   map[string]string
}

// WritePrometheus writes the counters in the Prometheus text exposition format (version
// 0.0.4). The format is a few lines per metric, so it is written here rather than through
// the Prometheus client library and its dependencies.
func WritePrometheus(w io.Writer, src Source) error {
	c := src.Metrics.Read()
	p := ReadProcess()
	cohorts := 0
	if src.Cohorts != nil {
		cohorts = src.Cohorts()
	}
	bw := bufio.NewWriter(w)
	e := expo{w: bw}
	if len(src.Build) > 0 {
		e.family("workshop_build_info", "gauge", "The running build: always 1, described by its labels.")
		e.sample("workshop_build_info", labels(src.Build), 1)
	}
	e.one("workshop_sessions", "gauge", "Interactive SSH sessions open now.", float64(c.Sessions))
	e.one("workshop_cohorts_live", "gauge", "Cohorts whose live state is loaded (someone opened them since the server started).", float64(cohorts))
	e.one("workshop_joins_total", "counter", "People who joined a cohort for the first time.", float64(c.Joins))
	e.one("workshop_saves_total", "counter", "Pieces of work stored: answers and shared boards.", float64(c.Saves))
	e.one("workshop_errors_total", "counter", "Errors the server logged.", float64(c.Errors))
	e.one("workshop_publishes_total", "counter", "Changes published to the screens of a cohort.", float64(c.Publishes))
	e.one("workshop_deliveries_total", "counter", "Screens woken for a published change.", float64(c.Deliveries))
	e.one("workshop_renders_total", "counter", "Screens drawn.", float64(c.Renders))
	e.one("workshop_module_reloads_total", "counter", "Reloads of the module library (SIGHUP or content reload).", float64(c.Reloads))

	e.family("workshop_fanout_seconds", "histogram", "Time from a change being published to a screen showing it.")
	var cum uint64
	for i, b := range Bounds {
		cum += c.Fanout.Counts[i]
		e.sample("workshop_fanout_seconds_bucket", `{le="`+formatFloat(b.Seconds())+`"}`, float64(cum))
	}
	cum += c.Fanout.Counts[len(Bounds)]
	e.sample("workshop_fanout_seconds_bucket", `{le="+Inf"}`, float64(cum))
	e.sample("workshop_fanout_seconds_sum", "", c.Fanout.Sum.Seconds())
	e.sample("workshop_fanout_seconds_count", "", float64(cum))

	e.one("process_start_time_seconds", "gauge", "When the server started, in seconds since 1970.", float64(time.Now().Add(-c.Uptime).UnixMilli())/1000)
	e.one("process_cpu_seconds_total", "counter", "CPU time used by the process, user and system.", p.CPU().Seconds())
	e.one("process_resident_memory_bytes", "gauge", "Resident memory of the process (0 where unknown).", float64(p.RSSBytes))
	e.one("go_goroutines", "gauge", "Goroutines that exist now.", float64(p.Goroutines))
	e.one("go_memstats_heap_alloc_bytes", "gauge", "Bytes of live heap objects.", float64(p.HeapBytes))
	if e.err != nil {
		return e.err
	}
	return bw.Flush()
}

// expo writes exposition lines, keeping the first write error.
type expo struct {
	w   io.Writer
	err error
}

func (e *expo) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}

func (e *expo) family(name, kind, help string) {
	e.printf("# HELP %s %s\n# TYPE %s %s\n", name, escapeHelp(help), name, kind)
}

func (e *expo) sample(name, labels string, v float64) {
	e.printf("%s%s %s\n", name, labels, formatFloat(v))
}

func (e *expo) one(name, kind, help string, v float64) {
	e.family(name, kind, help)
	e.sample(name, "", v)
}

// labels writes a label set in name order.
func labels(m map[string]string) string {
	var b strings.Builder
	b.WriteByte('{')
	for i, k := range slices.Sorted(maps.Keys(m)) {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(k + `="` + escapeLabel(m[k]) + `"`)
	}
	b.WriteByte('}')
	return b.String()
}

func formatFloat(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// escapeLabel escapes a label value as the format wants: backslash, double quote, newline.
func escapeLabel(s string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s)
}

// escapeHelp escapes HELP text: backslash and newline.
func escapeHelp(s string) string {
	return strings.NewReplacer(`\`, `\\`, "\n", `\n`).Replace(s)
}

// PrometheusHandler serves WritePrometheus.
func PrometheusHandler(src Source) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			http.Error(w, "GET only", http.StatusMethodNotAllowed)
			return
		}
		w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
		_ = WritePrometheus(w, src) // a client that left cannot be told
	})
}

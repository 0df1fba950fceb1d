package metrics

import (
	"bytes"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// family is one metric as parsed from the exposition text.
type family struct {
	kind    string
	help    bool
	samples []sample
}

type sample struct {
	name   string
	labels map[string]string
	value  float64
}

var (
	sampleRe = regexp.MustCompile(`^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$`)
	labelRe  = regexp.MustCompile(`^([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(?:,|$)`)
)

// parseExposition checks text against the Prometheus text format (0.0.4) and returns its
// families by name: every sample belongs to a family declared by # TYPE before it, label sets
// parse, values are numbers, no series repeats, histograms are cumulative and end in +Inf.
func parseExposition(text string) (map[string]*family, error) {
	fams := map[string]*family{}
	seen := map[string]bool{}
	var order []string
	for n, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		at := func(format string, args ...any) error {
			return fmt.Errorf("line %d %q: %s", n+1, line, fmt.Sprintf(format, args...))
		}
		if rest, ok := strings.CutPrefix(line, "# "); ok {
			f := strings.SplitN(rest, " ", 3)
			if len(f) < 3 {
				return nil, at("short comment")
			}
			fam := fams[f[1]]
			if fam == nil {
				fam = &family{}
				fams[f[1]] = fam
				order = append(order, f[1])
			}
			switch f[0] {
			case "HELP":
				fam.help = true
			case "TYPE":
				if fam.kind != "" || len(fam.samples) > 0 {
					return nil, at("TYPE repeated or after samples")
				}
				switch f[2] {
				case "counter", "gauge", "histogram", "summary", "untyped":
					fam.kind = f[2]
				default:
					return nil, at("unknown type")
				}
			default:
				return nil, at("unknown comment")
			}
			continue
		}
		m := sampleRe.FindStringSubmatch(line)
		if m == nil {
			return nil, at("not a sample")
		}
		s := sample{name: m[1], labels: map[string]string{}}
		for rest := m[2]; rest != ""; {
			lm := labelRe.FindStringSubmatch(rest)
			if lm == nil {
				return nil, at("bad labels %q", rest)
			}
			s.labels[lm[1]] = lm[2]
			rest = rest[len(lm[0]):]
		}
		v, err := strconv.ParseFloat(m[3], 64)
		if err != nil {
			return nil, at("value: %v", err)
		}
		s.value = v
		base := s.name
		for _, suf := range []string{"_bucket", "_sum", "_count"} {
			if b, ok := strings.CutSuffix(s.name, suf); ok && fams[b] != nil && fams[b].kind == "histogram" {
				base = b
			}
		}
		fam := fams[base]
		if fam == nil || fam.kind == "" {
			return nil, at("sample before its TYPE")
		}
		key := m[1] + "{" + m[2] + "}"
		if seen[key] {
			return nil, at("series repeated")
		}
		seen[key] = true
		fam.samples = append(fam.samples, s)
	}
	for _, name := range order {
		fam := fams[name]
		if !fam.help || fam.kind == "" {
			return nil, fmt.Errorf("%s lacks HELP or TYPE", name)
		}
		if fam.kind == "counter" && !strings.HasSuffix(name, "_total") {
			return nil, fmt.Errorf("counter %s does not end in _total", name)
		}
		if fam.kind == "histogram" {
			if err := checkHistogram(name, fam); err != nil {
				return nil, err
			}
		}
	}
	return fams, nil
}

func checkHistogram(name string, fam *family) error {
	prevLe, prev := math.Inf(-1), -1.0
	var inf, count float64 = -1, -2
	for _, s := range fam.samples {
		switch s.name {
		case name + "_bucket":
			le, err := strconv.ParseFloat(s.labels["le"], 64)
			if err != nil || le <= prevLe || s.value < prev {
				return fmt.Errorf("%s: bucket le=%q value %v after le=%v value %v", name, s.labels["le"], s.value, prevLe, prev)
			}
			prevLe, prev = le, s.value
			if math.IsInf(le, 1) {
				inf = s.value
			}
		case name + "_count":
			count = s.value
		}
	}
	if inf != count {
		return fmt.Errorf("%s: +Inf bucket %v differs from _count %v", name, inf, count)
	}
	return nil
}

func value(t *testing.T, fams map[string]*family, name string) float64 {
	t.Helper()
	f := fams[name]
	if f == nil || len(f.samples) != 1 {
		t.Fatalf("no single sample of %s", name)
	}
	return f.samples[0].value
}

// /metrics is valid exposition text and carries every counter.
func TestPrometheusText(t *testing.T) {
	m := New()
	m.SessionOpened()
	m.SessionOpened()
	m.Joined()
	m.Saved()
	m.Saved()
	m.Saved()
	m.Failed()
	m.Published()
	m.Delivered()
	m.Rendered()
	m.Reloaded()
	m.fanout.Observe(3 * time.Millisecond)
	m.fanout.Observe(3 * time.Millisecond)
	m.fanout.Observe(time.Minute)
	src := Source{Metrics: m, Cohorts: func() int { return 4 }, Build: map[string]string{"version": `v1 "quoted" \ back`, "goversion": "go1.27.3"}}
	var buf bytes.Buffer
	if err := WritePrometheus(&buf, src); err != nil {
		t.Fatal(err)
	}
	fams, err := parseExposition(buf.String())
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	for name, want := range map[string]float64{
		"workshop_sessions": 2, "workshop_cohorts_live": 4, "workshop_joins_total": 1, "workshop_saves_total": 3,
		"workshop_errors_total": 1, "workshop_publishes_total": 1, "workshop_deliveries_total": 1,
		"workshop_renders_total": 1, "workshop_module_reloads_total": 1,
	} {
		if got := value(t, fams, name); got != want {
			t.Errorf("%s = %v, want %v", name, got, want)
		}
	}
	if got := fams["workshop_build_info"].samples[0].labels["version"]; got != `v1 \"quoted\" \\ back` {
		t.Errorf("build label escaped as %q", got)
	}
	h := fams["workshop_fanout_seconds"]
	var buckets []float64
	for _, s := range h.samples {
		if s.name == "workshop_fanout_seconds_bucket" {
			buckets = append(buckets, s.value)
		}
		if s.name == "workshop_fanout_seconds_sum" && s.value < 60 {
			t.Errorf("sum %v", s.value)
		}
	}
	// 3 ms falls in the ≤5 ms bucket (the 4th), the minute only in +Inf.
	if len(buckets) != len(Bounds)+1 || buckets[2] != 0 || buckets[3] != 2 || buckets[len(Bounds)-1] != 2 || buckets[len(Bounds)] != 3 {
		t.Errorf("buckets %v", buckets)
	}
	if value(t, fams, "go_goroutines") < 1 {
		t.Error("no goroutines")
	}
}

// The parser above rejects what the format forbids, so the test above means something.
func TestExpositionParserRejects(t *testing.T) {
	for _, bad := range []string{
		"workshop_x 1\n", // no TYPE
		"# HELP a_total x\n# TYPE a_total counter\na_total one\n",
		"# HELP a x\n# TYPE a counter\na 1\n", // counter without _total
		"# HELP h x\n# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 1\n",
		"# HELP g x\n# TYPE g gauge\ng{a=\"1\"} 1\ng{a=\"1\"} 2\n",
		"# HELP g x\n# TYPE g gauge\ng{a=1} 1\n",
	} {
		if _, err := parseExposition(bad); err == nil {
			t.Errorf("accepted:\n%s", bad)
		}
	}
}

func TestPrometheusHandler(t *testing.T) {
	rec := httptest.NewRecorder()
	PrometheusHandler(Source{Metrics: New()}).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/plain; version=0.0.4") {
		t.Fatalf("%d %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	if _, err := parseExposition(rec.Body.String()); err != nil {
		t.Fatal(err)
	}
	// A nil Metrics (a tool without counters) still serves valid text.
	rec = httptest.NewRecorder()
	PrometheusHandler(Source{}).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	if _, err := parseExposition(rec.Body.String()); err != nil {
		t.Fatal(err)
	}
}

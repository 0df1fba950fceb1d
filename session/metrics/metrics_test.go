package metrics

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

func TestNilMetricsIsSafe(t *testing.T) {
	var m *Metrics
	m.SessionOpened()()
	m.Published()
	m.Delivered()
	m.Rendered()
	m.Applied(time.Now())
	if c := m.Read(); c.Publishes != 0 || c.Fanout.Total() != 0 || len(c.Fanout.Counts) != len(Bounds)+1 {
		t.Fatalf("nil metrics read %+v", c)
	}
}

func TestCounters(t *testing.T) {
	m := New()
	closeA := m.SessionOpened()
	closeB := m.SessionOpened()
	closeA()
	m.Published()
	m.Published()
	for range 7 {
		m.Delivered()
	}
	m.Rendered()
	m.Applied(time.Time{}) // no publish time: not observed
	m.Applied(time.Now())
	c := m.Read()
	if c.Sessions != 1 || c.Publishes != 2 || c.Deliveries != 7 || c.Renders != 1 || c.Fanout.Total() != 1 {
		t.Fatalf("counters %+v", c)
	}
	closeB()
	if m.Read().Sessions != 0 {
		t.Fatal("sessions not back to zero")
	}
}

func TestHistogramQuantiles(t *testing.T) {
	var h Histogram
	if q := h.Read().Quantile(0.5); q != 0 {
		t.Fatalf("empty quantile %v", q)
	}
	for range 98 {
		h.Observe(3 * time.Millisecond) // bucket ≤ 5ms
	}
	h.Observe(150 * time.Millisecond) // ≤ 200ms
	h.Observe(time.Minute)            // above every bound
	r := h.Read()
	cases := []struct {
		q    float64
		want time.Duration
	}{{0.5, 5 * time.Millisecond}, {0.98, 5 * time.Millisecond}, {0.99, 200 * time.Millisecond}, {1, -1}}
	for _, c := range cases {
		if got := r.Quantile(c.q); got != c.want {
			t.Errorf("q%.2f = %v, want %v", c.q, got, c.want)
		}
	}
	if r.Total() != 100 || r.Sum < time.Minute {
		t.Fatalf("total %d sum %v", r.Total(), r.Sum)
	}
	// Exactly on an edge counts in that bucket.
	var e Histogram
	e.Observe(time.Millisecond)
	if got := e.Read().Quantile(1); got != time.Millisecond {
		t.Fatalf("edge went to %v", got)
	}
}

func TestParseStatm(t *testing.T) {
	if got := parseStatm("12345 678 90 1 0 2 0\n", 4096); got != 678*4096 {
		t.Fatalf("got %d", got)
	}
	for _, bad := range []string{"", "12", "1 x 3"} {
		if got := parseStatm(bad, 4096); got != 0 {
			t.Fatalf("%q gave %d", bad, got)
		}
	}
}

func TestHandlerServesJSON(t *testing.T) {
	m := New()
	m.Published()
	for range 4 {
		m.Delivered()
	}
	m.Applied(time.Now())
	rec := httptest.NewRecorder()
	Handler(m, func() int { return 2 }).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/debug/vars", nil))
	var v Vars
	if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, rec.Body)
	}
	if v.CohortsLive != 2 || v.Publishes != 1 || v.Deliveries != 4 || v.Fanout.Count != 1 || v.Goroutines == 0 || v.HeapBytes == 0 {
		t.Fatalf("vars %+v", v)
	}
	if len(v.Fanout.BoundsMS) != len(Bounds) || len(v.Fanout.Counts) != len(Bounds)+1 {
		t.Fatalf("buckets %v %v", v.Fanout.BoundsMS, v.Fanout.Counts)
	}
	rec = httptest.NewRecorder()
	Handler(m, nil).ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/debug/vars", nil))
	if rec.Code != 405 {
		t.Fatalf("POST answered %d", rec.Code)
	}
}

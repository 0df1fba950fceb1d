package metrics

import (
	"encoding/json"
	"net/http"
	"time"
)

// Vars is the JSON document of the debug endpoint: the process's cost and the live counters.
// Field names are a contract for tools that read it (the load tool does); add, never rename.
type Vars struct {
	UptimeSeconds    float64 `json:"uptime_seconds"`
	Sessions         int64   `json:"sessions"`
	CohortsLive      int     `json:"cohorts_live"`
	Goroutines       int     `json:"goroutines"`
	HeapBytes        uint64  `json:"heap_bytes"`
	HeapSysBytes     uint64  `json:"heap_sys_bytes"`
	RSSBytes         uint64  `json:"rss_bytes"`
	CPUSeconds       float64 `json:"cpu_seconds"`
	CPUUserSeconds   float64 `json:"cpu_user_seconds"`
	CPUSystemSeconds float64 `json:"cpu_system_seconds"`
	Publishes        uint64  `json:"publishes"`
	Deliveries       uint64  `json:"deliveries"`
	Renders          uint64  `json:"renders"`
	Fanout           Fanout  `json:"fanout"`
}

// Fanout is the publish-to-render histogram as JSON: Counts[i] are the renders that came at
// most BoundsMS[i] milliseconds after their publish, the last count those above every bound.
type Fanout struct {
	Count      uint64    `json:"count"`
	SumSeconds float64   `json:"sum_seconds"`
	BoundsMS   []float64 `json:"bounds_ms"`
	Counts     []uint64  `json:"counts"`
	// P50MS and P99MS are bucket upper edges (the true value is at most this); -1 means
	// above the last bound.
	P50MS float64 `json:"p50_ms"`
	P99MS float64 `json:"p99_ms"`
}

// ReadVars gathers the document; cohorts reports how many cohorts are live (nil for none).
func ReadVars(m *Metrics, cohorts func() int) Vars {
	c := m.Read()
	p := ReadProcess()
	v := Vars{
		UptimeSeconds: c.Uptime.Seconds(), Sessions: c.Sessions,
		Goroutines: p.Goroutines, HeapBytes: p.HeapBytes, HeapSysBytes: p.HeapSys, RSSBytes: p.RSSBytes,
		CPUSeconds: p.CPU().Seconds(), CPUUserSeconds: p.CPUUser.Seconds(), CPUSystemSeconds: p.CPUSystem.Seconds(),
		Publishes: c.Publishes, Deliveries: c.Deliveries, Renders: c.Renders,
		Fanout: Fanout{Count: c.Fanout.Total(), SumSeconds: c.Fanout.Sum.Seconds(), Counts: c.Fanout.Counts,
			P50MS: ms(c.Fanout.Quantile(0.50)), P99MS: ms(c.Fanout.Quantile(0.99))},
	}
	if cohorts != nil {
		v.CohortsLive = cohorts()
	}
	for _, b := range Bounds {
		v.Fanout.BoundsMS = append(v.Fanout.BoundsMS, ms(b))
	}
	return v
}

// ms is d in milliseconds; a negative d (the open bucket) stays -1.
func ms(d time.Duration) float64 {
	if d < 0 {
		return -1
	}
	return d.Seconds() * 1000
}

// Handler serves ReadVars as JSON.
func Handler(m *Metrics, cohorts func() int) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			http.Error(w, "GET only", http.StatusMethodNotAllowed)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		_ = enc.Encode(ReadVars(m, cohorts))
	})
}

package loadtest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// ServerVars is what the tool reads from a server's debug endpoint (`workshop serve
// --debug-addr`, or the floor's): the fields it reports, by their JSON names.
type ServerVars struct {
	Sessions    int64   `json:"sessions"`
	CohortsLive int     `json:"cohorts_live"`
	Goroutines  int     `json:"goroutines"`
	HeapBytes   uint64  `json:"heap_bytes"`
	RSSBytes    uint64  `json:"rss_bytes"`
	CPUSeconds  float64 `json:"cpu_seconds"`
	Publishes   uint64  `json:"publishes"`
	Renders     uint64  `json:"renders"`
	Fanout      struct {
		Count    uint64    `json:"count"`
		BoundsMS []float64 `json:"bounds_ms"`
		Counts   []uint64  `json:"counts"`
	} `json:"fanout"`
}

// ServerReading is the server's figures at one point of the run.
type ServerReading struct {
	Label string
	At    time.Time
	Vars  ServerVars
}

// varsURL is where the counters are under a debug URL given as http://HOST:PORT.
func varsURL(base string) string {
	base = strings.TrimRight(base, "/")
	if strings.HasSuffix(base, "/debug/vars") {
		return base
	}
	return base + "/debug/vars"
}

func readServer(client *http.Client, base, label string) (ServerReading, error) {
	resp, err := client.Get(varsURL(base))
	if err != nil {
		return ServerReading{}, fmt.Errorf("read server figures: %w", err)
	}
	defer func() { _ = resp.Body.Close() }() // only read from
	if resp.StatusCode != http.StatusOK {
		return ServerReading{}, fmt.Errorf("read server figures: %s", resp.Status)
	}
	var v ServerVars
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&v); err != nil {
		return ServerReading{}, fmt.Errorf("read server figures: %w", err)
	}
	return ServerReading{Label: label, At: time.Now(), Vars: v}, nil
}

// fanoutQuantile is the upper bucket edge holding the q-th quantile of the renders counted
// between two readings (ok false when none were, or the buckets differ).
func fanoutQuantile(a, b ServerVars, q float64) (ms float64, ok bool) {
	if len(a.Fanout.Counts) != len(b.Fanout.Counts) || len(b.Fanout.Counts) != len(b.Fanout.BoundsMS)+1 {
		return 0, false
	}
	diff := make([]uint64, len(b.Fanout.Counts))
	var total uint64
	for i := range diff {
		diff[i] = b.Fanout.Counts[i] - a.Fanout.Counts[i]
		total += diff[i]
	}
	if total == 0 {
		return 0, false
	}
	rank := uint64(q*float64(total) + 0.999999)
	var seen uint64
	for i, c := range diff {
		seen += c
		if seen >= rank {
			if i == len(b.Fanout.BoundsMS) {
				return -1, true
			}
			return b.Fanout.BoundsMS[i], true
		}
	}
	return -1, true
}

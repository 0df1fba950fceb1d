package metrics

import (
	"sync/atomic"
	"time"
)

// Bounds are the upper edges of the latency buckets; a last, open bucket holds the rest.
// Fixed edges keep Observe to one atomic add and make readings from two moments subtractable.
var Bounds = []time.Duration{
	500 * time.Microsecond, time.Millisecond, 2 * time.Millisecond, 5 * time.Millisecond,
	10 * time.Millisecond, 20 * time.Millisecond, 50 * time.Millisecond, 100 * time.Millisecond,
	200 * time.Millisecond, 500 * time.Millisecond, time.Second, 2 * time.Second,
	5 * time.Second, 10 * time.Second, 30 * time.Second,
}

// Histogram counts durations into the buckets of Bounds. The zero value is ready to use.
type Histogram struct {
	counts [16]atomic.Uint64 // len(Bounds)+1
	sum    atomic.Int64      // nanoseconds
}

// Observe adds one duration.
func (h *Histogram) Observe(d time.Duration) {
	i := 0
	for i < len(Bounds) && d > Bounds[i] {
		i++
	}
	h.counts[i].Add(1)
	h.sum.Add(int64(d))
}

// HistogramReading is a histogram's counts at one moment.
type HistogramReading struct {
	// Counts has one entry per bucket: Counts[i] are durations ≤ Bounds[i], the last entry the
	// durations above every bound.
	Counts []uint64
	Sum    time.Duration
}

// Read returns the current counts; a nil histogram reads as empty.
func (h *Histogram) Read() HistogramReading {
	r := HistogramReading{Counts: make([]uint64, len(Bounds)+1)}
	if h == nil {
		return r
	}
	for i := range r.Counts {
		r.Counts[i] = h.counts[i].Load()
	}
	r.Sum = time.Duration(h.sum.Load())
	return r
}

// Total is the number of durations observed.
func (r HistogramReading) Total() uint64 {
	var n uint64
	for _, c := range r.Counts {
		n += c
	}
	return n
}

// Quantile returns the upper edge of the bucket holding the q-th quantile (0 < q ≤ 1): the
// true value is at most this. It is 0 for an empty reading, and -1 when the quantile lies in
// the open bucket above the last bound.
func (r HistogramReading) Quantile(q float64) time.Duration {
	total := r.Total()
	if total == 0 {
		return 0
	}
	rank := uint64(q*float64(total) + 0.999999)
	rank = min(max(rank, 1), total)
	var seen uint64
	for i, c := range r.Counts {
		seen += c
		if seen >= rank {
			if i == len(Bounds) {
				return -1
			}
			return Bounds[i]
		}
	}
	return -1
}

package loadtest

import (
	"math"
	"slices"
	"time"
)

// Sample is a set of measured durations.
type Sample []time.Duration

// Sorted returns a sorted copy.
func (s Sample) Sorted() Sample {
	c := slices.Clone(s)
	slices.Sort(c)
	return c
}

// Percentile returns the nearest-rank q-th percentile (0 < q ≤ 100) of a sorted sample: the
// smallest value that at least q% of the sample is at or below. It is 0 for an empty sample.
func (s Sample) Percentile(q float64) time.Duration {
	if len(s) == 0 {
		return 0
	}
	rank := int(math.Ceil(q / 100 * float64(len(s))))
	rank = min(max(rank, 1), len(s))
	return s[rank-1]
}

// Max is the largest value of a sorted sample (0 if empty).
func (s Sample) Max() time.Duration {
	if len(s) == 0 {
		return 0
	}
	return s[len(s)-1]
}

//go:build !unix

package metrics

import "time"

func cpuTimes() (user, system time.Duration) { return 0, 0 }

// MaxRSS is the largest resident set this process has had; unknown here.
func MaxRSS() uint64 { return 0 }

//go:build unix

package loadtest

import (
	"syscall"
	"time"
)

// selfUsage is the CPU time this process has used and its largest resident set so far.
func selfUsage() (cpu time.Duration, maxRSS uint64) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), uint64(ru.Maxrss) * 1024
}

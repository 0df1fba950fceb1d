package metrics

import (
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// Process is what the running process costs at one moment.
type Process struct {
	Goroutines int
	HeapBytes  uint64 // live heap objects (runtime.MemStats.HeapAlloc)
	HeapSys    uint64 // heap memory obtained from the system
	// RSSBytes is the resident set from /proc/self/statm; 0 where that file does not exist.
	RSSBytes uint64
	// CPUUser and CPUSystem are the process's CPU time so far (getrusage); 0 where unsupported.
	CPUUser, CPUSystem time.Duration
}

// CPU is user plus system time.
func (p Process) CPU() time.Duration { return p.CPUUser + p.CPUSystem }

// ReadProcess measures the running process. It reads the Go memory statistics, which
// briefly stops the world: call it on demand, not in a loop.
func ReadProcess() Process {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	p := Process{Goroutines: runtime.NumGoroutine(), HeapBytes: ms.HeapAlloc, HeapSys: ms.HeapSys, RSSBytes: rss()}
	p.CPUUser, p.CPUSystem = cpuTimes()
	return p
}

// rss reads the resident pages of this process (the second field of /proc/self/statm).
func rss() uint64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	return parseStatm(string(b), uint64(os.Getpagesize()))
}

func parseStatm(s string, pageSize uint64) uint64 {
	f := strings.Fields(s)
	if len(f) < 2 {
		return 0
	}
	pages, err := strconv.ParseUint(f[1], 10, 64)
	if err != nil {
		return 0
	}
	return pages * pageSize
}

//go:build !unix

package loadtest

import "time"

func selfUsage() (time.Duration, uint64) { return 0, 0 }

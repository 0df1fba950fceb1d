package sqlite

import (
	"testing"
	"time"
)

// A read that was running when the store closed holds its connection until it ends; Close must
// not return before that, or whoever removes or copies the files next races SQLite tidying them.
func TestCloseWaitsForAReadInFlight(t *testing.T) {
	s, _ := openTest(t)
	rows, err := s.r.Query("SELECT 1")
	if err != nil {
		t.Fatal(err)
	}
	open := make(chan int, 1)
	go func() {
		_ = s.Close()
		open <- s.r.Stats().OpenConnections + s.w.Stats().OpenConnections
	}()
	var left int
	select {
	case left = <-open: // Close returned with the read still running
	case <-time.After(200 * time.Millisecond): // Close is waiting, as it should: let the read end
		_ = rows.Close()
		left = <-open
	}
	_ = rows.Close()
	if left != 0 {
		t.Errorf("Close returned with %d connections still open", left)
	}
}

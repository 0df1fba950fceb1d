package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"workshop/session"
)

// BenchmarkCheck measures the start-up check on a database of many answers: quick_check
// (what the server runs at start) against the full integrity_check. WORKSHOP_BENCH_ANSWERS sets
// the number of answers (default 20000, about 1 KB each).
func BenchmarkCheck(b *testing.B) {
	n := 20000
	if v, err := strconv.Atoi(os.Getenv("WORKSHOP_BENCH_ANSWERS")); err == nil && v > 0 {
		n = v
	}
	s, path := openTest(b)
	ctx := context.Background()
	c := newCohort(b, s, "BIG")
	const people = 500
	text := strings.Repeat("An answer of about a kilobyte. ", 32)
	err := s.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		for i := range people {
			if _, err := tx.ExecContext(ctx, `INSERT INTO participants (id, cohort_id, name, rejoin_code, step, joined_at, last_seen)
				VALUES (?, ?, ?, ?, 0, ?, ?)`, i+1, c.ID, fmt.Sprintf("P%d", i), fmt.Sprintf("RC%06d", i), formatTime(t0), formatTime(t0)); err != nil {
				return err
			}
		}
		for i := range n {
			if _, err := tx.ExecContext(ctx, `INSERT INTO artifacts (`+artifactColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
				c.ID, fmt.Sprintf("step-%d", i/people), i%people+1, "reflection", 1,
				fmt.Sprintf(`{"text":%q}`, text), string(session.StatusDraft), formatTime(t0)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.w.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		b.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("%d answers, %s: %d MB", n, filepath.Base(path), fi.Size()>>20)
	for _, full := range []bool{false, true} {
		name := "quick_check"
		if full {
			name = "integrity_check"
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if err := s.Check(ctx, full); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"testing"

	"workshop/session"
)

// insertReq is a queued write that adds a participant named name with a rejoin code.
func insertReq(ctx context.Context, cohortID int64, name, code string) *writeReq {
	return &writeReq{ctx: ctx, done: make(chan error, 1), fn: func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO participants (cohort_id, name, rejoin_code, step, joined_at, last_seen) VALUES (?, ?, ?, 0, ?, ?)`,
			cohortID, name, code, formatTime(t0), formatTime(t0))
		return err
	}}
}

func names(t *testing.T, s *Store, cohortID int64) map[string]bool {
	t.Helper()
	ps, err := s.Participants(context.Background(), cohortID)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, p := range ps {
		out[p.Name] = true
	}
	return out
}

// A write that fails inside a batch is undone alone, even the statements of it that had
// succeeded: the writes before and after it in the same transaction are committed and their
// callers told so.
func TestBatchKeepsNeighboursOfAFailedWrite(t *testing.T) {
	s, _ := openTest(t)
	c := newCohort(t, s, "BATCH")
	ctx := context.Background()
	half := insertReq(ctx, c.ID, "half", "HALF0000")
	clash := insertReq(ctx, c.ID, "clash", "AAAA1111") // the same rejoin code as first: UNIQUE
	failing := &writeReq{ctx: ctx, done: make(chan error, 1), fn: func(ctx context.Context, tx *sql.Tx) error {
		if err := half.fn(ctx, tx); err != nil {
			return err
		}
		return clash.fn(ctx, tx)
	}}
	batch := []*writeReq{
		insertReq(ctx, c.ID, "first", "AAAA1111"),
		failing,
		insertReq(ctx, c.ID, "third", "BBBB2222"),
	}
	s.commitBatch(batch)
	errs := []error{<-batch[0].done, <-batch[1].done, <-batch[2].done}
	if errs[0] != nil || errs[2] != nil {
		t.Fatalf("neighbours of a failed write failed: %v", errs)
	}
	if !errors.Is(constraint(errs[1]), session.ErrExists) {
		t.Fatalf("clashing write: %v, want a UNIQUE violation", errs[1])
	}
	if got := names(t, s, c.ID); len(got) != 2 || !got["first"] || !got["third"] {
		t.Errorf("stored %v, want first and third", got)
	}
}

// A write that breaks the batch's transaction makes every write of the batch run again on
// its own: only the breaking one fails.
func TestBrokenBatchFallsBackToSingleWrites(t *testing.T) {
	s, _ := openTest(t)
	c := newCohort(t, s, "BROKEN")
	ctx := context.Background()
	breaker := &writeReq{ctx: ctx, done: make(chan error, 1), fn: func(ctx context.Context, tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `ROLLBACK`); err != nil {
			return err
		}
		return errors.New("broke the transaction")
	}}
	batch := []*writeReq{insertReq(ctx, c.ID, "a", "CCCC1111"), breaker, insertReq(ctx, c.ID, "b", "CCCC2222")}
	s.commitBatch(batch)
	if err := <-batch[0].done; err != nil {
		t.Errorf("first write: %v", err)
	}
	if err := <-batch[1].done; err == nil {
		t.Error("the breaking write was reported stored")
	}
	if err := <-batch[2].done; err != nil {
		t.Errorf("last write: %v", err)
	}
	if got := names(t, s, c.ID); len(got) != 2 || !got["a"] || !got["b"] {
		t.Errorf("stored %v, want a and b", got)
	}
}

// A write whose caller gave up before the batch started is not run, and says so.
func TestBatchSkipsWritesWhoseCallerGaveUp(t *testing.T) {
	s, _ := openTest(t)
	c := newCohort(t, s, "GAVEUP")
	gone, cancel := context.WithCancel(context.Background())
	cancel()
	batch := []*writeReq{insertReq(context.Background(), c.ID, "kept", "DDDD1111"), insertReq(gone, c.ID, "dropped", "DDDD2222")}
	s.commitBatch(batch)
	if err := <-batch[0].done; err != nil {
		t.Fatal(err)
	}
	if err := <-batch[1].done; !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled write: %v", err)
	}
	if got := names(t, s, c.ID); len(got) != 1 || !got["kept"] {
		t.Errorf("stored %v, want only kept", got)
	}
}

// Many writers at once: every acknowledged write is stored, and each writer's own writes land
// in the order it made them.
func TestConcurrentWritesAllLandInOrder(t *testing.T) {
	s, path := openTest(t)
	c := newCohort(t, s, "BURST")
	ctx := context.Background()
	const writers, each = 50, 10
	ids := make([]int64, writers)
	for i := range writers {
		p, err := s.AddParticipant(ctx, session.Participant{CohortID: c.ID, Name: fmt.Sprint("p", i)})
		if err != nil {
			t.Fatal(err)
		}
		ids[i] = p.ID
	}
	var wg sync.WaitGroup
	errs := make(chan error, writers*each)
	for i := range writers {
		wg.Go(func() {
			for j := range each {
				a := session.Artifact{CohortID: c.ID, StepID: "s", ParticipantID: ids[i], Kind: "reflection",
					Schema: 1, Data: fmt.Appendf(nil, `{"n":%d}`, j), Status: session.StatusDraft, UpdatedAt: t0}
				if err := s.SaveArtifact(ctx, a); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	// Read back through a fresh store, as after a restart.
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	arts, err := s2.Artifacts(ctx, c.ID, "s")
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != writers {
		t.Fatalf("%d artifacts stored, want %d", len(arts), writers)
	}
	for _, a := range arts {
		if string(a.Data) != fmt.Sprintf(`{"n":%d}`, each-1) {
			t.Errorf("participant %d ends with %s, want their last write", a.ParticipantID, a.Data)
		}
	}
}

// Close while writes arrive: every write either is stored and said to be, or fails with
// errClosed and is not stored; none hangs. A write after Close fails at once.
func TestCloseFinishesQueuedWrites(t *testing.T) {
	path := t.TempDir() + "/w.db"
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	c := newCohort(t, s, "CLOSE")
	ctx := context.Background()
	var wg sync.WaitGroup
	const n = 100
	stored := make(chan string, n)
	start := make(chan struct{})
	for i := range n {
		wg.Go(func() {
			<-start
			name := fmt.Sprint("p", i)
			_, err := s.AddParticipant(ctx, session.Participant{CohortID: c.ID, Name: name})
			switch {
			case err == nil:
				stored <- name
			case !errors.Is(err, errClosed):
				t.Errorf("%s: %v", name, err)
			}
		})
	}
	close(start)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	close(stored)
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if err := s.Record(ctx, session.Event{CohortID: c.ID, Action: "x"}); !errors.Is(err, errClosed) {
		t.Errorf("write after Close: %v", err)
	}
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	got := names(t, s2, c.ID)
	want := 0
	for name := range stored {
		want++
		if !got[name] {
			t.Errorf("%s was acknowledged but is not stored", name)
		}
	}
	if len(got) != want {
		t.Errorf("%d participants stored, %d acknowledged", len(got), want)
	}
}

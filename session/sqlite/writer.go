package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
)

// Group commit. Every write of the store is a function run inside a transaction. Callers queue
// their writes; one writer goroutine takes every write waiting, runs them in a single immediate
// transaction and commits it (synchronous=FULL, so the commit is on disk when it returns), then
// answers each caller. Under a burst of saves the disk is synced once per batch instead of once
// per save, and no caller is answered before its write is durable.
//
// Each write runs inside its own savepoint, so a write that fails (a taken rejoin code, a
// missing row) is undone alone and its neighbours still commit. If the batch as a whole cannot
// commit, each of its writes runs again in a transaction of its own, so one write that breaks
// a transaction fails alone. Writes run in the order they were queued: a caller that waits for
// one write before asking for the next sees them applied in that order.

// maxBatch bounds the writes committed together, so one batch never keeps the first caller in
// it waiting for long.
const maxBatch = 256

// errClosed is returned for a write asked for after the store closed.
var errClosed = errors.New("the database is closed")

// txFunc is one write: it runs its statements on tx with ctx and returns an error to undo
// them. It may run twice (see above), so it must set its results afresh each time.
type txFunc func(ctx context.Context, tx *sql.Tx) error

// writeReq is one queued write and where its outcome goes.
type writeReq struct {
	ctx  context.Context
	fn   txFunc
	done chan error
}

// writeQueue is the writer goroutine's queue.
type writeQueue struct {
	reqs chan *writeReq
	done chan struct{} // closed when the writer has finished every queued write

	// mu orders queueing against stop: senders hold it shared while they queue, stop takes it
	// exclusively before closing reqs, so nothing is ever sent on a closed channel.
	mu     sync.RWMutex
	closed bool
}

func (q *writeQueue) start(s *Store) {
	q.reqs = make(chan *writeReq, 1024)
	q.done = make(chan struct{})
	go s.writeLoop()
}

// stop lets the writer finish what is queued and waits for it; it says false if the queue was
// already stopped.
func (q *writeQueue) stop() bool {
	q.mu.Lock()
	if q.closed {
		q.mu.Unlock()
		return false
	}
	q.closed = true
	close(q.reqs)
	q.mu.Unlock()
	<-q.done
	return true
}

// write runs fn in a transaction and returns once it is committed to disk, or failed. ctx
// bounds the wait for the write to start; a write that has started is finished and answered
// truthfully, since its caller must not be told "not saved" about work that is stored.
func (s *Store) write(ctx context.Context, fn txFunc) error {
	req := &writeReq{ctx: ctx, fn: fn, done: make(chan error, 1)}
	q := &s.wq
	q.mu.RLock()
	if q.closed {
		q.mu.RUnlock()
		return errClosed
	}
	select {
	case q.reqs <- req:
	case <-ctx.Done():
		q.mu.RUnlock()
		return fmt.Errorf("queue write: %w", ctx.Err())
	}
	q.mu.RUnlock()
	return <-req.done
}

// writeLoop is the writer goroutine: it takes the first queued write and every other one
// already waiting, and commits them together. Batches form by themselves while a commit
// syncs the disk; nothing waits on a timer.
func (s *Store) writeLoop() {
	defer close(s.wq.done)
	for first := range s.wq.reqs {
		batch := []*writeReq{first}
	fill:
		for len(batch) < maxBatch {
			select {
			case r, ok := <-s.wq.reqs:
				if !ok {
					break fill
				}
				batch = append(batch, r)
			default:
				break fill
			}
		}
		s.commitBatch(batch)
	}
}

// commitBatch runs a batch of writes and answers each caller.
func (s *Store) commitBatch(batch []*writeReq) {
	live := batch[:0]
	for _, r := range batch {
		if err := r.ctx.Err(); err != nil {
			r.done <- fmt.Errorf("begin transaction: %w", err)
			continue
		}
		live = append(live, r)
	}
	// Statements run on a context of their own: cancelling one caller's context interrupts the
	// connection, and an interrupted statement rolls back the whole transaction with everyone
	// else's writes in it.
	ctx := context.Background()
	switch len(live) {
	case 0:
		return
	case 1:
		live[0].done <- s.runAlone(ctx, live[0].fn)
		return
	}
	errs, err := s.runTogether(ctx, live)
	var begin beginError
	switch {
	case errors.As(err, &begin):
		// Nothing ran: the lock could not be had (another process held it past the busy
		// timeout). Trying each write again would wait that long once per write.
		for _, r := range live {
			r.done <- err
		}
	case err != nil:
		for _, r := range live {
			r.done <- s.runAlone(ctx, r.fn)
		}
	default:
		for i, r := range live {
			r.done <- errs[i]
		}
	}
}

// beginError is a batch that could not start a transaction.
type beginError struct{ err error }

func (e beginError) Error() string { return "begin transaction: " + e.err.Error() }
func (e beginError) Unwrap() error { return e.err }

// runAlone runs one write in a transaction of its own.
func (s *Store) runAlone(ctx context.Context, fn txFunc) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin transaction: %w", err)
	}
	if err := fn(ctx, tx); err != nil {
		// fn's error says why; a rollback that fails still leaves nothing committed.
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	s.committed()
	return nil
}

// runTogether runs writes in one transaction, each in a savepoint, and commits. It returns
// each write's own outcome, or an error if the transaction as a whole did not commit.
func (s *Store) runTogether(ctx context.Context, batch []*writeReq) ([]error, error) {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return nil, beginError{err}
	}
	errs := make([]error, len(batch))
	for i, r := range batch {
		if _, err := tx.ExecContext(ctx, `SAVEPOINT w`); err != nil {
			_ = tx.Rollback() // the error returned says why; nothing is committed
			return nil, err
		}
		if errs[i] = r.fn(ctx, tx); errs[i] != nil {
			if _, err := tx.ExecContext(ctx, `ROLLBACK TO w`); err != nil {
				_ = tx.Rollback() // the error returned says why; nothing is committed
				return nil, err
			}
		}
		if _, err := tx.ExecContext(ctx, `RELEASE w`); err != nil {
			_ = tx.Rollback() // the error returned says why; nothing is committed
			return nil, err
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("commit: %w", err)
	}
	s.committed()
	return errs, nil
}

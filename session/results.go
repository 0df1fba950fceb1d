package session

import "context"

// ResultsOwner names, in Snapshot.Boards, the cohort result of a step (a vote tally, a scale
// distribution) rather than a board: its count moves whenever someone's work on the step that
// feeds the result is saved, so screens showing the result reload it.
const ResultsOwner = "results"

// ResultsKey is the Snapshot.Boards key of a step's cohort result.
func ResultsKey(stepID string) string { return BoardKey(stepID, ResultsOwner) }

// SaveCountedWork is SaveWork for work that feeds a live cohort result, such as vote dots or
// scale ratings: the change it publishes also tells the screens showing the step's result
// that it changed.
func (h *Hub) SaveCountedWork(ctx context.Context, pid int64, stepID string, schema int, data []byte, submit bool) (Artifact, error) {
	return h.saveWork(ctx, pid, stepID, schema, data, submit, true)
}

// bumpLocked moves the change count of one key of Snapshot.Boards; the caller holds h.state.
// The map is replaced, not changed, because published snapshots share it.
func (h *Hub) bumpLocked(key string) {
	boards := make(map[string]uint64, len(h.boards)+1)
	for k, n := range h.boards {
		boards[k] = n
	}
	boards[key]++
	h.boards = boards
}

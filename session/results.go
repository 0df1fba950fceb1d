package session

import "context"

// ResultsOwner names, in Snapshot.Boards, the cohort result of a step (a vote tally, a scale
// distribution) rather than a board: its count moves whenever someone's work on the step that
// feeds the result is saved, so screens showing the result reload it.
const ResultsOwner = "results"

// ResultsKey is the Snapshot.Boards key of a step's cohort result.
func ResultsKey(stepID string) string { return BoardKey(stepID, ResultsOwner) }

// SaveCountedWork is SaveWork, which decides itself whether a save feeds the step's cohort
// result and publishes the change once either way; it stays for callers that name the counted
// path.
func (h *Hub) SaveCountedWork(ctx context.Context, pid int64, stepID string, schema int, data []byte, submit bool) (Artifact, error) {
	return h.SaveWork(ctx, pid, stepID, schema, data, submit)
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

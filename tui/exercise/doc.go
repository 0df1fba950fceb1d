// Package exercise owns the exercise editors of a participant's screen, one per kind
// (reflection, list, vote, matrix, journey, table, scale, checklist, quiz): they hold the work
// on screen and ask for it to be stored only by the messages they send (SaveWork and BoardOp,
// handed over in order through Asked and Writes; Reload) and take (WorkSaved, BoardSaved),
// built by New from an Env and Data. They never hold a save back: the participant view's
// write queue alone orders what reaches the hub.
//
// It must not import tui, the front door or the command tree, and never calls the hub: the
// participant view in tui stores what the editors ask for, and session decides what may change.
package exercise

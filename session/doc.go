// Package session owns the live workshop: cohorts, participants, facilitators, rights, the hub and
// the Store interface, and every decision about them. It must not import tui or cmd/workshop,
// Bubble Tea, Lip Gloss, Glamour, Wish or database/sql: screens ask it, and storage sits behind Store.
//
// It is the live workshop: cohorts, participants and facilitators, their identity,
// the per-cohort hub that stores every change first and then fans it out to connected screens,
// and the storage interface those changes go through.
//
// The package knows nothing of terminals: screens subscribe to a hub and read snapshots.
package session

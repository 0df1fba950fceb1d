// Package sqlite owns the SQLite store behind session.Store, and is the only package that speaks
// SQL. It must not import tui, cmd/workshop, Bubble Tea or Wish.
//
// It implements session.Store on an embedded SQLite file (modernc.org/sqlite, no cgo).
package sqlite

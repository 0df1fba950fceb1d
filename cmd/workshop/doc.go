// Command workshop owns the binary: its flags, configuration and the wiring of store, manager,
// front door and tools. It is the only package that may import every layer (tui, session,
// session/sqlite, content, loadtest); it must not hold screen or domain logic of its own, and only
// session/sqlite speaks SQL.
//
// It runs a terminal workshop facilitator over SSH and manages its data:
// facilitators, cohorts, modules, exports and backups.
package main

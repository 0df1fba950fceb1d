// Package testenv owns the fixtures the tests share: a temporary SQLite store, module
// libraries, a manager over them, cohorts with people joined, and a real SSH terminal client
// whose screen is read through a terminal emulator.
//
// It is imported only by tests; it may import session, session/sqlite and content, and must
// not import tui or cmd/workshop (their tests use it, so that would be a cycle). Its package
// keypress, which names key presses, imports nothing of workshop, so that the tests of the
// text editor below tui/ui may use it too.
package testenv

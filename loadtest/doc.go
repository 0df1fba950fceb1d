// Package loadtest owns measuring a running server through real SSH sessions, as a client. It must
// not import any other workshop package (no session, tui or content), since it measures any server
// that shows the same screens.
//
// It measures a workshop server the way people use it: many real SSH sessions
// with 80×24 PTYs, each drawn by a terminal emulator, join a cohort without keys; a
// facilitator key moves the cohort while the tool times how long each screen takes to show
// the new step; optionally everyone submits at once. Each screen's output is timed as it
// arrives and drawn once the run's traffic is quiet: on one machine, the tool drawing
// thousands of screens would otherwise take the cores the server under test is using, which
// its real participants' terminals would not. It is a client: it knows only what a
// person and a facilitator see and type, so it measures any server that shows the same
// screens (the bare floor server under bench/ does).
//
// It is meant for servers on this machine only: Run refuses an address that is not loopback
// unless the caller says they own the server.
package loadtest

// Package uitest holds what the tests of the screens and of the exercise editors share: the
// styles of a terminal without colour, the checks that a drawing fits its size, and text whose
// width terminals count differently.
//
// It is imported only by tests. Like tui/ui it imports neither tui nor tui/exercise, so the
// tests of both may use it.
package uitest

// Package keypress turns key names ("a", "ctrl+s", "shift+up", "space"…) into the key presses
// Bubble Tea delivers, for the tests of the screens, the editors and the text editor alike.
//
// It is imported only by tests and imports nothing of workshop, so the tests of any package
// may use it without a cycle.
package keypress

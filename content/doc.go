// Package content owns workshop modules: their file format, loading and validation. It is the
// bottom layer above i18n (whose language parsing it shares) and must not import session, tui
// or cmd/workshop, Bubble Tea, Lip Gloss, Glamour,
// Wish or any database package: drawing guidance belongs to tui/markdown.
//
// It defines workshop modules: the file format authors write, loading built-in and
// directory modules, and the validation that reports every problem with its file position.
//
// A module is an ordered list of steps; a step carries guidance and at most one exercise. The
// package knows nothing of cohorts, storage or terminals: it turns bytes into checked values.
package content

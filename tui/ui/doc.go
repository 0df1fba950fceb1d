// Package ui holds what every screen of the terminal interface shares: the styles of a session,
// the one key map, the server-wide render cache and the layout helpers that measure, cut and
// wrap text by display width.
//
// It sits below the screens (tui, tui/exercise) and imports neither of them; like them it reads
// session's types but never touches storage.
package ui

// Package markdown owns drawing module guidance (Markdown) for terminals through Glamour, and
// the caches of renderers and outputs a server keeps for it. It must not import session,
// session/sqlite, Bubble Tea or the rest of tui: it turns text into styled lines.
//
// The caches belong to a Renderer, made by whoever builds the front door and passed to the
// screens; the package keeps no state of its own.
package markdown

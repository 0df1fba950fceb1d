package tui

import (
	"log/slog"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"

	"workshop/tui/ui"
)

// The screens' own names for what package ui shares with the exercise editors.
type (
	// Styles is every style a screen uses (see ui.Styles).
	Styles = ui.Styles
	// KeyMap is every key binding of the app (see ui.KeyMap).
	KeyMap = ui.KeyMap
	// RenderCache keeps what renders alike for every session (see ui.RenderCache).
	RenderCache = ui.RenderCache

	styledText = ui.StyledText
)

// NewStyles builds the styles for a background and colour profile (see ui.NewStyles).
var NewStyles = ui.NewStyles

// DefaultKeyMap returns the standard bindings (see ui.DefaultKeyMap).
var DefaultKeyMap = ui.DefaultKeyMap

// NewRenderCache returns an empty cache (see ui.NewRenderCache).
var NewRenderCache = ui.NewRenderCache

func cellWidth(s string) int                 { return ui.CellWidth(s) }
func truncate(s string, width int) string    { return ui.Truncate(s, width) }
func wrap(s string, width int) string        { return ui.Wrap(s, width) }
func fitBlock(s string, width, h int) string { return ui.FitBlock(s, width, h) }
func rule(st *Styles, width int) string      { return ui.Rule(st, width) }
func spread(l, r string, width int) string   { return ui.Spread(l, r, width) }
func logFault(log *slog.Logger, doing string, err error, attrs ...any) {
	ui.LogFault(log, doing, err, attrs...)
}

func relabel(b key.Binding, keys, desc string) key.Binding { return ui.Relabel(b, keys, desc) }
func steadyCursor(ti *textinput.Model)                     { ui.SteadyCursor(ti) }

package ui

import (
	"image/color"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"

	"workshop/tui/textedit"
)

// Styles is every style a screen uses, made once per session for its background and colour
// support and passed to each model.
type Styles struct {
	Dark     bool
	Markdown string // glamour style name: dark, light or notty
	profile  colorprofile.Profile
	// key is Key, made once (for the background keyDark): it is part of most cache keys,
	// asked many times a frame.
	key     string
	keyDark bool
	// Cache is the server's cache of what renders alike for every session (nil: none).
	Cache *RenderCache

	App       lipgloss.Style
	Title     lipgloss.Style
	Subtitle  lipgloss.Style
	Muted     lipgloss.Style
	Accent    lipgloss.Style
	Good      lipgloss.Style
	Warn      lipgloss.Style
	Bad       lipgloss.Style
	Rule      lipgloss.Style
	Box       lipgloss.Style
	FocusBox  lipgloss.Style
	Selected  lipgloss.Style
	Code      lipgloss.Style
	StatusBar lipgloss.Style
	// Editor is how text editors draw their cursor, placeholder and prompt.
	Editor *textedit.Styles
}

// NewStyles builds the styles for a dark or light background; with plain (no colour) output the
// Markdown style switches to one that needs no colour at all.
func NewStyles(dark bool, profile colorprofile.Profile) Styles {
	// Colours are converted to the terminal's profile here, once, so that the frames already
	// hold colours the terminal has and need no conversion on their way out.
	ld := func(light, darkc color.Color) color.Color {
		c := profile.Convert(lipgloss.LightDark(dark)(light, darkc))
		if c == nil {
			return lipgloss.NoColor{}
		}
		return c
	}
	var (
		fg     = ld(lipgloss.Color("#1F2328"), lipgloss.Color("#E6EDF3"))
		muted  = ld(lipgloss.Color("#59636E"), lipgloss.Color("#9198A1"))
		accent = ld(lipgloss.Color("#0B5CAD"), lipgloss.Color("#6CB6FF"))
		good   = ld(lipgloss.Color("#1A7F37"), lipgloss.Color("#57C975"))
		warn   = ld(lipgloss.Color("#9A6700"), lipgloss.Color("#E3B341"))
		bad    = ld(lipgloss.Color("#CF222E"), lipgloss.Color("#FF7B72"))
		line   = ld(lipgloss.Color("#D1D9E0"), lipgloss.Color("#3D444D"))
	)
	s := Styles{Dark: dark, Markdown: "dark", profile: profile}
	s.key, s.keyDark = s.makeKey(), dark
	if !dark {
		s.Markdown = "light"
	}
	if profile <= colorprofile.Ascii {
		s.Markdown = "notty"
	}
	s.App = lipgloss.NewStyle().Foreground(fg)
	s.Title = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Subtitle = lipgloss.NewStyle().Bold(true)
	s.Muted = lipgloss.NewStyle().Foreground(muted)
	s.Accent = lipgloss.NewStyle().Foreground(accent)
	s.Good = lipgloss.NewStyle().Foreground(good)
	s.Warn = lipgloss.NewStyle().Foreground(warn)
	s.Bad = lipgloss.NewStyle().Foreground(bad).Bold(true)
	s.Rule = lipgloss.NewStyle().Foreground(line)
	s.Box = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(line).Padding(0, 1)
	s.FocusBox = s.Box.BorderForeground(accent)
	s.Selected = lipgloss.NewStyle().Bold(true).Foreground(accent).Reverse(profile <= colorprofile.Ascii)
	s.Code = lipgloss.NewStyle().Bold(true).Foreground(accent).Padding(0, 1).
		Border(lipgloss.ThickBorder()).BorderForeground(accent)
	s.StatusBar = lipgloss.NewStyle().Foreground(muted)
	s.Editor = textedit.NewStyles(lipgloss.NewStyle().Reverse(true), s.Muted, s.Muted)
	return s
}

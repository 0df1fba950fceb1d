package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
)

// The room's help: the keys of the view shown first, then the step keys; and the one layout
// helper its header lines share.

// ShortHelp lists the keys of the current view first, then the step keys.
func (r *cohortRoom) ShortHelp() []key.Binding {
	k := r.ck
	if r.prompt != promptNone {
		return []key.Binding{key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", r.T("done"))), key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", r.T("cancel")))}
	}
	if r.confirm != "" {
		return []key.Binding{key.NewBinding(key.WithKeys("y"), key.WithHelp("y", r.T("yes"))), key.NewBinding(key.WithKeys("n"), key.WithHelp(r.T("any key"), r.T("no")))}
	}
	if r.showCard {
		return []key.Binding{key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", r.T("back")))}
	}
	if r.tab == tabRoster && r.person != nil {
		return append(r.personHelp(), k.Next, k.Prev)
	}
	return append([]key.Binding{k.Next, k.Prev, k.Undo, k.Timer, k.Announce, k.NextTab}, r.tabShortHelp()...)
}

// FullHelp has three columns so it fits 80 cells: the step and timer, what everyone sees and
// moving between views, and the keys of the current view.
func (r *cohortRoom) FullHelp() [][]key.Binding {
	k := r.ck
	return [][]key.Binding{
		{k.Next, k.Prev, k.Undo, k.Jump, k.Pace, k.Lock, k.Meeting, k.Timer, k.PauseTimer, k.AddTime, k.TakeTime, k.StopTimer},
		{k.Announce, k.Dismiss, k.Note, k.Release, k.VoteOpen, k.VoteReveal, k.Card, k.NextTab, k.TabKeys, k.Refresh, langHelp(r.Common, k.Language), key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", r.T("all cohorts")))},
		r.tabFullHelp(),
	}
}

// conSpread places left and right on one line of width cells. When both do not fit, left is
// shortened, so what sits on the right (the timer, the code) stays visible.
func conSpread(left, right string, width int) string {
	rw := cellWidth(right)
	gap := width - cellWidth(left) - rw
	switch {
	case gap >= 1:
		return left + strings.Repeat(" ", gap) + right
	case width-rw-1 >= 8:
		left = truncate(left, width-rw-1)
		return left + strings.Repeat(" ", max(width-cellWidth(left)-rw, 1)) + right
	}
	return truncate(left, width)
}

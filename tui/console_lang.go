package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"workshop/i18n"
	"workshop/session"
)

// The facilitator's own language: what they chose last (stored under their name), else what
// their terminal sends, else English. The console loads the stored choice as it starts, and
// F3 on the cohort list or in a room moves to the next language, stores it and redraws the
// console in it at once.

// facLangMsg is the stored choice of the console's facilitator, read as the console starts.
type facLangMsg struct{ lang i18n.Lang }

// loadFacilitatorLang reads the facilitator's stored language; nothing comes back when there
// is none or it cannot be read (the console then stays in the language it has).
func loadFacilitatorLang(com *Common) tea.Cmd {
	deps := com.deps
	if deps == nil || deps.Manager == nil || deps.Facilitator == nil {
		return nil
	}
	return func() tea.Msg {
		l, err := deps.Manager.FacilitatorLanguage(deps.Ctx, deps.Facilitator.Name)
		if err != nil {
			logFault(deps.logger(), "read facilitator language", err)
			return nil
		}
		if l == "" {
			return nil
		}
		return facLangMsg{l}
	}
}

// onFacilitatorLang switches to the stored language when it is not the one shown.
func onFacilitatorLang(com *Common, l i18n.Lang) tea.Cmd {
	if !l.Valid() || l == com.Lang() {
		return nil
	}
	to := com.withLang(l)
	return func() tea.Msg { return langMsg{com: to} }
}

// nextFacilitatorLang moves the console to the next language and stores the choice; the
// App takes the new Common and rebuilds the screen with it.
func nextFacilitatorLang(com *Common) tea.Cmd {
	to := com.withLang(com.Lang().Next())
	return tea.Batch(func() tea.Msg { return langMsg{com: to} }, storeFacilitatorLang(com.deps, to.Lang()))
}

// storeFacilitatorLang records l as the console's facilitator's choice. A choice that could
// not be stored still holds on screen; only the next console starts without it, which the log
// says.
func storeFacilitatorLang(deps *Deps, l i18n.Lang) tea.Cmd {
	if deps == nil || deps.Manager == nil || deps.Facilitator == nil {
		return nil
	}
	return deps.langChoice.keep(deps, l, func(l i18n.Lang) error {
		return deps.Manager.SetFacilitatorLanguage(deps.Ctx, deps.Facilitator.Name, l)
	})
}

// langHelp is the language key as the help line shows it: with the language in use, named
// in itself, so someone who cannot read the current language still finds the key.
func langHelp(com *Common, b key.Binding) key.Binding {
	return relabel(b, "f3", com.Lang().Name())
}

// conSay is the one way an error reaches a console screen: logged with what was being done,
// and shown in the facilitator's language as session words it.
func (c *Common) conSay(doing string, err error) string {
	logFault(c.deps.logger(), doing, err)
	return c.Msg(session.ErrorMsg(err))
}

// Package i18n owns the interface's languages: which languages there are, which one a person
// gets (their choice, their terminal's locale, the cohort's language, English), the message
// catalogs with their plural rules, and dates, times and numbers written the way each language
// writes them.
//
// It is a leaf: it imports no other package of the project, so content, session, command, the
// exports and the screens can all print through it. It never imports Bubble Tea.
//
// A message's key is its English text, written as a literal at the call: p.T("%d ideas", n).
// The catalogs (locales/<language>/<area>.yaml) give each key in every other language, and in
// English only where English needs plural forms. A test reads every call in the project and
// fails when a key lacks a translation, a translation's verbs differ from its key's, or a
// catalog entry is no longer used. Where a message is chosen before its reader is known (an
// error made in session, a label in a table), M("...") names it and Printer.Msg prints it.
//
// Numbers given to %d and %f are written in the reader's convention (1.234,5 in Portuguese):
// pass codes, years and ports as strings, never as numbers.
package i18n

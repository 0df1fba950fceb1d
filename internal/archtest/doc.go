// Package archtest owns the import rules between workshop's packages and the test that checks
// them against `go list`. It must not be imported by anything: it holds no code but its
// tests.
//
// The rules, for the non-test build of every package (tests may also use internal/testenv,
// which opens the SQLite store, and tui/ui/uitest):
//   - the layers point one way, cmd/workshop → tui → command → session → content: no package
//     reaches a layer above its own, even indirectly;
//   - command imports no tui, Bubble Tea, Wish or SQL: it acts through session;
//   - content imports no Bubble Tea, Bubbles, Lip Gloss, Glamour, Wish or database package;
//   - session and its subpackages import no Bubble Tea, Bubbles, Lip Gloss, Glamour or Wish;
//   - only session/sqlite imports database/sql or the SQLite driver; cmd/workshop wires the
//     store in through session/sqlite and never speaks SQL itself;
//   - tui and its subpackages never reach session/sqlite or a database package, and
//     tui/markdown (guidance through Glamour) imports no session, Bubble Tea or other tui;
//   - tui/ui (styles, keys, layout shared by the screens) and tui/exercise (the exercise
//     editors) import neither tui itself nor the command tree, and no Wish: the front door
//     and the screens sit above them;
//   - loadtest and the bench tools import no product package but session/metrics;
//   - i18n (languages, message catalogs, dates and numbers) imports no other package of the
//     project and nothing that draws or stores: every layer prints through it;
//   - internal/testenv (with internal/testenv/keypress) and tui/ui/uitest are for tests only;
//   - every package has a doc.go with its package comment.
package archtest

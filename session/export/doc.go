// Package export owns the reports trainers take away from a cohort (CSV, xlsx, JSON, Markdown,
// HTML). It must not import tui, Bubble Tea, Wish or database/sql: it reads through session only.
//
// It turns one cohort's stored progress and work into what trainers hand to their
// organisation: a CSV progress sheet and a long CSV sheet of every piece of work, a complete
// JSON document with a versioned schema (docs/export-schema.md), a Markdown report and a
// self-contained HTML report with inline SVG charts.
//
// Build reads a cohort once into a Report whose order never depends on map iteration or
// timing, so the same data always gives the same bytes; the writers only format a Report.
// Anonymity is enforced while building, whatever the stored data holds: items of anonymous
// lists carry no author, participants' own records on anonymous steps are left out, and work
// that refers to anonymous items (votes, matrix placements) is exported only in aggregate.
package export

// Package work owns how each exercise kind's work is stored, checked and tallied. It must not
// import session, tui, Bubble Tea, Wish or database/sql.
//
// It defines how each exercise kind's work is stored: one versioned JSON layout per
// kind, decoding that never trusts its input, checks against the exercise's limits, and the
// cohort results built from many participants' work (vote tallies, scale distributions, quiz
// scores). Editors, the facilitator's wall and exports all read work through this package.
package work

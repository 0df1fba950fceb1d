// Command floor owns the bare SSH server the benchmarks measure workshop against: the least a
// server of this kind can do. It is bench tooling and must not import the product's packages
// beyond session/metrics (no session, tui or content), so it stays a floor.
//
// It is the least an SSH server can do for a live session: it lets anyone in with
// a PTY, and when told to move it writes one title line to every session. It shows the same
// prompts and step line as workshop, so `workshop loadtest` measures it side by side: the
// floor below which no server of this kind gets. It is bench tooling, not part of the product.
package main

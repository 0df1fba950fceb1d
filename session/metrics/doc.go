// Package metrics owns the server's live counters and their JSON and Prometheus text forms. It
// must not import any other workshop package, so every layer can count without a cycle.
//
// It holds a server's live counters: sessions, joins, saves, errors, publishes,
// renders and how long a published change takes to reach a screen; it serves them as JSON
// (/debug/vars) and in the Prometheus text format (/metrics). One Metrics is made by the
// binary and handed to the parts that count; every method is safe on a nil *Metrics, so code
// paths without one (tests, command-line tools) need no checks.
package metrics

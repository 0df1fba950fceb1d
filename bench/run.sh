#!/usr/bin/env bash
# The benchmarks: the Go benchmarks, then load scenarios run by `workshop loadtest` against a
# fresh workshop server (temporary data directory) and the floor (bench/floor), one after the
# other in the same sitting. FULL=1 adds the large scenarios. Every server listens on
# 127.0.0.1 only and is stopped when the script ends.
#
#   bench/run.sh                 Go benchmarks + N=50
#   FULL=1 bench/run.sh          + N=200, N=500 (100/s and all at once), 2,000 in 20 cohorts
#   GOBENCH=0 bench/run.sh       skip the Go benchmarks
#   BENCH_PORT=2314              first of the four ports used (SSH and debug, for each server)
#   ONLY='N=200'                 run only the scenarios whose name contains this
#   TARGETS='workshop'           which servers to measure (default: floor workshop)
#   WORKSHOP_BIN=path            the workshop server to measure (default: built from this tree);
#                                one without --debug-addr is measured without server figures
set -euo pipefail
cd "$(dirname "$0")/.."

GO=${GO:-go}
export GOTOOLCHAIN=go1.27.3 # as the Makefile
FULL=${FULL:-0}
GOBENCH=${GOBENCH:-1}
PORT=${BENCH_PORT:-2314}
ONLY=${ONLY:-}
TARGETS=${TARGETS:-floor workshop}

tmp=$(mktemp -d)
srv=
cleanup() {
	if [ -n "$srv" ]; then kill "$srv" 2>/dev/null || true; wait "$srv" 2>/dev/null || true; fi
	rm -rf "$tmp"
}
trap cleanup EXIT

# Thousands of sessions need thousands of descriptors, on both ends.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

if [ "$GOBENCH" = 1 ]; then
	$GO test -run='^$' -bench=. -benchmem -count=1 ./...
fi

$GO build -o "$tmp/workshop" ./cmd/workshop
server_bin=${WORKSHOP_BIN:-$tmp/workshop}
has_debug=0
# Read the help whole first: grep -q quitting early would fail the pipe under pipefail.
serve_help=$("$server_bin" serve --help 2>&1 || true)
if [[ "$serve_help" == *--debug-addr* ]]; then has_debug=1; fi
$GO build -o "$tmp/floor" ./bench/floor
$GO run ./bench/keygen "$tmp/fac"

wait_port() {
	for _ in $(seq 200); do
		if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
		sleep 0.05
	done
	echo "nothing listens on 127.0.0.1:$1" >&2
	return 1
}

start_workshop() {
	local data
	data=$(mktemp -d "$tmp/data.XXXX")
	"$server_bin" facilitator add bench --key-file "$tmp/fac.pub" --data "$data" >/dev/null
	addr=127.0.0.1:$PORT debug= serve_log=$data/serve.log
	if [ "$has_debug" = 1 ]; then
		"$server_bin" serve --listen "$addr" --data "$data" --debug-addr "127.0.0.1:$((PORT + 1))" >"$data/serve.log" 2>&1 &
		debug=http://127.0.0.1:$((PORT + 1))
	else
		"$server_bin" serve --listen "$addr" --data "$data" >"$data/serve.log" 2>&1 &
	fi
	srv=$!
	wait_port "$PORT"
}

start_floor() {
	"$tmp/floor" -listen "127.0.0.1:$((PORT + 2))" -debug-addr "127.0.0.1:$((PORT + 3))" 2>"$tmp/floor.log" &
	srv=$!
	addr=127.0.0.1:$((PORT + 2)) debug=http://127.0.0.1:$((PORT + 3)) serve_log=$tmp/floor.log
	wait_port "$((PORT + 2))"
}

stop_server() {
	kill "$srv" 2>/dev/null || true
	wait "$srv" 2>/dev/null || true
	srv=
}

echo
echo "# Load scenarios · $(date -u '+%Y-%m-%d %H:%M UTC') · commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown) · nproc $(nproc) · $($GO version | cut -d' ' -f3)"
echo "# server: $server_bin"

# scenario NAME LOADTEST-FLAGS...: the floor, then workshop, each on a fresh server.
scenario() {
	local name=$1
	shift
	if [ -n "$ONLY" ] && [[ "$name" != *"$ONLY"* ]]; then return 0; fi
	for target in $TARGETS; do
		echo
		echo "## $name — $target   (load average $(uptime | sed 's/.*load average: //'))"
		"start_$target"
		"$tmp/workshop" loadtest --addr "$addr" ${debug:+--debug-url "$debug"} --facilitator-key "$tmp/fac" "$@" 2>/dev/null ||
			{
				echo "(the run reported failures or stopped early)"
				# What the server said about ending sessions early, so a rare failure can be explained.
				grep -E 'WARN|ERRO|panic|grace time over|stopped answering' "$serve_log" | head -20 || true
			}
		stop_server
	done
}

scenario "N=50, all at once" --participants 50 --rounds 10 --submit --idle 5s
if [ "$FULL" = 1 ]; then
	scenario "N=200, all at once" --participants 200 --rounds 10 --submit --idle 10s --timeout 5m
	scenario "N=500, joining at 100/s" --participants 500 --ramp 100 --rounds 10 --submit --idle 10s --timeout 5m
	scenario "N=500, all at once" --participants 500 --rounds 10 --timeout 5m
	scenario "N=500 on a running countdown" --participants 500 --ramp 100 --rounds 0 --idle 10s --countdown 20s --timeout 5m
	scenario "2,000 in 20 cohorts of 100, one cohort moves" --participants 2000 --cohorts 20 --ramp 200 --rounds 10 --timeout 5m
	scenario "2,000 in 20 cohorts of 100, all 20 move at once" --participants 2000 --cohorts 20 --ramp 200 --rounds 10 --move-all --timeout 5m
fi

#!/usr/bin/env bash
# Concurrency benchmarks: the same workloads in contigo, Go and Trio, run
# side by side; prints each time and contigo's ratio to the others, then
# the memory per blocked goroutine. See README.md.
#
#   bash bench/concurrency/run.sh            # best of 3 runs
#   bash bench/concurrency/run.sh --runs 5
#   bash bench/concurrency/run.sh --only pingpong,sieve
#
# Each program times its own workload (start-up and compilation excluded)
# and prints "NAME RESULT SECONDS"; the results must agree. Runs are
# interleaved (contigo, go, trio, contigo, ...) so that machine noise hits
# all three alike, and the best time of each is kept.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
runs=3
only=""
while [ $# -gt 0 ]; do
	case "$1" in
	--runs) runs=$2; shift 2 ;;
	--only) only=$2; shift 2 ;;
	-h|--help) sed -n '2,12p' "$0"; exit 0 ;;
	*) echo "usage: run.sh [--runs N] [--only a,b]" >&2; exit 2 ;;
	esac
done

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "building contigo and the Go programs..."
(cd "$root" && go build -o "$out/contigo" .)
for f in "$here"/*.go; do
	name=$(basename "$f" .go)
	go build -o "$out/$name-go" "$f"
done
have_trio=yes
if ! python3 -c 'import trio' 2>/dev/null; then
	have_trio=""
	echo "note: python3 with trio is not available; the Trio column is skipped"
fi

# run IMPL NAME: one run; prints "RESULT SECONDS".
run() {
	local impl=$1 name=$2
	case $impl in
	contigo) "$out/contigo" "$here/$name.scm" ;;
	go) "$out/$name-go" ;;
	trio) python3 "$here/$name.py" ;;
	esac | awk '{print $2, $3}'
}

impls="contigo go"
[ -n "$have_trio" ] && impls="contigo go trio"

workloads="pingpong spawn sieve pipeline"
[ -n "$only" ] && workloads=$(echo "$only" | tr ',' ' ')

printf "\n%-10s %11s %11s %11s %11s %14s\n" workload contigo-s go-s trio-s contigo/go trio/contigo
status=0
for w in $workloads; do
	declare -A best=() result=()
	for ((i = 0; i < runs; i++)); do
		for impl in $impls; do
			read -r res secs < <(run "$impl" "$w")
			if [ -n "${result[$impl]:-}" ] && [ "${result[$impl]}" != "$res" ]; then
				echo "$w: $impl gave $res, then ${result[$impl]}" >&2
				status=1
			fi
			result[$impl]=$res
			if [ -z "${best[$impl]:-}" ] || awk -v a="$secs" -v b="${best[$impl]}" 'BEGIN{exit !(a < b)}'; then
				best[$impl]=$secs
			fi
		done
	done
	for impl in $impls; do
		if [ "${result[$impl]}" != "${result[contigo]}" ]; then
			echo "$w: $impl computed ${result[$impl]}, contigo ${result[contigo]}" >&2
			status=1
		fi
	done
	trio=${best[trio]:-}
	awk -v w="$w" -v c="${best[contigo]}" -v g="${best[go]}" -v t="$trio" 'BEGIN {
		tr = (t == "") ? "n/a" : sprintf("%.4f", t)
		ratio = (t == "") ? "n/a" : sprintf("%.1fx faster", t / c)
		printf "%-10s %11.4f %11.4f %11s %10.1fx %14s\n", w, c, g, tr, c / g, ratio
	}'
	unset best result
done
echo "(contigo/go: how many times slower than Go; trio/contigo: how many times faster than Trio)"

# Memory: peak RSS of 100,000 goroutines blocked on one channel, less the
# peak RSS of the same runtime doing nothing, per goroutine.
peak() { # peak RSS in KB of a command
	/usr/bin/time -f %M -o "$out/rss" "$@" >/dev/null
	cat "$out/rss"
}
per_goroutine() { # IMPL: bytes per blocked goroutine
	local impl=$1 full idle
	case $impl in
	contigo) full=$(peak "$out/contigo" "$here/blocked.scm"); idle=$(peak "$out/contigo" "$here/idle.scm") ;;
	go) full=$(peak "$out/blocked-go"); idle=$(peak "$out/idle-go") ;;
	trio) full=$(peak python3 "$here/blocked.py"); idle=$(peak python3 "$here/idle.py") ;;
	esac
	echo $(((full - idle) * 1024 / 100000))
}
if [ -x /usr/bin/time ] && { [ -z "$only" ] || [[ ",$only," == *,blocked,* ]]; }; then
	printf "\nmemory per blocked goroutine (100,000 blocked on one channel; peak RSS less idle RSS):\n"
	for impl in $impls; do
		printf "  %-8s %6d bytes\n" "$impl" "$(per_goroutine "$impl")"
	done
fi
exit $status

#!/usr/bin/env bash
# How fast can a goroutine hand-off be in a Scheme that builds goroutines
# from call/cc? Times ping-pong round trips, as CPU time on one core:
#   - Go's goroutines and channels (pingpong.go);
#   - contigo running the real library (../pingpong.scm on prelude.scm);
#   - the least call/cc scheduler (pingpong.scm here: a run queue and
#     channel queues, nothing else) on contigo, on Gambit's interpreter
#     gsi, on CHICKEN's csi and, compiled to C by gsc, as a compiler's
#     reference. Implementations that are not installed are skipped.
#
#   bash bench/concurrency/floor/floor.sh             # best of 5
#   bash bench/concurrency/floor/floor.sh --runs 9 --n 300000
#
# Each program runs n+1 round trips and then one; the difference over n
# is the cost of a round trip, without start-up. Every program is pinned
# to one CPU (taskset), so Go runs with GOMAXPROCS=1 and the collector's
# workers share the core: CPU time, not the wall clock, is compared.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
runs=5
n=300000
while [ $# -gt 0 ]; do
	case "$1" in
	--runs) runs=$2; shift 2 ;;
	--n) n=$2; shift 2 ;;
	-h|--help) sed -n '2,17p' "$0"; exit 0 ;;
	*) echo "usage: floor.sh [--runs N] [--n ROUNDTRIPS]" >&2; exit 2 ;;
	esac
done

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
pin=()
if command -v taskset >/dev/null 2>&1; then
	pin=(taskset -c "$(($(nproc) - 1))")
fi

echo "building contigo and pingpong.go..."
(cd "$root" && go build -o "$out/contigo" .)
go build -o "$out/pingpong-go" "$here/pingpong.go"

# with_n FILE N NAME: writes NAME-N.scm, FILE with its "(define n
# 100000)" line set to N.
with_n() {
	grep -q '^(define n 100000)$' "$1" || { echo "$1: no (define n 100000) line" >&2; exit 1; }
	sed "s/^(define n 100000)\$/(define n $2)/" "$1" >"$out/$3-$2.scm"
}
big=$((n + 1))
for k in 1 "$big"; do
	with_n "$here/pingpong.scm" "$k" floor
	with_n "$here/../pingpong.scm" "$k" prelude
done
have_gsc=""
if command -v gsc >/dev/null 2>&1; then
	echo "compiling pingpong.scm with gsc..."
	if (cd "$out" && gsc -exe -o floor-1-gsc floor-1.scm && gsc -exe -o "floor-$big-gsc" "floor-$big.scm") >/dev/null 2>&1; then
		have_gsc=yes
	else
		echo "note: gsc could not compile pingpong.scm; the compiled row is skipped"
	fi
fi

# cpu K CMD...: the best CPU seconds (user + system) of $runs runs of CMD,
# with K written where the round-trip count goes; checks the output.
cpu() {
	local k=$1 best="" t
	shift
	for ((i = 0; i < runs; i++)); do
		local cmd=("${@//@K@/$k}")
		t=$( { TIMEFORMAT='%3U %3S'; time "${pin[@]}" "${cmd[@]}" >"$out/stdout"; } 2>&1 | awk '{print $1 + $2}')
		if ! grep -q "\\b$k\\b" "$out/stdout"; then
			echo "${cmd[*]}: expected $k round trips, got: $(cat "$out/stdout")" >&2
			exit 1
		fi
		if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN{exit !(a < b)}'; then
			best=$t
		fi
	done
	echo "$best"
}

go_ns=""
row() {
	local label=$1 small big_t ns
	shift
	small=$(cpu 1 "$@")
	big_t=$(cpu "$big" "$@")
	ns=$(awk -v a="$small" -v b="$big_t" -v n="$n" 'BEGIN{printf "%.0f", (b - a) / n * 1e9}')
	[ -z "$go_ns" ] && go_ns=$ns
	printf "%-44s %8s %10s\n" "$label" "$ns" "$(awk -v a="$ns" -v g="$go_ns" 'BEGIN{printf "%.1fx", a / g}')"
}

printf "\n%-44s %8s %10s\n" "ping-pong round trip, CPU on one core" ns "over Go"
row "Go, goroutines and channels" "$out/pingpong-go" @K@
row "contigo, prelude.scm (../pingpong.scm)" "$out/contigo" "$out/prelude-@K@.scm"
row "contigo, least call/cc scheduler" "$out/contigo" "$out/floor-@K@.scm"
if command -v gsi >/dev/null 2>&1; then
	row "gsi -:m4096, least call/cc scheduler" gsi -:m4096 "$out/floor-@K@.scm"
else
	echo "note: gsi not installed (apt-get install gambc); its row is skipped"
fi
if command -v csi >/dev/null 2>&1 && csi -version 2>&1 | grep -qi chicken; then
	row "csi, least call/cc scheduler" csi -s "$out/floor-@K@.scm"
else
	echo "note: CHICKEN's csi not installed (apt-get install chicken-bin); its row is skipped"
fi
if [ -n "$have_gsc" ]; then
	row "gsc (compiled to C), least call/cc scheduler" "$out/floor-@K@-gsc"
fi

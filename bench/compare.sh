#!/usr/bin/env bash
# bench/compare.sh - compare two builds of contigo side by side: each
# program of bench/programs runs on both, interleaved, and the best wall
# time of N runs is kept, so that the noise of a shared machine hits both
# alike. Use it before and after a change to the evaluator.
#
# Usage: bash bench/compare.sh [--runs N] OLD NEW [PROGRAM ...]
#   OLD, NEW  a contigo binary, or a git revision (built into bench/out)
#   PROGRAM   names in bench/programs (default: all)
#
# Example: bash bench/compare.sh HEAD~1 HEAD generator fibc

set -eu
export LC_ALL=C
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS=7
if [[ ${1:-} == --runs ]]; then RUNS=$2; shift 2; fi
if (($# < 2)); then
	sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
	exit 2
fi

# binary REV-OR-PATH: print the path of a contigo binary for it.
binary() {
	if [[ -x $1 && ! -d $1 ]]; then
		echo "$1"
		return
	fi
	local rev out wt
	rev=$(git -C "$ROOT" rev-parse --short "$1")
	out="$ROOT/bench/out/contigo-$rev"
	if [[ ! -x $out ]]; then
		wt=$(mktemp -d)
		git -C "$ROOT" worktree add -q --detach "$wt" "$rev"
		(cd "$wt" && go build -o "$out" .)
		git -C "$ROOT" worktree remove --force "$wt"
	fi
	echo "$out"
}

mkdir -p "$ROOT/bench/out"
OLD=$(binary "$1")
NEW=$(binary "$2")
shift 2
PROGS=("$@")
if ((${#PROGS[@]} == 0)); then
	for f in "$ROOT"/bench/programs/*.scm; do PROGS+=("$(basename "$f" .scm)"); done
fi

# wall BIN PROG: seconds one run takes.
wall() {
	local t0=$EPOCHREALTIME
	"$1" "$ROOT/bench/programs/$2.scm" >/dev/null
	local t1=$EPOCHREALTIME
	echo "$t0 $t1" | awk '{printf "%.4f", $2 - $1}'
}

printf '%-10s %9s %9s %9s\n' program old-s new-s new/old
for p in "${PROGS[@]}"; do
	bo=999 bn=999
	for ((i = 0; i < RUNS; i++)); do
		bo=$(echo "$bo $(wall "$OLD" "$p")" | awk '{print ($2 < $1) ? $2 : $1}')
		bn=$(echo "$bn $(wall "$NEW" "$p")" | awk '{print ($2 < $1) ? $2 : $1}')
	done
	echo "$p $bo $bn" | awk '{printf "%-10s %9.3f %9.3f %9.3f\n", $1, $2, $3, $3 / $2}'
done

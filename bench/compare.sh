#!/usr/bin/env bash
# bench/compare.sh - compare two builds of contigo side by side: each
# program runs on both, interleaved (old, new, then new, old, ...), and
# the best of N runs is kept, so that the noise of a shared machine hits
# both alike. Use it before and after a change to the evaluator.
#
# Usage: bash bench/compare.sh [--runs N] [--cpu | --instr] [--pin CPUS] OLD NEW [PROGRAM ...]
#   OLD, NEW   a contigo binary, or a git revision (built into bench/out)
#   PROGRAM    a name in bench/programs, or concurrency/NAME for
#              bench/concurrency/NAME.scm (default: every bench/programs one)
#   --runs N   runs of each program on each build (default 7)
#   --cpu      compare CPU time (user + sys, every thread of the process)
#              instead of wall time; the wall ratio stays as a column
#   --instr    compare instructions executed, counted by valgrind
#              (cachegrind, no cache simulation), with the collector off
#              (GOGC=off): nearly deterministic (about 0.05% apart
#              between runs), about 30x slower to run. The collector is
#              left out because under valgrind its pacing follows the
#              (slowed) wall clock, which moved one build's count by 2.5x
#              between two runs; --cpu measures it
#   --pin CPUS run every program under `taskset -c CPUS` (e.g. --pin 1)
#
# Columns: the best (smallest) of the N runs of each build, best new over
# best old, and the median of new over the median of old; the last line is
# the geometric mean of each ratio column. A ratio above 1: new is slower.
#
# Examples:
#   bash bench/compare.sh HEAD~1 HEAD generator fibc
#   bash bench/compare.sh --cpu --runs 11 5fc3867 main
#   bash bench/compare.sh --cpu main HEAD concurrency/{pingpong,spawn,sieve,pipeline}

set -eu
export LC_ALL=C
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS=7
MODE=wall
PIN=()
usage() {
	sed -n '2,31p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
	exit 2
}
while (($# > 0)); do
	case $1 in
	--runs) RUNS=$2; shift 2 ;;
	--cpu) MODE=cpu; shift ;;
	--instr) MODE=instr; shift ;;
	--pin) PIN=(taskset -c "$2"); shift 2 ;;
	-h | --help) usage ;;
	-*) echo "compare.sh: unknown option $1" >&2; usage ;;
	*) break ;;
	esac
done
(($# >= 2)) || usage
if [[ $MODE == instr ]] && ! command -v valgrind >/dev/null; then
	echo "compare.sh: --instr needs valgrind (Debian: apt-get install valgrind)" >&2
	exit 2
fi

# binary REV-OR-PATH (bench/binary.sh): a contigo binary for it.
source "$ROOT/bench/binary.sh"

mkdir -p "$ROOT/bench/out"
OLD=$(binary "$1")
NEW=$(binary "$2")
shift 2
PROGS=("$@")
if ((${#PROGS[@]} == 0)); then
	for f in "$ROOT"/bench/programs/*.scm; do PROGS+=("$(basename "$f" .scm)"); done
fi

# source PROG: the file of a program name.
source_of() {
	case $1 in
	*/*) echo "$ROOT/bench/$1.scm" ;;
	*) echo "$ROOT/bench/programs/$1.scm" ;;
	esac
}

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# measure BIN FILE OUT: run BIN on FILE once, its stdout to OUT; print
# "WALL CPU" in seconds (CPU = user + sys), or "0 INSTRUCTIONS" for --instr.
measure() {
	if [[ $MODE == instr ]]; then
		GOGC=off "${PIN[@]}" valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
			"$1" "$2" >"$3" 2>"$TMP/valgrind" || true
		echo "0 $(sed -n 's/.*I *refs: *//p' "$TMP/valgrind" | tr -d ,)"
		return
	fi
	local TIMEFORMAT='%3R %3U %3S' t
	t=$({ time "${PIN[@]}" "$1" "$2" >"$3" 2>/dev/null; } 2>&1) || true
	echo "$t" | awk '{printf "%.3f %.3f\n", $1, $2 + $3}'
}

# check PROG OUT WHICH: complain unless OUT is what PROG must print (its
# .expected file), or, for a concurrency workload, what old printed
# (its "NAME RESULT" without the time).
BAD=0
check() {
	local want got
	case $1 in
	*/*) want=$(awk '{print $1, $2}' "$TMP/old.out") got=$(awk '{print $1, $2}' "$2") ;;
	*) want=$(cat "$ROOT/bench/programs/$1.expected") got=$(cat "$2") ;;
	esac
	if [[ -z $got || $got != "$want" ]]; then
		echo "$1: $3 printed '$got', want '$want'" >&2
		BAD=1
	fi
}

# stats FILE: "MIN MEDIAN" of the numbers in FILE, one a line.
stats() {
	sort -g "$1" | awk '{v[NR] = $1} END {m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print v[1], m}'
}

case $MODE in
wall) unit=s ;;
cpu) unit=cpu-s ;;
instr) unit=Ginstr ;;
esac
printf '%-20s %10s %10s %8s %8s' program "old-$unit" "new-$unit" new/old median
[[ $MODE == cpu ]] && printf ' %8s' wall
echo
: >"$TMP/ratios"
for p in "${PROGS[@]}"; do
	file=$(source_of "$p")
	[[ -f $file ]] || { echo "compare.sh: no program $file" >&2; exit 2; }
	: >"$TMP/old" >"$TMP/new" >"$TMP/old.wall" >"$TMP/new.wall"
	for ((i = 0; i < RUNS; i++)); do
		order="old new"
		((i % 2)) && order="new old"
		for which in $order; do
			bin=$OLD
			[[ $which == new ]] && bin=$NEW
			read -r w c < <(measure "$bin" "$file" "$TMP/$which.out")
			check "$p" "$TMP/$which.out" "$which"
			echo "$w" >>"$TMP/$which.wall"
			if [[ $MODE == wall ]]; then echo "$w" >>"$TMP/$which"; else echo "$c" >>"$TMP/$which"; fi
		done
	done
	read -r omin omed < <(stats "$TMP/old")
	read -r nmin nmed < <(stats "$TMP/new")
	read -r owmin _ < <(stats "$TMP/old.wall")
	read -r nwmin _ < <(stats "$TMP/new.wall")
	echo "$p $omin $nmin $omed $nmed $owmin $nwmin" | awk -v mode="$MODE" -v ratios="$TMP/ratios" '{
		scale = (mode == "instr") ? 1e9 : 1
		fmt = (mode == "instr") ? "%-20s %10.4f %10.4f %8.3f %8.3f" : "%-20s %10.3f %10.3f %8.3f %8.3f"
		printf fmt, $1, $2 / scale, $3 / scale, $3 / $2, $5 / $4
		line = ($3 / $2) " " ($5 / $4)
		if (mode == "cpu") { printf " %8.3f", $7 / $6; line = line " " ($7 / $6) }
		printf "\n"
		print line >> ratios
	}'
done
awk -v mode="$MODE" '{for (i = 1; i <= NF; i++) s[i] += log($i); n++; k = NF}
	END {
		if (n == 0) exit
		printf "%-20s %10s %10s", "geometric mean", "", ""
		for (i = 1; i <= k; i++) printf " %8.3f", exp(s[i] / n)
		printf "\n"
	}' "$TMP/ratios"
exit $BAD

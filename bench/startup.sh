#!/usr/bin/env bash
# bench/startup.sh - how much CPU it costs to start contigo, next to other
# Schemes: the CPU time (user + sys, every thread) of one start, for
#   exit     `contigo -e '(exit)'`, `csi -e '(exit)'`, `gsi -e '(exit)'`,
#            `guile -c '(exit)'`
#   display  bench/startup/display.scm, `(display 1)`, run by each
#            (csi -s FILE ...)
# Runs are interleaved (contigo, csi, gsi, guile, contigo, ...), each round
# a batch of BATCH starts of each, so that the machine's noise hits all
# alike. Each start's time comes from wait4's rusage (bench/cputime),
# which counts neither the fork nor the measuring program.
#
# Usage: bash bench/startup.sh [--runs N] [--batch B] [--no-build] [--only IMPLS] [CONTIGO ...]
#   CONTIGO     contigo binaries or git revisions to measure (default: the
#               work tree, built into bench/out/contigo); several are
#               measured side by side, each against csi
#   --runs N    rounds (default 10)
#   --batch B   starts of each implementation per round (default 10)
#   --no-build  use bench/out/contigo as it is
#   --only L    comma-separated implementations among csi,gsi,guile
#               (default: every one installed)
#
# Prints, for each implementation and program: the best and the median
# time of one start in milliseconds, and contigo's over csi's (best,
# median). Implementations that are not installed are skipped.

set -eu
export LC_ALL=C
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS=10
BATCH=10
BUILD=1
ONLY=csi,gsi,guile
usage() {
	sed -n '2,24p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
	exit 2
}
while (($# > 0)); do
	case $1 in
	--runs) RUNS=$2; shift 2 ;;
	--batch) BATCH=$2; shift 2 ;;
	--no-build) BUILD=0; shift ;;
	--only) ONLY=$2; shift 2 ;;
	-h | --help) usage ;;
	-*) echo "startup.sh: unknown option $1" >&2; usage ;;
	*) break ;;
	esac
done

mkdir -p "$ROOT/bench/out"
(cd "$ROOT" && go build -o bench/out/cputime ./bench/cputime)
CPUTIME=$ROOT/bench/out/cputime

# binary REV-OR-PATH (bench/binary.sh): a contigo binary for it.
source "$ROOT/bench/binary.sh"

NAMES=() # implementation names, in the order they run
declare -A BIN=()
if (($# == 0)); then
	((BUILD)) && (cd "$ROOT" && go build -o bench/out/contigo .)
	NAMES+=(contigo)
	BIN[contigo]=$ROOT/bench/out/contigo
else
	for c in "$@"; do
		name=contigo
		(($# > 1)) && name="contigo@${c##*/}"
		NAMES+=("$name")
		BIN[$name]=$(binary "$c")
	done
fi
for impl in ${ONLY//,/ }; do
	if command -v "$impl" >/dev/null; then
		NAMES+=("$impl")
	else
		echo "startup.sh: $impl is not installed: skipped" >&2
	fi
done

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# command IMPL PROG: set CMD to the command that runs PROG on IMPL.
command_of() {
	local exit_expr='(exit)' file=$ROOT/bench/startup/display.scm
	case $1:$2 in
	contigo*:exit) CMD=("${BIN[$1]}" -e "$exit_expr") ;;
	contigo*:display) CMD=("${BIN[$1]}" "$file") ;;
	csi:exit) CMD=(csi -e "$exit_expr") ;;
	csi:display) CMD=(csi -s "$file") ;;
	gsi:exit) CMD=(gsi -e "$exit_expr") ;;
	gsi:display) CMD=(gsi "$file") ;;
	guile:exit) CMD=(guile -c "$exit_expr") ;;
	guile:display) CMD=(guile --no-auto-compile "$file") ;;
	esac
}

# Check that every command works and prints what it must.
for prog in exit display; do
	want=""
	[[ $prog == display ]] && want=1
	for impl in "${NAMES[@]}"; do
		command_of "$impl" "$prog"
		got=$("${CMD[@]}" </dev/null 2>"$TMP/err") || {
			echo "startup.sh: ${CMD[*]} failed: $(head -c 300 "$TMP/err")" >&2
			exit 1
		}
		if [[ $got != "$want" ]]; then
			echo "startup.sh: ${CMD[*]} printed '$got', want '$want'" >&2
			exit 1
		fi
	done
done

for ((r = 0; r < RUNS; r++)); do
	for prog in exit display; do
		for impl in "${NAMES[@]}"; do
			command_of "$impl" "$prog"
			"$CPUTIME" -n "$BATCH" "${CMD[@]}" >>"$TMP/$impl.$prog"
		done
	done
done

# stats FILE: "MIN MEDIAN" of the numbers in FILE (microseconds), in ms.
stats() {
	sort -g "$1" | awk '{v[NR] = $1} END {m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.2f %.2f\n", v[1] / 1e3, m / 1e3}'
}

echo "CPU time (user + sys) of one start, ms: $((RUNS * BATCH)) starts each, interleaved"
printf '%-24s %-8s %8s %8s %10s %10s\n' implementation program best median best/csi median/csi
for prog in exit display; do
	csi_best="" csi_med=""
	if [[ -f $TMP/csi.$prog ]]; then
		read -r csi_best csi_med < <(stats "$TMP/csi.$prog")
	fi
	for impl in "${NAMES[@]}"; do
		read -r best med < <(stats "$TMP/$impl.$prog")
		rb="" rm=""
		if [[ -n $csi_best ]]; then
			rb=$(awk -v a="$best" -v b="$csi_best" 'BEGIN { printf "%.2f", a / b }')
			rm=$(awk -v a="$med" -v b="$csi_med" 'BEGIN { printf "%.2f", a / b }')
		fi
		printf '%-24s %-8s %8s %8s %10s %10s\n' "$impl" "$prog" "$best" "$med" "$rb" "$rm"
	done
done

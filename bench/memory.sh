#!/usr/bin/env bash
# bench/memory.sh - peak memory at scale: the peak RSS (/usr/bin/time
# -f %M) of the programs of bench/memory/, for one or more builds side
# by side.
#
# Usage: bash bench/memory.sh [--runs N] [BUILD ...] [-- PROGRAM ...]
#   BUILD     a contigo binary, or a git revision (built into bench/out);
#             default: the working tree, built into bench/out/contigo
#   PROGRAM   a name in bench/memory (default: chans after timers list print)
#   --runs N  runs of each program on each build; the smallest peak is
#             kept (default 3: the peak moves by 10-20% between runs,
#             with the moments the collector happens to run)
#
#   chans    1,000,000 (make-chan 1), the channels that after and timers make
#   after    1,000,000 pending (after ms) channels
#   timers   1,000,000 pending make-timer timers, then stopped
#   list     (iota 10000000), made but not printed
#   print    (display (iota 10000000)) to /dev/null
#
# Examples:
#   bash bench/memory.sh                         # the working tree
#   bash bench/memory.sh main HEAD               # two revisions side by side
#   bash bench/memory.sh main HEAD -- after timers
#
# The speed of sleeping and of timers is bench/memory/sleepers.scm, for
# bench/compare.sh: bash bench/compare.sh --cpu main HEAD memory/sleepers

set -eu
export LC_ALL=C
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS=3
BUILDS=()
PROGS=()
while (($# > 0)); do
	case $1 in
	--runs) RUNS=$2; shift 2 ;;
	--) shift; PROGS=("$@"); break ;;
	-h | --help) sed -n '2,26p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
	-*) echo "memory.sh: unknown option $1" >&2; exit 2 ;;
	*) BUILDS+=("$1"); shift ;;
	esac
done
((${#PROGS[@]} > 0)) || PROGS=(chans after timers list print)
[[ -x /usr/bin/time ]] || { echo "memory.sh: needs /usr/bin/time (Debian: apt-get install time)" >&2; exit 2; }

mkdir -p "$ROOT/bench/out"
# binary REV-OR-PATH (bench/binary.sh): a contigo binary for it.
source "$ROOT/bench/binary.sh"
BINS=()
if ((${#BUILDS[@]} == 0)); then
	(cd "$ROOT" && go build -o bench/out/contigo .)
	BUILDS=(tree)
	BINS=("$ROOT/bench/out/contigo")
else
	for b in "${BUILDS[@]}"; do BINS+=("$(binary "$b")"); done
fi

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# peak BIN PROG: the peak RSS in MB of BIN running PROG, best of RUNS.
peak() {
	local best="" kb i
	for ((i = 0; i < RUNS; i++)); do
		/usr/bin/time -f %M -o "$TMP/rss" "$1" "$ROOT/bench/memory/$2.scm" >/dev/null 2>"$TMP/err" || {
			echo "memory.sh: $1 $2.scm failed:" >&2
			cat "$TMP/err" >&2
			exit 1
		}
		kb=$(tail -1 "$TMP/rss")
		[[ -z $best || $kb -lt $best ]] && best=$kb
	done
	echo $((best / 1024))
}

printf '%-10s' "peak-MB"
for b in "${BUILDS[@]}"; do printf ' %12s' "$b"; done
echo
for p in "${PROGS[@]}"; do
	[[ -f $ROOT/bench/memory/$p.scm ]] || { echo "memory.sh: no program bench/memory/$p.scm" >&2; exit 2; }
	printf '%-10s' "$p"
	for bin in "${BINS[@]}"; do printf ' %12s' "$(peak "$bin" "$p")"; done
	echo
done

#!/usr/bin/env bash
# bench/pgo.sh - regenerate default.pgo, the CPU profile that go build
# uses for profile-guided optimisation of the contigo command (Go finds
# default.pgo in the main package's directory by itself). It profiles
# the built binary (CONTIGO_CPUPROFILE, profile.go) on every program of
# bench/programs, RUNS times each, and on every concurrency workload of
# bench/concurrency, RUNS-1 times each, and merges the profiles (the
# default.pgo in the repository was made so, with RUNS 3: 7% fewer
# instructions over bench/programs, measured by bench/compare.sh --instr;
# profiles of the same mix differ by a few percent in what they buy).
#
# Usage: bash bench/pgo.sh [RUNS]      (default 3; takes about a minute)
#
# A profile older than the code still works: the compiler matches
# functions by name and line offset and ignores what no longer fits, so
# regenerate it when the evaluator's hot paths have changed, and keep
# the new one only if bench/compare.sh says it pays.

set -eu
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS=${1:-3}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

(cd "$ROOT" && go build -o "$TMP/contigo" .)
for ((i = 1; i <= RUNS; i++)); do
	files=("$ROOT"/bench/programs/*.scm)
	((i < RUNS)) && files+=("$ROOT"/bench/concurrency/*.scm)
	for f in "${files[@]}"; do
		n=$(basename "$(dirname "$f")").$(basename "$f" .scm)
		CONTIGO_CPUPROFILE="$TMP/$n.$i.prof" "$TMP/contigo" "$f" >/dev/null
	done
done
go tool pprof -proto "$TMP"/*.prof >"$TMP/default.pgo"
mv "$TMP/default.pgo" "$ROOT/default.pgo"
echo "wrote $ROOT/default.pgo ($(wc -c <"$ROOT/default.pgo") bytes)"

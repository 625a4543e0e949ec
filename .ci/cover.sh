#!/usr/bin/env bash
# .ci/cover.sh - statement coverage of contigo's packages by the whole
# test suite, the contigo processes the tests start included.
#
# Usage: bash .ci/cover.sh [-o PROFILE] [GO-TEST-FLAG ...]
#   -o PROFILE     also write the merged profile (go tool cover -html=PROFILE)
#   GO-TEST-FLAG   passed to go test, e.g. -short or -run TestScheme
#
# go test -cover alone counts only what each test binary runs itself; the
# end-to-end tests run contigo as a separate process (tests/, examples/,
# the REPL's pseudo-terminal tests, contigo check). Here every test binary
# is built with -coverpkg=./... and writes its raw counters into one
# directory (-test.gocoverdir); internal/testbin builds the contigo
# binaries those tests run with go build -cover and points them at the
# same directory (GOCOVERDIR). go tool covdata then merges everything.
#
# Prints the percentage of every package, then eval, cont and macro again.
set -euo pipefail
cd "$(dirname "$0")/.."

profile=""
if [ "${1:-}" = "-o" ]; then
	profile=$2
	case $profile in /*) ;; *) profile=$PWD/$profile ;; esac
	shift 2
fi

dir=$(mktemp -d)
log=$(mktemp)
trap 'rm -rf "$dir" "$log"' EXIT

status=0
go test -count=1 -cover -coverpkg=./... "$@" ./... -args -test.gocoverdir="$dir" >"$log" 2>&1 || status=$?
# The per-binary percentages go test prints count each binary alone: leave
# them out, keep failures and notes.
grep -v -e '^ok ' -e 'coverage: .* of statements' "$log" || true
if [ "$status" != 0 ]; then
	echo "cover.sh: go test failed (status $status); the numbers below count the tests that ran" >&2
fi

echo "== coverage of every package (test binaries and the contigo processes they started)"
go tool covdata percent -i="$dir"
echo "== the interpreter's core"
go tool covdata percent -i="$dir" -pkg=contigo/eval,contigo/cont,contigo/macro
if [ -n "$profile" ]; then
	go tool covdata textfmt -i="$dir" -o "$profile"
	echo "profile written to $profile (go tool cover -html=$profile)"
fi
exit "$status"

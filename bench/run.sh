#!/usr/bin/env bash
# bench/run.sh - run the Scheme programs in bench/programs on contigo and,
# side by side in the same run, on Gambit's gsi, CHICKEN's csi and (when
# given) chibi-scheme; print the best-of-N wall times, the ratios of contigo
# to each, and their geometric means.
#
# gsi runs with a 4 GB minimum heap (-:m4096): with its default settings
# it spends most of these programs in page faults on a small VM (2.5x
# slower), which would flatter contigo.
#
# chibi is not packaged everywhere: set CHIBI to a chibi-scheme binary (a
# build tree works: CHIBI=/tmp/chibi-scheme/chibi-scheme, its lib/ and
# shared library are found next to it) or put chibi-scheme on PATH. It
# runs the programs in its core language (-xchibi): importing (scheme
# small) instead costs 280 ms of start-up, more than most programs run.
#
# Usage: bash bench/run.sh [--only NAME[,NAME...]] [--runs N] [--timeout S]
#                          [--no-build]
#
# Exit status: 0 unless some program printed the wrong output (or contigo
# crashed instead of printing it); 2 on a usage error. Slowness, timeouts and
# missing implementations never make it fail.

set -u
export LC_ALL=C

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
PROGS="$BENCH/programs"
OUT="$BENCH/out"
RES="$OUT/results"
CONTIGO="$OUT/contigo"

RUNS=3
STARTUP_RUNS=10
TIMEOUT=120
BUILD=1
ONLY=()

usage() {
	cat <<EOF
usage: bash bench/run.sh [options]

  --only NAME[,NAME]  run only these programs (bench/programs/NAME.scm);
                      may be given several times
  --runs N            best of N runs per implementation (default $RUNS)
  --timeout S         kill a single run after S seconds (default $TIMEOUT)
  --no-build          do not rebuild contigo, use bench/out/contigo as is
  -h, --help          this text
EOF
}

while (($#)); do
	case $1 in
	--only) [[ $# -ge 2 ]] || { usage >&2; exit 2; }; ONLY+=(${2//,/ }); shift 2 ;;
	--only=*) v=${1#*=}; ONLY+=(${v//,/ }); shift ;;
	--runs) [[ $# -ge 2 ]] || { usage >&2; exit 2; }; RUNS=$2; shift 2 ;;
	--runs=*) RUNS=${1#*=}; shift ;;
	--timeout) [[ $# -ge 2 ]] || { usage >&2; exit 2; }; TIMEOUT=$2; shift 2 ;;
	--timeout=*) TIMEOUT=${1#*=}; shift ;;
	--no-build) BUILD=0; shift ;;
	-h | --help) usage; exit 0 ;;
	*) echo "run.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
	esac
done
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --runs wants a positive integer" >&2; exit 2; }
[[ $TIMEOUT =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --timeout wants a positive integer" >&2; exit 2; }

# ---------------------------------------------------------------- programs
PROGRAMS=()
if ((${#ONLY[@]})); then
	for n in "${ONLY[@]}"; do
		n=${n%.scm}
		if [[ -f $PROGS/$n.scm ]]; then
			PROGRAMS+=("$n")
		else
			echo "run.sh: no such program: $PROGS/$n.scm" >&2
			exit 2
		fi
	done
else
	for f in "$PROGS"/*.scm; do
		n=${f##*/}
		PROGRAMS+=("${n%.scm}")
	done
fi

mkdir -p "$RES"
NOTES=()
note() { NOTES+=("$*"); }

# --------------------------------------------------------- implementations
IMPLS=()

if ((BUILD)); then
	if command -v go >/dev/null 2>&1; then
		echo "building contigo: (cd $ROOT && go build -o bench/out/contigo .)" >&2
		if ! (cd "$ROOT" && go build -o bench/out/contigo .) 2>"$OUT/build.log"; then
			cat "$OUT/build.log" >&2
			rm -f "$CONTIGO"
			note "contigo: build FAILED (see bench/out/build.log); contigo skipped"
		fi
	else
		note "contigo: go not found, not built"
	fi
fi
if [[ -x $CONTIGO ]]; then
	IMPLS+=(contigo)
elif ((${#NOTES[@]} == 0)); then
	note "contigo: $CONTIGO not available; contigo skipped"
fi

if command -v gsi >/dev/null 2>&1; then
	IMPLS+=(gsi)
else
	note "gsi: not installed (apt-get install gambc); gsi skipped"
fi

# Beware: on some systems "csi" is Mono's C# shell, not CHICKEN.
if command -v csi >/dev/null 2>&1 && csi -version 2>&1 | grep -qi chicken; then
	IMPLS+=(csi)
else
	note "csi: CHICKEN csi not installed (apt-get install chicken-bin); csi skipped"
fi

CHIBI=${CHIBI:-$(command -v chibi-scheme 2>/dev/null || true)}
CHIBI_ENV=()
if [[ -n $CHIBI && -x $CHIBI ]]; then
	IMPLS+=(chibi)
	d=$(cd "$(dirname "$CHIBI")" && pwd)
	if [[ -f $d/lib/init-7.scm ]]; then
		# An uninstalled build tree: its modules and libchibi-scheme.so.
		CHIBI_ENV=(env "CHIBI_MODULE_PATH=$d/lib" "LD_LIBRARY_PATH=$d${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}")
	fi
else
	note "chibi: set CHIBI=path/to/chibi-scheme (or put it on PATH) to compare with chibi"
fi

have() {
	local i
	for i in "${IMPLS[@]}"; do [[ $i == "$1" ]] && return 0; done
	return 1
}

# cmd_for IMPL FILE: set CMD to the command line running FILE on IMPL.
cmd_for() {
	case $1 in
	contigo) CMD=("$CONTIGO" "$2") ;;
	gsi) CMD=(gsi -:m4096 "$2") ;;
	csi) CMD=(csi -s "$2") ;;
	chibi) CMD=("${CHIBI_ENV[@]}" "$CHIBI" -xchibi "$2") ;;
	esac
}

# startup_cmd IMPL: set CMD to a command that starts IMPL and exits at once.
startup_cmd() {
	case $1 in
	contigo) CMD=("$CONTIGO" -e '(exit)') ;;
	gsi) CMD=(gsi -:m4096 -e '(exit)') ;;
	csi) CMD=(csi -e '(exit)') ;;
	chibi) CMD=("${CHIBI_ENV[@]}" "$CHIBI" -xchibi -e '1') ;;
	esac
}

# run_timed OUT ERR CMD...: run CMD with a timeout; sets US (wall time in
# microseconds) and RC (exit status; 124 means timed out).
run_timed() {
	local out=$1 err=$2
	shift 2
	local t0=$EPOCHREALTIME
	timeout "$TIMEOUT" "$@" >"$out" 2>"$err" </dev/null
	RC=$?
	local t1=$EPOCHREALTIME
	US=$((10#${t1/./} - 10#${t0/./}))
}

secs() { awk -v u="$1" 'BEGIN { printf "%.3f", u / 1e6 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# ------------------------------------------------------------------ header
echo "contigo benchmarks: best of $RUNS runs, wall seconds (including start-up)"
echo "date:    $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "machine: $(uname -srm), $(nproc 2>/dev/null || echo '?') cpus"
if have contigo; then
	rev=$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null) || rev="?"
	echo "contigo: git $rev, $(go version 2>/dev/null | awk '{print $3}')"
fi
have gsi && echo "gsi:     Gambit $(gsi -v 2>&1 | awk '{print $1; exit}')"
have csi && echo "csi:     CHICKEN $(csi -version 2>&1 | awk '/[Vv]ersion/ {print $2; exit}')"
have chibi && echo "chibi:   $("${CHIBI_ENV[@]}" "$CHIBI" -V 2>&1 | head -1) ($CHIBI)"
echo

# ------------------------------------------------------------------ start-up
declare -A SBEST=() SFAIL=()
for ((r = 1; r <= STARTUP_RUNS; r++)); do
	for impl in "${IMPLS[@]}"; do
		[[ -n ${SFAIL[$impl]:-} ]] && continue
		startup_cmd "$impl"
		run_timed "$RES/startup.$impl.out" "$RES/startup.$impl.err" "${CMD[@]}"
		if ((RC != 0)); then
			SFAIL[$impl]="exit $RC"
			continue
		fi
		if [[ -z ${SBEST[$impl]:-} ]] || ((US < SBEST[$impl])); then
			SBEST[$impl]=$US
		fi
	done
done
line="start-up (-e '(exit)', best of $STARTUP_RUNS):"
for impl in "${IMPLS[@]}"; do
	if [[ -n ${SFAIL[$impl]:-} ]]; then
		line+="  $impl FAILED (${SFAIL[$impl]})"
		note "start-up: $impl -e '(exit)' failed (${SFAIL[$impl]}): $(head -c 300 "$RES/startup.$impl.err")"
	else
		line+="  $impl $(awk -v u="${SBEST[$impl]}" 'BEGIN { printf "%.1f", u / 1e3 }') ms"
	fi
done
echo "$line"
echo

# --------------------------------------------------------------- programs
declare -A BEST=() STATUS=()
# ran_ok NAME IMPL: IMPL is installed and ran NAME without failing.
ran_ok() { have "$2" && [[ ${STATUS[$1,$2]:-ok} == ok ]]; }
MISMATCH=0
RATIOS_GSI=()
RATIOS_CSI=()
RATIOS_CHIBI=()
TSV="$OUT/results.tsv"
printf 'program\tcontigo_s\tgsi_s\tcsi_s\tchibi_s\tcontigo_over_gsi\tcontigo_over_csi\tcontigo_over_chibi\n' >"$TSV"

FMT='%-10s %10s %10s %10s %10s %12s %12s %12s\n'
printf "$FMT" program "contigo s" "gsi s" "csi s" "chibi s" contigo/gsi contigo/csi contigo/chibi
printf "$FMT" ---------- ---------- ---------- ---------- ---------- ------------ ------------ ------------

for name in "${PROGRAMS[@]}"; do
	file="$PROGS/$name.scm"
	# Interleave: contigo, gsi, csi, contigo, gsi, csi, ...
	for ((r = 1; r <= RUNS; r++)); do
		for impl in "${IMPLS[@]}"; do
			key="$name,$impl"
			[[ ${STATUS[$key]:-ok} == ok ]] || continue
			cmd_for "$impl" "$file"
			run_timed "$RES/$name.$impl.out" "$RES/$name.$impl.err" "${CMD[@]}"
			if ((RC == 124)); then
				STATUS[$key]=timeout
				continue
			elif ((RC != 0)); then
				STATUS[$key]="exit $RC"
				continue
			fi
			if ((r == 1)); then
				cp "$RES/$name.$impl.out" "$RES/$name.$impl.first"
			elif ! cmp -s "$RES/$name.$impl.out" "$RES/$name.$impl.first"; then
				STATUS[$key]=unstable
				continue
			fi
			if [[ -z ${BEST[$key]:-} ]] || ((US < BEST[$key])); then
				BEST[$key]=$US
			fi
		done
	done

	# Reference output: the .expected file, else the first of gsi/csi that ran.
	ref=""
	if [[ -f $PROGS/$name.expected ]]; then
		ref="$PROGS/$name.expected"
	else
		for impl in gsi csi chibi; do
			if ran_ok "$name" "$impl"; then
				ref="$RES/$name.$impl.first"
				break
			fi
		done
	fi

	declare -A cell=()
	for impl in contigo gsi csi chibi; do
		key="$name,$impl"
		if ! have "$impl"; then
			cell[$impl]="-"
			continue
		fi
		st=${STATUS[$key]:-ok}
		case $st in
		ok)
			if [[ -n $ref ]] && ! cmp -s "$RES/$name.$impl.first" "$ref"; then
				STATUS[$key]=wrong
				cell[$impl]="WRONG"
				MISMATCH=1
				note "$name: $impl printed $(head -c 200 "$RES/$name.$impl.first" | tr '\n' ' ')" \
					"but expected $(head -c 200 "$ref" | tr '\n' ' ')"
			else
				cell[$impl]=$(secs "${BEST[$key]}")
			fi
			;;
		timeout)
			cell[$impl]="timeout"
			note "$name: $impl timed out after ${TIMEOUT}s (not counted as a failure)"
			;;
		unstable)
			cell[$impl]="UNSTABLE"
			MISMATCH=1
			note "$name: $impl printed different output on different runs"
			;;
		*)
			cell[$impl]="FAIL"
			err=$(tail -c 300 "$RES/$name.$impl.err" | tr '\n' ' ')
			if [[ $impl == contigo ]]; then
				# contigo did not produce the expected output: a failure.
				MISMATCH=1
				note "$name: contigo FAILED ($st): $err"
			else
				note "$name: $impl cannot run it ($st): $err"
			fi
			;;
		esac
	done

	rg="" rc="" rh=""
	if ran_ok "$name" contigo; then
		if ran_ok "$name" gsi; then
			rg=$(ratio "${BEST[$name,contigo]}" "${BEST[$name,gsi]}")
			RATIOS_GSI+=("$rg")
		fi
		if ran_ok "$name" csi; then
			rc=$(ratio "${BEST[$name,contigo]}" "${BEST[$name,csi]}")
			RATIOS_CSI+=("$rc")
		fi
		if ran_ok "$name" chibi; then
			rh=$(ratio "${BEST[$name,contigo]}" "${BEST[$name,chibi]}")
			RATIOS_CHIBI+=("$rh")
		fi
	fi
	printf "$FMT" "$name" "${cell[contigo]}" "${cell[gsi]}" "${cell[csi]}" "${cell[chibi]}" \
		"${rg:-n/a}" "${rc:-n/a}" "${rh:-n/a}"
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "${cell[contigo]}" "${cell[gsi]}" "${cell[csi]}" \
		"${cell[chibi]}" "${rg:-n/a}" "${rc:-n/a}" "${rh:-n/a}" >>"$TSV"
	unset cell
done

geomean() {
	if (($# == 0)); then
		echo "n/a"
		return
	fi
	printf '%s\n' "$@" | awk '{ s += log($1); n++ } END { printf "%.2f (%d programs)", exp(s / n), n }'
}
echo
echo "geometric mean contigo/gsi: $(geomean "${RATIOS_GSI[@]}")"
echo "geometric mean contigo/csi: $(geomean "${RATIOS_CSI[@]}")"
echo "geometric mean contigo/chibi: $(geomean "${RATIOS_CHIBI[@]}")"
echo "(ratio > 1 means contigo is slower; results also in bench/out/results.tsv)"

if ((${#NOTES[@]})); then
	echo
	echo "notes:"
	for n in "${NOTES[@]}"; do
		echo "  - $n"
	done
fi

if ((MISMATCH)); then
	echo
	echo "FAILED: some output did not match (outputs kept in bench/out/results/)"
	exit 1
fi
exit 0

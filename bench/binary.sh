# bench/binary.sh - sourced by compare.sh, startup.sh and memory.sh, which
# set ROOT to the repository's root: the contigo binary to measure for a
# path or a git revision.

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

package main

import (
	"fmt"
	"io"
	"os"
	"runtime/pprof"
)

// cpuProfileEnv names the environment variable that makes contigo write
// a CPU profile of its whole run to the file it gives: for profiling a
// Scheme program's run with go tool pprof, and for bench/pgo.sh, which
// builds default.pgo (the profile go build optimises with) from runs of
// the benchmark programs.
const cpuProfileEnv = "CONTIGO_CPUPROFILE"

// withCPUProfile runs main, profiled if cpuProfileEnv is set, and
// returns its exit status.
func withCPUProfile(main func() int, stderr io.Writer) int {
	path := os.Getenv(cpuProfileEnv)
	if path == "" {
		return main()
	}
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintf(stderr, "contigo: %s: %v\n", cpuProfileEnv, err)
		return 2
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintf(stderr, "contigo: %s: %v\n", cpuProfileEnv, err)
		f.Close()
		return 2
	}
	code := main()
	pprof.StopCPUProfile()
	if err := f.Close(); err != nil {
		fmt.Fprintf(stderr, "contigo: %s: %v\n", cpuProfileEnv, err)
	}
	return code
}

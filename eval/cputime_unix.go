//go:build unix

package eval

import (
	"syscall"
	"time"
)

// processCPU returns the CPU time the process has used (user and system,
// every thread). Bounds on work use it rather than the wall clock, which
// on a loaded machine runs on while the process waits for a processor.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return time.Duration(clock())
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

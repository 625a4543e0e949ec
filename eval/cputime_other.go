//go:build !unix

package eval

import "time"

// processCPU falls back to the time since the process started where
// there is no CPU clock for it (the browser's wasm: one thread, which
// runs whenever the page does).
func processCPU() time.Duration { return time.Duration(clock()) }

package main

// This file defines the ,cont meta-command: show what a captured
// continuation will do when it is resumed (show-continuation).

import (
	"contigo/value"
)

// metaCont evaluates its argument, a continuation, and shows its frames.
func metaCont(c *metaCtx, arg string) bool {
	v, r, ok := c.readExpr(arg, "cont")
	if !ok {
		return false
	}
	freshLine(c.out)
	_, _, quit := c.eval(value.List(value.Intern("show-continuation"), v), r)
	return quit
}

package eval

// This file defines the general-path mode used to test the evaluator's
// fast paths: an interpreter in this mode compiles every program without
// them (no inlined primitive calls, no direct calls, no inlined call/cc,
// no unchecked letrec reads, no recycling of environment records, and no
// node evaluated at once except constants, variables and lambda), so a
// program run both ways must behave the same.

import "contigo/value"

// generalNode hides a node's immediate evaluation: the machine always
// executes it as a step of its own.
type generalNode struct{ Node }

func (generalNode) evalNow(*Machine) (value.Value, bool) { return nil, false }
func (generalNode) immediate() bool                      { return false }
func (generalNode) pure() bool                           { return false }
func (generalNode) tails(int) Node                       { return nil }

func (g generalNode) siteOf() *site {
	if s, ok := g.Node.(interface{ siteOf() *site }); ok {
		return s.siteOf()
	}
	return &site{}
}

// markTails is markTails unless the interpreter is in general-path mode,
// where records are never recycled.
func (c *compiler) markTails(n Node, levels int) Node {
	if c.in.general {
		return n
	}
	return markTails(n, levels)
}

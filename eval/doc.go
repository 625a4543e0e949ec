// Package eval is contigo's evaluator: it compiles Scheme data into a tree
// of nodes with lexical addressing and runs the tree on a machine whose
// continuation is a chain of heap-allocated frames (package cont). So
// call/cc is O(1), every tail call is proper, and the depth of a
// recursion is bounded by memory, not by the Go stack.
//
// Programs that embed contigo should use package contigo/scheme, which
// reads source text, converts values to and from Go and registers Go
// functions. This package is the layer below it, which the contigo command
// and its REPL use directly.
//
// # What the package owns
//
//   - The interpreter (Interp, made by New from Options): the global
//     environment, the standard ports, the limits (MaxDepth, the
//     process-wide memory limit, the Sandbox) and the registry of R7RS
//     libraries. Eval and EvalAt compile and run one top-level form read
//     by package reader; Load runs every form of a text; Apply calls a
//     procedure from Go; Interrupt and Stop end a run from another
//     goroutine.
//   - The compiler (compile.go, special*.go, syntax.go, expand.go):
//     variables become (depth, index) slots or pointers to global cells,
//     macros are expanded (package macro), derived forms are rewritten
//     into the few node kinds of node.go.
//   - The machine (machine.go): its registers, the dispatch loop, the
//     procedure-call protocol and the raising of exceptions. A node either
//     evaluates at once or runs as a step that pushes a frame for the
//     subexpression it waits for; a call never pushes one.
//   - The control procedures (control*.go): call/cc, dynamic-wind,
//     exception handlers, parameters, values, apply; and in switch.go the
//     hooks the concurrency library (package prelude) switches goroutines
//     with, and the contract between the machine and that scheduler.
//   - The built-in procedures: it installs package prims' table (the
//     primitives that need only the data model) next to its own, the few
//     that must reach the interpreter (ports, interrupts and sleep,
//     macroexpand, the scheduler's queues: builtins*.go), and loads the
//     part of the standard library written in Scheme (core.scm,
//     srfi.scm).
//   - Errors (errors.go, blame.go): an exception no handler catches ends
//     the run with an *Error carrying the raised object, the position of
//     the user's code it is blamed on and a backtrace.
//
// Primitives never call back into the evaluator from Go: a procedure that
// calls procedures is a control procedure that pushes frames, or is
// written in Scheme.
package eval

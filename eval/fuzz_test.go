package eval_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"contigo/eval"
	"contigo/prelude"
)

// FuzzEval runs programs generated from the fuzzer's bytes by a grammar of
// Scheme forms (arithmetic, conditionals, let, lambda, named-let loops,
// set!, call/cc, dynamic-wind, guard, raise, with-exception-handler, a
// builtin or a leaf procedure redefined half-way, and, in the concurrent
// flavour, goroutines and channels). No run may end in an internal error
// (a Go panic); a
// sequential program must print the same, error included, with and
// without the evaluator's fast paths. A time limit ends runaway programs.
//
//	go test -run=^$ -fuzz=FuzzEval -fuzztime=20s ./eval
func FuzzEval(f *testing.F) {
	for _, seed := range []string{
		"", "\x00", "\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f",
		"\x06\x06\x06\x07\x08\x09", "\x0b\x0b\x0c\x01\x02", "\xff\x10\x20\x30\x40\x50\x60",
		"\x80\x81\x82\x83\x84\x85\x86\x87\x88\x89\x8a\x8b", "\x11\x06\x0f\x0e\x07\x08\x09\x0a\x0b",
		"concurrent \x01\x02\x03\x04", "\x13\x13\x13\x02\x04\x06\x08\x0a\x0c\x0e",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		src, concurrent := generateProgram(data)
		if concurrent {
			out, _ := runLimited(t, src, false, true)
			if strings.Contains(out, "internal error") {
				t.Fatalf("internal error running\n%s\n=> %s", src, out)
			}
			return
		}
		fast, ok1 := runLimited(t, src, false, false)
		general, ok2 := runLimited(t, src, true, false)
		for _, out := range []string{fast, general} {
			if strings.Contains(out, "internal error") {
				t.Fatalf("internal error running\n%s\n=> %s", src, out)
			}
		}
		if ok1 && ok2 && fast != general {
			t.Fatalf("fast and general paths disagree on\n%s\nfast:    %s\ngeneral: %s", src, fast, general)
		}
	})
}

// errFuzzTime is the Stop error of a run that took too long.
var errFuzzTime = errors.New("time limit")

// runLimited runs src like runMode, stopped after a second; ok is false
// if it was stopped.
func runLimited(t *testing.T, src string, general, concurrent bool) (out string, ok bool) {
	t.Helper()
	var buf bytes.Buffer
	opts := eval.Options{Stdout: &buf, Stderr: &bytes.Buffer{}, Stdin: strings.NewReader(""), MaxDepth: 20000}
	if concurrent {
		prelude.Load(&opts)
	}
	newInterp := eval.New
	if general {
		newInterp = eval.NewGeneral
	}
	in, err := newInterp(opts)
	if err != nil {
		t.Fatal(err)
	}
	forms, srcmap, err := eval.ReadForms(src, "fuzz.scm")
	if err != nil {
		t.Fatalf("generated program does not read: %v\n%s", err, src)
	}
	timer := time.AfterFunc(time.Second, func() { in.Stop(errFuzzTime) })
	defer timer.Stop()
	var failure string
	for _, form := range forms {
		if _, err := in.Eval(form, srcmap); err != nil {
			if err == errFuzzTime {
				return "", false
			}
			failure = "error: " + err.Error()
			break
		}
	}
	in.Flush()
	return buf.String() + failure, true
}

// progGen turns bytes into a program, one choice per byte (0 once they
// run out, which always picks a leaf, so generation ends).
type progGen struct {
	data []byte
	i    int
	vars []string
	// procs are the procedures of one parameter defined so far: calls
	// of them run code compiled before later redefinitions.
	procs []string
	n     int // names made so far
	b     strings.Builder
}

func (g *progGen) pick(n int) int {
	if g.i >= len(g.data) {
		return 0
	}
	c := g.data[g.i]
	g.i++
	return int(c) % n
}

func (g *progGen) fresh(prefix string) string {
	g.n++
	return fmt.Sprintf("%s%d", prefix, g.n)
}

// generateProgram returns the program data describes and whether it is of
// the concurrent flavour.
func generateProgram(data []byte) (string, bool) {
	concurrent := bytes.HasPrefix(data, []byte("concurrent"))
	g := &progGen{data: data}
	// f0 and f2 are leaf procedures (leafcall.go), redefined half-way
	// by some programs.
	g.b.WriteString("(define (f0 a) (+ a 1))\n(define (f2 a b) (- a b))\n(define g0 10)\n")
	if concurrent {
		g.b.WriteString("(define ch (make-chan 2))\n(define done (make-chan))\n")
	}
	for forms := 0; forms < 6 && g.i < len(data); forms++ {
		switch g.pick(7) {
		case 0:
			name := g.fresh("f")
			p := g.fresh("p")
			g.vars = append(g.vars, p)
			body := g.expr(0)
			// Calls of the leaf procedures on immediate operands,
			// which run inlined until f0 or f2 is redefined.
			switch g.pick(3) {
			case 0:
				body = "(list (f0 " + p + ") " + body + ")"
			case 1:
				body = "(list (f2 " + p + " " + g.leaf() + ") " + body + ")"
			}
			fmt.Fprintf(&g.b, "(define (%s %s) %s)\n", name, p, body)
			g.vars = g.vars[:len(g.vars)-1]
			g.procs = append(g.procs, name)
		case 1:
			// A builtin redefined as a closure doing the same, then
			// restored: inlined calls compiled before must follow.
			fmt.Fprintf(&g.b, "(define saved-op +)\n(set! + (lambda args (apply saved-op args)))\n(display %s)\n(set! + saved-op)\n", g.expr(0))
		case 3:
			// A leaf procedure redefined: calls compiled before must
			// follow, whether the new one is a leaf or not.
			redefs := []string{"(define (f0 a) (* a 2))", "(set! f0 (lambda (a) (if (< a 0) a (- a))))",
				"(define (f2 a b) (+ b a))", "(set! f2 (lambda (a b) (list a b)))", "(set! f0 'no)"}
			redef, e := redefs[g.pick(len(redefs))], g.expr(0)
			if len(g.procs) > 0 {
				e = "(" + g.procs[g.pick(len(g.procs))] + " " + e + ")"
			}
			fmt.Fprintf(&g.b, "%s\n(display %s)\n", redef, e)
		case 2:
			if concurrent {
				fmt.Fprintf(&g.b, "(go (send ch %s) (send done 'ok))\n(display (recv ch))\n(recv done)\n", g.expr(1))
				continue
			}
			fmt.Fprintf(&g.b, "(display %s)\n", g.expr(0))
		default:
			fmt.Fprintf(&g.b, "(display %s)\n(newline)\n", g.expr(0))
		}
	}
	return g.b.String(), concurrent
}

// expr generates an expression at nesting depth d.
func (g *progGen) expr(d int) string {
	if d > 5 {
		return g.leaf()
	}
	switch g.pick(20) {
	case 0, 1:
		return g.leaf()
	case 2:
		ops := []string{"+", "-", "*", "<", "=", "max", "f0", "f2"}
		op := ops[g.pick(len(ops))]
		if op == "f0" {
			if len(g.procs) > 0 && g.pick(2) == 0 {
				op = g.procs[g.pick(len(g.procs))]
			}
			return "(" + op + " " + g.expr(d+1) + ")"
		}
		return "(" + op + " " + g.expr(d+1) + " " + g.expr(d+1) + ")"
	case 3:
		return "(if " + g.expr(d+1) + " " + g.expr(d+1) + " " + g.expr(d+1) + ")"
	case 4:
		v := g.fresh("v")
		init := g.expr(d + 1)
		g.vars = append(g.vars, v)
		body := g.expr(d + 1)
		g.vars = g.vars[:len(g.vars)-1]
		return "(let ((" + v + " " + init + ")) " + body + ")"
	case 5:
		v := g.fresh("x")
		g.vars = append(g.vars, v)
		body := g.expr(d + 1)
		g.vars = g.vars[:len(g.vars)-1]
		return "((lambda (" + v + ") " + body + ") " + g.expr(d+1) + ")"
	case 6:
		k := g.fresh("k")
		g.vars = append(g.vars, k)
		body := g.expr(d + 1)
		g.vars = g.vars[:len(g.vars)-1]
		return "(call/cc (lambda (" + k + ") (+ 1 (" + k + " " + body + "))))"
	case 7:
		return "(dynamic-wind (lambda () (display \"[\")) (lambda () " + g.expr(d+1) + ") (lambda () (display \"]\")))"
	case 8:
		e := g.fresh("e")
		return "(guard (" + e + " ((symbol? " + e + ") (list 'sym " + e + ")) ((error-object? " + e + ") (error-object-message " + e + "))) " + g.expr(d+1) + ")"
	case 9:
		return "(raise '" + g.fresh("oops") + ")"
	case 10:
		if g.pick(2) == 0 {
			// A statement if: the Seq takes its branch itself when
			// the test needs no step.
			return "(begin (if " + g.expr(d+1) + " (display " + g.expr(d+1) + ") " + g.expr(d+1) + ") " + g.expr(d+1) + ")"
		}
		return "(begin (display " + g.expr(d+1) + ") " + g.expr(d+1) + ")"
	case 11:
		return "(car " + g.expr(d+1) + ")"
	case 12:
		return "(vector-ref (vector " + g.expr(d+1) + " " + g.expr(d+1) + ") " + g.expr(d+1) + ")"
	case 13:
		loop, i, acc := g.fresh("loop"), g.fresh("i"), g.fresh("acc")
		g.vars = append(g.vars, acc)
		step := g.expr(d + 1)
		g.vars = g.vars[:len(g.vars)-1]
		return "(let " + loop + " ((" + i + " 0) (" + acc + " " + g.expr(d+1) + ")) (if (< " + i + " 4) (" + loop + " (+ " + i + " 1) " + step + ") " + acc + "))"
	case 14:
		if len(g.vars) > 0 {
			v := g.vars[g.pick(len(g.vars))]
			return "(begin (set! " + v + " " + g.expr(d+1) + ") " + v + ")"
		}
		return "(begin (set! g0 " + g.expr(d+1) + ") g0)"
	case 15:
		return "(apply + (list " + g.expr(d+1) + " " + g.expr(d+1) + "))"
	case 16:
		return "(with-exception-handler (lambda (c) 0) (lambda () (+ 1 (raise-continuable " + g.expr(d+1) + "))))"
	case 17:
		return "(call-with-values (lambda () (values " + g.expr(d+1) + " " + g.expr(d+1) + ")) list)"
	case 18:
		v := g.fresh("w")
		g.vars = append(g.vars, v)
		body := g.expr(d + 1)
		g.vars = g.vars[:len(g.vars)-1]
		return "(letrec ((" + v + " (lambda () " + body + "))) (" + v + "))"
	default:
		return "(string-length (number->string " + g.expr(d+1) + "))"
	}
}

// leaf is a constant or a variable in scope.
func (g *progGen) leaf() string {
	if len(g.vars) > 0 && g.pick(2) == 0 {
		return g.vars[g.pick(len(g.vars))]
	}
	leaves := []string{"0", "1", "2", "-3", "7", "'a", "#f", "\"s\"", "'()", "'(1 2)", "g0", "2.5"}
	return leaves[g.pick(len(leaves))]
}

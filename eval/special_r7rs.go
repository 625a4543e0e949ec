package eval

// This file compiles the R7RS special forms that special.go does not:
// let-values, let*-values, receive (SRFI 8), case-lambda, include,
// include-ci, import and define-library. The forms that must be able to
// expand into definitions inside a body (define-values,
// define-record-type, cond-expand) are macros instead, installed by
// r7rs.go, because a body is scanned for definitions after macro
// expansion only. Their rows are in special.go's table.

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"contigo/reader"
	"contigo/value"
)

var (
	symCaseLambdaPrim = value.Intern("%case-lambda")
	symLetValues      = value.Intern("let-values")
	symLetStarValues  = value.Intern("let*-values")
)

// LetValues binds the values of each init to its formals, then runs the
// body in a new scope holding all the variables (let-values, receive).
// The inits are evaluated in the outer scope, left to right.
type LetValues struct {
	inits   []Node
	nfixed  []int  // per init: how many values its formals take
	rest    []bool // per init: whether its formals have a rest variable
	who     string
	size    int // the body scope's frame size
	body    Node
	nvalues int // how many slots the inits fill
	site
	stepNode
}

func (n *LetValues) awaited(f *Frame) Node { return nodeAt(n.inits, f.I) }
func (n *LetValues) tails(levels int) Node {
	n.body = markTails(n.body, levels+1)
	return nil
}

// lvSaved is what a LetValues frame remembers: the slot values of the
// inits already evaluated. It is never modified once in a frame.
type lvSaved struct{ vals []value.Value }

func (n *LetValues) exec(m *Machine) { n.from(m, 0, nil) }

// from evaluates the inits from i on, vals holding the values bound so
// far (owned by the caller: it is copied before it is extended).
func (n *LetValues) from(m *Machine, i int, vals []value.Value) {
	for ; i < len(n.inits); i++ {
		v, ok := n.inits[i].evalNow(m)
		if !ok {
			m.push(n, &lvSaved{vals}, int32(i))
			m.node = n.inits[i]
			return
		}
		vals = n.bind(m, i, v, vals)
	}
	env := m.in.envs.New(m.env, n.size)
	copy(env.Vals, vals)
	m.env = env
	m.node = n.body
}

func (n *LetValues) resume(m *Machine, f *Frame) {
	m.env = f.Env
	saved := f.Val.(*lvSaved).vals
	i := int(f.I)
	n.from(m, i+1, n.bind(m, i, m.val, saved))
}

// bind appends the slot values of init i, whose result is v, to a copy
// of vals.
func (n *LetValues) bind(m *Machine, i int, v value.Value, vals []value.Value) []value.Value {
	got := []value.Value{v}
	if mv, ok := v.(*value.MultipleValues); ok {
		got = mv.Vals
	}
	fixed := n.nfixed[i]
	if len(got) < fixed || (!n.rest[i] && len(got) > fixed) {
		want := fmt.Sprint(fixed)
		if n.rest[i] {
			want = "at least " + want
		}
		plural := "s"
		if want == "1" {
			plural = ""
		}
		m.fail(value.Errorf("%s: expected %s value%s, got %d", n.who, want, plural, len(got)), &n.site)
	}
	out := make([]value.Value, len(vals), n.nvalues)
	copy(out, vals)
	out = append(out, got[:fixed]...)
	if n.rest[i] {
		out = append(out, value.List(got[fixed:]...))
	}
	return out
}

// lambdaListVars parses a lambda list into its variables, the number of fixed
// ones and whether the last is a rest variable.
func (c *compiler) lambdaListVars(v value.Value, form value.Value) (vars []*value.Symbol, fixed int, rest bool) {
	for {
		switch p := v.(type) {
		case *value.Empty:
			return vars, len(vars), false
		case *value.Symbol:
			return append(vars, p), len(vars), true
		case *value.Pair:
			sym, ok := p.Car.(*value.Symbol)
			if !ok {
				c.errorf(form, "bad syntax: cannot bind %s", value.WriteString(p.Car))
			}
			vars = append(vars, sym)
			v = p.Cdr
		default:
			c.errorf(form, "bad syntax: bad formals %s", value.WriteString(v))
		}
	}
}

// letValues compiles bindings (each (formals init)) and a body.
func (c *compiler) letValues(who string, binds []value.Value, body []value.Value, sc *scope, form value.Value) Node {
	n := &LetValues{who: who, site: c.site()}
	inner := &scope{up: sc}
	for _, b := range binds {
		parts, ok := value.ToSlice(b)
		if !ok || len(parts) != 2 {
			c.errorf(form, "bad syntax: bad %s binding %s", who, value.WriteString(b))
		}
		vars, fixed, rest := c.lambdaListVars(parts[0], form)
		old := c.at(b)
		n.inits = append(n.inits, c.compile(parts[1], sc))
		c.pos = old
		n.nfixed = append(n.nfixed, fixed)
		n.rest = append(n.rest, rest)
		for _, v := range vars {
			for _, prev := range inner.names {
				if prev == v {
					c.errorf(form, "bad syntax: duplicate binding of %s", v.Name)
				}
			}
			inner.add(v, false)
		}
	}
	n.nvalues = len(inner.names)
	n.body = c.body(body, inner, form)
	n.size = len(inner.names)
	return n
}

// (let-values (((formals) init) ...) body...)
func compileLetValues(c *compiler, form *value.Pair, sc *scope) Node {
	items := c.list(form, form)
	if len(items) < 3 {
		c.errorf(form, "bad syntax: let-values needs bindings and a body")
	}
	return c.letValues("let-values", c.list(items[1], form), items[2:], sc, form)
}

// (let*-values (b1 b2 ...) body...) = (let-values (b1) (let*-values (b2 ...) body...))
func compileLetStarValues(c *compiler, form *value.Pair, sc *scope) Node {
	items := c.list(form, form)
	if len(items) < 3 {
		c.errorf(form, "bad syntax: let*-values needs bindings and a body")
	}
	binds := c.list(items[1], form)
	if len(binds) <= 1 {
		return c.letValues("let*-values", binds, items[2:], sc, form)
	}
	inner := value.Cons(symLetStarValues, value.Cons(value.List(binds[1:]...), value.List(items[2:]...)))
	return c.rewrite(value.List(symLetValues, value.List(binds[0]), inner), sc)
}

// (receive formals expr body...), SRFI 8.
func compileReceive(c *compiler, form *value.Pair, sc *scope) Node {
	items := c.list(form, form)
	if len(items) < 4 {
		c.errorf(form, "bad syntax: (receive formals expression body ...)")
	}
	return c.letValues("receive", []value.Value{value.List(items[1], items[2])}, items[3:], sc, form)
}

// (case-lambda (formals body...) ...) = (%case-lambda (lambda formals body...) ...):
// the primitive returns a procedure that dispatches on argument count.
func compileCaseLambda(c *compiler, form *value.Pair, sc *scope) Node {
	items := c.list(form, form)
	clauses := []value.Value{symCaseLambdaPrim}
	for _, cl := range items[1:] {
		p, ok := cl.(*value.Pair)
		if !ok {
			c.errorf(form, "bad syntax: bad case-lambda clause %s", value.WriteString(cl))
		}
		if _, ok := p.Cdr.(*value.Pair); !ok {
			c.errorf(form, "bad syntax: case-lambda clause needs a body: %s", value.WriteString(cl))
		}
		lam := value.Cons(symLambda, p)
		if pos, ok := c.src.Lookup(p); ok {
			c.src[lam] = pos
		}
		clauses = append(clauses, lam)
	}
	return c.rewrite(value.List(clauses...), sc)
}

// (include "file" ...) and (include-ci "file" ...): the files' forms, read
// relative to the directory of the file containing the include, replace
// the include. At top level they are compiled as top-level forms; inside
// a body they are compiled as a body in the same scope, so definitions
// they make are seen by the forms after the include (but not by the
// forms before it, unlike definitions written in the body itself: for
// that, body's scan would splice includeForms as it splices begin).
func compileInclude(c *compiler, form *value.Pair, sc *scope, ci bool) Node {
	forms := c.includeForms(form, ci)
	if len(forms) == 0 {
		return &Const{v: value.Unspecified}
	}
	if sc == nil {
		nodes := make([]Node, len(forms))
		for i, f := range forms {
			nodes[i] = c.toplevel(f)
		}
		if len(nodes) == 1 {
			return nodes[0]
		}
		return &Seq{body: nodes, site: c.site()}
	}
	return c.body(forms, sc, form)
}

// includeForms reads the files an (include "file" ...) form names (with
// case folding for include-ci) and returns their forms, whose positions
// it adds to the compiler's source map.
func (c *compiler) includeForms(form *value.Pair, ci bool) []value.Value {
	old := c.at(form)
	defer func() { c.pos = old }()
	items := c.list(form, form)
	who := "include"
	if ci {
		who = "include-ci"
	}
	if len(items) < 2 {
		c.errorf(form, "bad syntax: (%s \"file\" ...)", who)
	}
	var forms []value.Value
	for _, it := range items[1:] {
		s, ok := it.(*value.String)
		if !ok {
			c.errorf(form, "bad syntax: %s: file name must be a string, got %s", who, value.WriteString(it))
		}
		path := includePath(c.pos, s.String())
		if err := c.in.checkRead(who, path); err != nil {
			c.errorf(form, "%s", err.Error())
		}
		fs, src, err := readSourceFile(path, ci)
		if err != nil {
			c.errorf(form, "%s: %v", who, err)
		}
		for p, pos := range src {
			c.src[p] = pos
		}
		forms = append(forms, fs...)
	}
	return forms
}

// sourceDir is the directory of the file pos is in ("." if unknown).
func sourceDir(pos value.Pos) string {
	if pos.File == nil || *pos.File == "" || (*pos.File)[0] == '<' {
		return "."
	}
	return filepath.Dir(*pos.File)
}

// includePath resolves an included file name against the directory of
// the including file; a name not found there is tried as given.
func includePath(pos value.Pos, name string) string {
	if filepath.IsAbs(name) {
		return name
	}
	p := filepath.Join(sourceDir(pos), name)
	if _, err := os.Stat(p); err != nil {
		if _, err2 := os.Stat(name); err2 == nil {
			return name
		}
	}
	return p
}

// readSourceFile reads every datum of a file, with fold-case on for
// include-ci.
func readSourceFile(path string, foldCase bool) ([]value.Value, value.SourceMap, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	r := reader.New(string(data), path)
	r.SetFoldCase(foldCase)
	var forms []value.Value
	for {
		d, err := r.Read()
		if err != nil {
			if err == io.EOF {
				return forms, r.SourceMap(), nil
			}
			return nil, nil, err
		}
		forms = append(forms, d)
	}
}

// (import import-set ...), at top level only.
func compileImport(c *compiler, form *value.Pair, sc *scope) Node {
	if sc != nil {
		c.errorf(form, "bad syntax: import is only allowed at top level")
	}
	items := c.list(form, form)
	for _, set := range items[1:] {
		if err := c.in.lib.importSet(set, sourceDir(c.pos)); err != nil {
			c.libraryError(form, err)
		}
	}
	return &Const{v: value.Unspecified}
}

// (define-library name declaration ...), at top level only: the library
// is registered, and its body runs when it is first imported.
func compileDefineLibrary(c *compiler, form *value.Pair, sc *scope) Node {
	if sc != nil {
		c.errorf(form, "bad syntax: define-library is only allowed at top level")
	}
	if _, err := c.in.lib.declare(form, c.src, c.pos); err != nil {
		c.libraryError(form, err)
	}
	return &Const{v: value.Unspecified}
}

// libraryError reports err, keeping the position and backtrace of an
// error raised while a library's body ran.
func (c *compiler) libraryError(form value.Value, err error) {
	if e, ok := err.(*Error); ok {
		panic(&compileError{e})
	}
	c.errorf(form, "%v", err)
}

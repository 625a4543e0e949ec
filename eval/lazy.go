package eval

// This file defines the lazy compilation of the library's procedures,
// which makes start-up cheap (with the images of image.go, which leave
// out reading and expanding the library, and most of its definitions): the library (core.scm, srfi.scm, inline.scm
// and the files of Options.Library) defines hundreds of procedures, of
// which a program calls a few. Reading and compiling their bodies, with
// the macro expansions in them, was most of the cost of making an
// interpreter. So the body of a procedure that the library defines at top
// level, (define (f . params) body ...) or (define f (lambda params body
// ...)), and of a define-macro transformer, is compiled when the
// procedure is first called; and the body of a (define (f param ...)
// body ...) is not even read at load time, only skipped (reader.Skip):
// loadLib reads its text at the first call, with the positions a reader
// of the whole file gives.
//
// The result must be exactly what compiling at load time would give. A
// body compiled later could see a different global environment: a name
// the user has since made a macro, a macro the user has redefined as a
// variable, a special form's name defined as a variable, a name that an
// import has rebound to another cell. So before any of these changes
// (Interp.syntaxChange), every body still pending is compiled: the
// environment they are compiled in is then always the one of load time.
// TestLazyLibraryIsEager compiles every pending body and checks that the
// code is, node for node and position for position, what compiling at
// load time gives (so no body of the library hides a syntax error
// either); TestLazyLibraryKeepsItsSyntax checks that a program's later
// definitions do not reach into the library.
//
// Only the parameter list is checked at load time; the Lambda gets its
// arity (nparams, rest, noScope) then, so procedure-arity and the call
// paths work on it unchanged. Its body is a lazyBody node, which the
// first call runs: it compiles the real body into the Lambda, grows the
// call's environment record if internal definitions need more slots than
// the parameters, and runs the body in the same machine step (no extra
// step: step counts, set-timer's, are unchanged).
//
// One thing differs, as it differs with any change to the library: the
// expansions of the library's macros that call gensym run later, so the
// numbers in the names of a program's gensyms are not the same.

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"time"

	"contigo/reader"
	"contigo/value"
)

// eagerLibrary turns the laziness off, for the test that compares.
var eagerLibrary bool

// lazyBody is the body of a library procedure not yet compiled.
type lazyBody struct {
	lam    *Lambda
	params value.Value
	body   []value.Value
	form   *value.Pair // the lambda expression
	src    value.SourceMap
	pos    value.Pos // the compiler's position at the lambda expression
	in     *Interp
	// text is the body not even read yet (or, from an image, not yet
	// decoded), if so (body is then nil).
	text *lazyText
	stepNode
}

// lazyLambda returns the Lambda of the lambda expression x (whose
// position the compiler is at) named name, with its body left to
// compile at the first call, or nil if x is not a lambda expression at
// top level of a library.
func (c *compiler) lazyLambda(x value.Value, sc *scope, name string) *Lambda {
	if sc != nil || !c.in.loadingLib || c.frozen != nil || eagerLibrary {
		return nil
	}
	p, ok := x.(*value.Pair)
	if !ok || !c.isKeyword(p.Car, sc, symLambda) {
		return nil
	}
	items := c.list(p, p)
	if len(items) < 3 {
		return nil // the eager path reports the error
	}
	old := c.at(x)
	defer func() { c.pos = old }()
	// The same checks and arity as lambda, without the body.
	n, rest, ok := paramArity(items[1])
	if !ok {
		_, n, rest = c.lambdaScope(items[1], sc, p) // reports the error
	}
	lam := &Lambda{nparams: n, rest: rest, name: name, site: c.site()}
	body := items[2:]
	if t, ok := body[0].(*lazyText); ok && items[1] == value.Value(value.Nil) {
		// (loadLib does not leave a thunk's body unread.)
		forms, src, err := t.read()
		if err != nil {
			panic(&compileError{readError(err)})
		}
		for k, v := range src {
			c.src[k] = v
		}
		body = forms
	}
	if items[1] == value.Value(value.Nil) && !c.mayDefine(body, sc) {
		lam.noScope = true
	} else {
		lam.frameSize = n
		if rest {
			lam.frameSize++
		}
	}
	lb := &lazyBody{lam: lam, params: items[1], body: body, form: p, src: c.src, pos: c.pos, in: c.in}
	if t, ok := body[0].(*lazyText); ok {
		lb.text, lb.body = t, nil
	}
	lam.body = lb
	c.in.lazy = append(c.in.lazy, lb)
	return lam
}

// paramArity returns the number of required parameters of the parameter
// list params and whether it has a rest parameter, as lambdaScope does,
// without making the scope; ok is false if lambdaScope would report an
// error.
func paramArity(params value.Value) (n int, rest, ok bool) {
	for v := params; ; {
		switch p := v.(type) {
		case *value.Empty:
			return n, false, true
		case *value.Symbol:
			return n, true, true // (lambdaScope lets it repeat one)
		case *value.Pair:
			sym, isSym := p.Car.(*value.Symbol)
			if !isSym || inParams(params, sym, n) {
				return 0, false, false
			}
			n++
			v = p.Cdr
		default:
			return 0, false, false
		}
	}
}

// inParams reports whether sym is among the first n parameters of
// params.
func inParams(params value.Value, sym *value.Symbol, n int) bool {
	for i := 0; i < n; i++ {
		p := params.(*value.Pair)
		if p.Car == value.Value(sym) {
			return true
		}
		params = p.Cdr
	}
	return false
}

// compile compiles the body into lb.lam, unless that is done. Ctrl-C
// does not cut it short: it is noticed when the compilation is over. It
// leaves the interpreter's state as it found it, as compiling at load
// time would.
func (lb *lazyBody) compile(in *Interp) (err error) {
	lam := lb.lam
	if lam.body != Node(lb) {
		return nil
	}
	if old := atomic.SwapInt32(&in.interrupted, 0); old != 0 {
		defer atomic.CompareAndSwapInt32(&in.interrupted, 0, old)
	}
	// Expanding macros applies their transformers (Apply), which clears
	// the position of the top-level form running: keep it.
	defer func(pos value.Pos) { in.topPos = pos }(in.topPos)
	if m := in.m; m != nil && m.deadline != 0 {
		// The time slice of the running goroutine does not pay for
		// compiling: goroutines are preempted where they would be had
		// the library been compiled at load time.
		defer func(start int64) {
			m.deadline += clock() - start
			if t := in.sliceTimer; t != nil {
				t.Reset(time.Duration(m.deadline - clock())) // it pokes at the deadline
			}
		}(clock())
	}
	defer func() {
		if r := recover(); r != nil {
			switch e := r.(type) {
			case *compileError:
				err = e.err
			case expandInterrupted:
				// Ctrl-C or a stop (Interp.Stop) came while a
				// macro expanded: the body stays to compile at the
				// next call, and the evaluation stops as a long
				// primitive's does (Machine.fail). It used to
				// escape as a Go panic (seen once in web/session's
				// tests).
				err = errStopped
			default:
				panic(r)
			}
		}
	}()
	src := lb.src
	if lb.text != nil {
		forms, tsrc, err := lb.text.read()
		if err != nil {
			return readError(err)
		}
		// Into the source's map, which also has the positions of the
		// macros' templates that expanding the body copies.
		for k, v := range tsrc {
			src[k] = v
		}
		lb.body = forms
	}
	c := &compiler{in: in, src: src, pos: lb.pos, name: lam.name}
	if rec := in.recording; rec != nil && rec.target == lb {
		rec.body, c.expanded = lb.body, rec.uses
	}
	if c.name == "" {
		c.name = "#<lambda>"
	}
	// As lambda does, after lambdaScope.
	if lam.noScope {
		lam.body = c.body(lb.body, &scope{transparent: true}, lb.form)
	} else {
		inner, _, _ := c.lambdaScope(lb.params, nil, lb.form)
		body := c.markTails(c.body(lb.body, inner, lb.form), 1)
		lam.frameSize = len(inner.names)
		lam.body = body
	}
	lb.params, lb.body, lb.form, lb.src, lb.text = nil, nil, nil, nil, nil
	return nil
}

// exec is the first call of the procedure: the call has made m.env its
// record (sized for the parameters) or, for a procedure without a scope,
// the closure's.
func (lb *lazyBody) exec(m *Machine) {
	lam := lb.lam
	if err := lb.compile(m.in); err != nil {
		m.fail(err, &lam.site)
	}
	if !lam.noScope && len(m.env.Vals) < lam.frameSize {
		env := m.in.envs.New(m.env.Up, lam.frameSize)
		copy(env.Vals, m.env.Vals)
		m.in.envs.Recycle(m.env)
		m.env = env
	}
	lam.body.exec(m)
}

// siteOf is the position of the compiled body (%procedure-position asks).
func (lb *lazyBody) siteOf() *site {
	if lb.compile(lb.in) == nil {
		if s, ok := lb.lam.body.(interface{ siteOf() *site }); ok {
			return s.siteOf()
		}
	}
	return &site{}
}

// syntaxChange is called before g's meaning to the compiler changes: it
// becomes a macro or stops being one, or its name is a special form's
// and it gets a value, or (replaced) another cell takes its place. The
// bodies still pending are compiled first, in the environment they were
// written for. While the library loads, a name becoming a macro for the
// first time changes nothing for them: a body that used the name before
// its definition would not work anyway (TestLazyLibraryIsEager checks
// that the library's bodies compile the same at the end of loading).
func (in *Interp) syntaxChange(g *Global, replaced bool) {
	if len(in.lazy) == 0 && in.pending == nil || in.loadingLib && !replaced && g.Macro == nil && !isSpecialName(g.Name) {
		return
	}
	// The definitions the library's images deferred (image.go) first.
	in.makeAllDeferred()
	in.compileLazy()
}

// isSpecialName reports whether a global named name, unbound, stands for
// a special form.
func isSpecialName(name *value.Symbol) bool {
	_, ok := specialForms[name]
	return ok
}

// compileLazy compiles every library body still pending, in the order
// of definition, and returns the first error. A body that fails stays
// pending: its first call reports the error.
func (in *Interp) compileLazy() error {
	pending := in.lazy
	in.lazy = nil
	var first error
	for _, lb := range pending {
		if err := lb.compile(in); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// lazyText is the text of a body that loadLib left unread: the source,
// the offsets of the first form and of the closing parenthesis after the
// last, and the position of the first. Loaded from an image, it is the
// body recorded there expanded (image_expand.go), not yet decoded.
type lazyText struct {
	src        string
	start, end int
	pos        value.Pos
	image      *imageForm
}

// read reads the forms of the body, with their positions (which a body
// decoded from an image puts in its source's map: it returns no map).
func (t *lazyText) read() ([]value.Value, value.SourceMap, error) {
	if t.image != nil {
		forms, err := t.image.readBody()
		return forms, nil, err
	}
	r := reader.NewAt(t.src, t.start, t.end, t.pos)
	var forms []value.Value
	for {
		if off, _ := r.SkipAtmosphere(); off >= t.end {
			return forms, r.SourceMap(), nil
		}
		d, err := r.Read()
		if err != nil {
			return nil, nil, err
		}
		if r.Offset() > t.end {
			return nil, nil, fmt.Errorf("%s: body read past its end", t.pos)
		}
		forms = append(forms, d)
	}
}

// readError is the error of reading a body late.
func readError(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	msg := err.Error()
	return &Error{Payload: &value.ErrorObject{Message: msg, Kind: "read-error"}, Msg: msg}
}

// loadLib is load for a source of the library: the body of a procedure
// defined by (define (name param ...) body ...) is not even read, only
// skipped (reader.Skip), until the procedure is first called. Any other
// form, or one that Skip cannot skip, is read as load reads it.
//
// When recording images (BuildImages), it records each form as the
// compiler then compiles it: after the expansion of a macro use at its
// head, which is then compiled in its place as the compiler would.
func (in *Interp) loadLib(src, file string, key uint64) error {
	r := reader.New(src, file)
	registered := false
	var w *imageWriter
	if rec := in.images; rec != nil {
		var refd map[int]bool
		if i := len(rec.sources); i < len(rec.refd) {
			refd = rec.refd[i]
		}
		w = newImageWriter(nil, refd)
	}
	for {
		datum, pos, err := in.readLibForm(r, src)
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if !registered {
			libFiles.Store(pos.File, true)
			registered = true
			if w != nil {
				w.files[1] = pos.File
			}
		}
		procedure := false
		if w != nil {
			c := &compiler{in: in, src: r.SourceMap(), pos: pos}
			if datum, err = c.expandTop(datum); err != nil {
				return err
			}
			// A procedure's body is recorded expanded, once compiled
			// (image_expand.go); anything else as it is.
			if procedure = isProcedureDefinition(datum); !procedure {
				w.form(datum, r.SourceMap(), pos)
			}
		}
		made := len(in.lazy)
		if _, err := in.EvalAt(datum, r.SourceMap(), pos); err != nil {
			return err
		}
		if procedure {
			if len(in.lazy) == made+1 {
				if datum, err = in.expandedDefine(datum, in.lazy[made], r.SourceMap()); err != nil {
					return err
				}
			}
			w.form(datum, r.SourceMap(), pos)
		}
	}
	if w != nil {
		img, err := w.image(key)
		if err != nil {
			return fmt.Errorf("%s: %v", file, err)
		}
		in.images.sources = append(in.images.sources, Source{Name: file, Text: src, Image: img})
		in.images.found = append(in.images.found, w.refs)
	}
	return nil
}

// readLibForm reads the next top-level form of a library source, and
// its position.
func (in *Interp) readLibForm(r *reader.Reader, src string) (value.Value, value.Pos, error) {
	if !eagerLibrary {
		if form, pos, ok := in.skimDefine(r, src); ok {
			return form, pos, nil
		}
	}
	d, err := r.Read()
	return d, r.Pos(), err
}

// skimDefine reads a (define (name param ...) body ...) form at the
// reader's offset, but only skips its body, which the form holds as a
// lazyText. It reports false, with nothing read, for any other form.
func (in *Interp) skimDefine(r *reader.Reader, src string) (form value.Value, pos value.Pos, ok bool) {
	const prefix = "(define ("
	start, ok := r.SkipAtmosphere()
	if !ok || !strings.HasPrefix(src[start:], prefix) || start+len(prefix) >= len(src) || src[start+len(prefix)] == '(' {
		return nil, pos, false
	}
	if g, _ := in.globalOf(symDefine); g != nil && (g.Macro != nil || g.Value != nil) {
		return nil, pos, false
	}
	pos = r.PosAt(start)
	r.Seek(start + len(prefix) - 1)
	head, err := r.Read()
	hp, isPair := head.(*value.Pair)
	if err != nil || !isPair || hp.Cdr == value.Value(value.Nil) {
		r.Rewind(start, pos)
		return nil, pos, false
	}
	if _, isSym := hp.Car.(*value.Symbol); !isSym {
		r.Rewind(start, pos)
		return nil, pos, false
	}
	body := -1
	for {
		off, ok := r.SkipAtmosphere()
		if !ok || off >= len(src) {
			r.Rewind(start, pos)
			return nil, pos, false
		}
		if src[off] == ')' {
			if body < 0 {
				r.Rewind(start, pos)
				return nil, pos, false
			}
			t := &lazyText{src: src, start: body, end: off, pos: r.PosAt(body)}
			r.Seek(off + 1)
			smap := r.SourceMap()
			last := &value.Pair{Car: t, Cdr: value.Nil}
			smap[last] = t.pos
			rest := &value.Pair{Car: head, Cdr: last}
			smap[rest] = smap[hp]
			form := &value.Pair{Car: symDefine, Cdr: rest}
			smap[form] = pos
			return form, pos, true
		}
		if body < 0 {
			body = off
		}
		if _, ok := r.Skip(); !ok {
			r.Rewind(start, pos)
			return nil, pos, false
		}
	}
}

package eval

// This file installs the R7RS system interface and the syntax written as
// Go macro transformers: features and cond-expand, define-values,
// define-record-type (record.go), case-lambda's dispatcher, load, eval
// environments and get-environment-variables.

import (
	"errors"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"

	"contigo/reader"
	"contigo/value"
)

// installR7RS adds this file's procedures and macros. It runs after the
// builtins are installed and before core.scm is loaded, so the library files
// can use define-record-type and the rest.
func (in *Interp) installR7RS() {
	in.lib = newLibSystem(in)
	for _, p := range in.r7rsPrims() {
		in.Define(p.Name, p)
	}
	in.Define("load", &Control{Name: "load", Min: 1, Max: 2, Fn: loadProc})
	// Internal names the expansions below use, so that user bindings of
	// the public names cannot break them.
	for internal, public := range map[string]string{
		"%call-with-values": "call-with-values", "%vector": "vector", "%vector-ref": "vector-ref",
	} {
		v, _ := in.Lookup(public)
		in.Define(internal, v)
	}
	in.defineGoMacro("define-record-type", expandDefineRecordType)
	in.defineGoMacro("define-values", expandDefineValues)
	in.defineGoMacro("cond-expand", func(clauses []V) (V, error) {
		chosen, err := in.lib.condExpand(clauses)
		if err != nil {
			return nil, err
		}
		return value.Cons(symBegin, value.List(chosen...)), nil
	})
}

// defineGoMacro binds name to a macro whose transformer is a Go function
// of the operands.
func (in *Interp) defineGoMacro(name string, fn func(args []V) (V, error)) {
	g := in.global(value.Intern(name))
	g.Macro = &Macro{Name: name, Transformer: prim(name, 0, -1, fn)}
	g.set(nil)
}

// Environment is an environment specifier for eval. Those of
// interaction-environment and scheme-report-environment denote the
// program's global environment. One made by environment holds only the
// bindings its import sets provide (names), and is immutable, as the
// report says: eval refuses definitions in it and set! of its bindings.
// contigo has one table of global cells, so such an environment is a
// renaming applied to the code eval is given (see rename).
type Environment struct {
	desc    string
	mutable bool
	// names are the environment's bindings, or nil for the global
	// environment (also for an import set contigo cannot list, an
	// SRFI whose exports it does not know).
	names map[*value.Symbol]*Global
	// renamed remembers the symbol each name of the code was renamed
	// to, so all occurrences of one name agree across evaluations.
	renamed map[*value.Symbol]*value.Symbol
}

// rename returns a copy of form in which every name means what it means
// in the environment: a name it binds to the global cell of the same name
// is kept, one it binds to another cell becomes a hidden symbol bound to
// that cell, and any other name becomes a fresh uninterned symbol, unbound
// unless the code binds it (locally). Quoted data are left alone.
func (e *Environment) rename(in *Interp, form value.Value) value.Value {
	if e.names == nil {
		return form
	}
	if e.renamed == nil {
		e.renamed = map[*value.Symbol]*value.Symbol{}
	}
	r := &renamer{to: e.renamed, done: map[*value.Pair]*value.Pair{}, src: value.SourceMap{}}
	r.hide = func(s *value.Symbol) *value.Symbol {
		cell, ok := e.names[s]
		switch {
		case !ok:
			return &value.Symbol{Name: s.Name}
		case in.globalCell(s) == cell:
			return s
		}
		hidden := &value.Symbol{Name: s.Name}
		in.globals[hidden] = cell
		return hidden
	}
	return r.form(form)
}

// frozen reports whether g is one of the environment's (immutable)
// bindings.
func (e *Environment) frozen(g *Global) bool {
	if e == nil || e.mutable {
		return false
	}
	for _, cell := range e.names {
		if cell == g {
			return true
		}
	}
	return false
}

// checkEvalEnvironment checks the environment argument of (eval expr
// env), if given: it must be an environment, and a definition needs a
// mutable one.
func checkEvalEnvironment(m *Machine, args []V, s *site) *Environment {
	if len(args) < 2 {
		return m.in.lib.interaction
	}
	env, ok := args[1].(*Environment)
	if !ok {
		m.fail(value.TypeError("eval", "environment", args[1]), s)
	}
	if !env.mutable && isDefinition(args[0]) {
		m.fail(value.Errorf("eval: cannot define in the immutable environment %s", env.SchemeString()), s)
	}
	return env
}

// isDefinition reports whether form is a definition (or a begin holding
// one).
func isDefinition(form V) bool {
	p, ok := form.(*value.Pair)
	if !ok {
		return false
	}
	head, ok := p.Car.(*value.Symbol)
	if !ok {
		return false
	}
	switch head.Name {
	case "define", "define-values", "define-record-type", "define-syntax", "define-macro", "define-library":
		return true
	case "begin":
		items, _ := value.ToSlice(p.Cdr)
		for _, it := range items {
			if isDefinition(it) {
				return true
			}
		}
	}
	return false
}

// SchemeString implements value.Opaque.
func (e *Environment) SchemeString() string { return "#<environment " + e.desc + ">" }

func (in *Interp) r7rsPrims() []*value.Primitive {
	version5 := func(who string) func(a V) (V, error) {
		return func(a V) (V, error) {
			if a != value.Value(value.Fixnum(5)) {
				return nil, value.TypeError(who, "version 5", a)
			}
			// Definitions are allowed here (the report leaves their
			// effect unspecified), as older programs expect.
			return &Environment{desc: who, mutable: true}, nil
		}
	}
	return []*value.Primitive{
		prim("features", 0, 0, func(args []V) (V, error) {
			fs := in.lib.features()
			out := make([]V, len(fs))
			for i, f := range fs {
				out[i] = value.Intern(f)
			}
			return value.List(out...), nil
		}),
		prim("get-environment-variables", 0, 0, func(args []V) (V, error) {
			if err := in.checkEnv("get-environment-variables"); err != nil {
				return nil, err
			}
			env := os.Environ()
			out := make([]V, 0, len(env))
			for _, kv := range env {
				k, v, _ := strings.Cut(kv, "=")
				out = append(out, value.Cons(value.NewString(k), value.NewString(v)))
			}
			return value.List(out...), nil
		}),
		prim("environment", 0, -1, func(args []V) (V, error) {
			var desc []string
			names := map[*value.Symbol]*Global{}
			for _, set := range args {
				bs, all, err := in.lib.resolve(set, nil)
				if err != nil {
					return nil, err
				}
				if all {
					names = nil
				}
				if names != nil {
					for _, b := range bs {
						names[b.name] = b.importCell()
					}
				}
				desc = append(desc, value.WriteString(set))
			}
			return &Environment{desc: strings.Join(desc, " "), names: names}, nil
		}),
		prim("interaction-environment", 0, 0, func(args []V) (V, error) { return in.lib.interaction, nil }),
		prim1("scheme-report-environment", version5("scheme-report-environment")),
		prim1("null-environment", version5("null-environment")),
		pred("environment?", func(a V) bool { _, ok := a.(*Environment); return ok }),
		prim("%case-lambda", 0, -1, makeCaseLambda),
	}
}

// makeCaseLambda is (%case-lambda clause ...), the clauses being
// closures: it returns a procedure that applies the first clause that
// accepts the number of arguments it is given.
func makeCaseLambda(args []V) (V, error) {
	clauses := make([]*Closure, len(args))
	min, max := -1, 0
	for i, a := range args {
		c, ok := a.(*Closure)
		if !ok {
			return nil, value.TypeError("case-lambda", "lambda expression", a)
		}
		clauses[i] = c
		if n := c.lam.nparams; min < 0 || n < min {
			min = n
		}
		if c.lam.rest {
			max = -1
		} else if max >= 0 && c.lam.nparams > max {
			max = c.lam.nparams
		}
	}
	if min < 0 {
		min = 0
	}
	return &Control{Name: "case-lambda", Min: min, Max: max, Fn: func(m *Machine, args []V, s *site) {
		n := len(args)
		for _, c := range clauses {
			if n == c.lam.nparams || (c.lam.rest && n > c.lam.nparams) {
				m.apply(c, args, s)
				return
			}
		}
		m.fail(value.Errorf("case-lambda: no clause accepts %d argument%s", n, r7Plural(n)), s)
	}}, nil
}

func r7Plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// expandDefineValues is the transformer of (define-values formals expr):
//
//	(begin (define tmp (%call-with-values (lambda () expr)
//	                     (named-lambda (define-values t1 t2 . t3) (%vector t1 t2 t3))))
//	       (define a (%vector-ref tmp 0)) ...)
//
// The expression is evaluated before any variable is defined, and the
// values are checked against the formals as a procedure's arguments are.
func expandDefineValues(args []V) (V, error) {
	if len(args) != 2 {
		return nil, value.Errorf("bad syntax: (define-values formals expression)")
	}
	var vars, temps []V
	var tempFormals V = value.Nil
	var tail *value.Pair
	appendFormal := func(v V) {
		p := value.Cons(v, value.Nil)
		if tail == nil {
			tempFormals = p
		} else {
			tail.Cdr = p
		}
		tail = p
	}
	for f := args[0]; ; {
		switch p := f.(type) {
		case *value.Empty:
		case *value.Symbol:
			t := value.Gensym("rest")
			vars, temps = append(vars, p), append(temps, t)
			if tail == nil {
				tempFormals = t
			} else {
				tail.Cdr = t
			}
		case *value.Pair:
			sym, ok := p.Car.(*value.Symbol)
			if !ok {
				return nil, value.Errorf("bad syntax: cannot define %s", value.WriteString(p.Car))
			}
			t := value.Gensym("v")
			vars, temps = append(vars, sym), append(temps, t)
			appendFormal(t)
			f = p.Cdr
			continue
		default:
			return nil, value.Errorf("bad syntax: bad formals %s", value.WriteString(args[0]))
		}
		break
	}
	tmp := value.Gensym("define-values")
	receiver := value.List(value.Intern("named-lambda"), value.Cons(libDefineValues, tempFormals),
		value.Cons(value.Intern("%vector"), value.List(temps...)))
	producer := value.List(symLambda, value.Nil, args[1])
	forms := []V{symBegin, value.List(symDefine, tmp, value.List(value.Intern("%call-with-values"), producer, receiver))}
	for i, v := range vars {
		forms = append(forms, value.List(symDefine, v, value.List(value.Intern("%vector-ref"), tmp, value.Int(int64(i)))))
	}
	return value.List(forms...), nil
}

// features lists the feature identifiers of cond-expand and (features).
// An SRFI is listed when a procedure or syntax it defines is bound, so
// the list follows what the library actually provides.
func (ls *libSystem) features() []string {
	fs := []string{"r7rs", "exact-closed", "ratios", "ieee-float", "full-unicode", "contigo"}
	switch runtime.GOOS {
	case "windows":
		fs = append(fs, "windows")
	case "linux":
		fs = append(fs, "posix", "unix", "linux", "gnu-linux")
	case "darwin":
		fs = append(fs, "posix", "unix", "darwin")
	default:
		fs = append(fs, "posix", "unix", runtime.GOOS)
	}
	switch runtime.GOARCH {
	case "amd64":
		fs = append(fs, "x86-64")
	case "386":
		fs = append(fs, "i386")
	case "arm64":
		fs = append(fs, "aarch64")
	default:
		fs = append(fs, runtime.GOARCH)
	}
	if strings.HasSuffix(runtime.GOARCH, "64") {
		fs = append(fs, "lp64")
	} else {
		fs = append(fs, "ilp32")
	}
	switch runtime.GOARCH {
	case "ppc64", "s390x", "mips", "mips64":
		fs = append(fs, "big-endian")
	default:
		fs = append(fs, "little-endian")
	}
	var srfis []int
	for n, witness := range srfiWitnesses {
		if witness == "" || ls.bound(witness) {
			srfis = append(srfis, n)
		}
	}
	sort.Ints(srfis)
	for _, n := range srfis {
		fs = append(fs, "srfi-"+strconv.Itoa(n))
	}
	return fs
}

// srfiWitnesses names, for each SRFI contigo may provide, a binding that
// shows it is there ("" for SRFIs about syntax the reader always has).
var srfiWitnesses = map[int]string{
	0:   "cond-expand",
	1:   "delete-duplicates",
	2:   "and-let*",
	6:   "open-input-string",
	8:   "receive",
	9:   "define-record-type",
	11:  "let-values",
	16:  "case-lambda",
	23:  "error",
	26:  "cut",
	28:  "format",
	30:  "",
	34:  "guard",
	39:  "make-parameter",
	62:  "",
	69:  "hash-table-ref",
	87:  "",
	98:  "get-environment-variable",
	111: "box",
	125: "hash-table-contains?",
	132: "list-sort",
	133: "vector-count",
}

// bound reports whether name is a special form, a macro or a variable
// with a value.
func (ls *libSystem) bound(name string) bool {
	sym := value.Intern(name)
	if _, ok := specialForms[sym]; ok {
		return true
	}
	g, ok := ls.in.globalOf(sym)
	return ok && (g.Value != nil || g.Macro != nil)
}

func (ls *libSystem) hasFeature(name string) bool {
	for _, f := range ls.features() {
		if f == name {
			return true
		}
	}
	return false
}

// condExpand returns the body of the first cond-expand clause whose
// feature requirement holds (nothing if none does).
func (ls *libSystem) condExpand(clauses []V) ([]V, error) {
	for i, cl := range clauses {
		parts, ok := value.ToSlice(cl)
		if !ok || len(parts) == 0 {
			return nil, value.Errorf("bad syntax: bad cond-expand clause %s", value.WriteString(cl))
		}
		if isNamed(parts[0], "else") {
			if i != len(clauses)-1 {
				return nil, value.Errorf("bad syntax: else clause must be last in cond-expand")
			}
			return parts[1:], nil
		}
		ok, err := ls.requirement(parts[0])
		if err != nil {
			return nil, err
		}
		if ok {
			return parts[1:], nil
		}
	}
	return nil, nil
}

// isNamed reports whether v is an identifier called name. Identifiers
// are compared by name so that the renamed identifiers of a syntax-rules
// expansion work too.
func isNamed(v V, name string) bool {
	s, ok := v.(*value.Symbol)
	return ok && s.Name == name
}

// requirement evaluates a feature requirement: an identifier, or (and
// req ...), (or req ...), (not req), (library name).
func (ls *libSystem) requirement(req V) (bool, error) {
	switch r := req.(type) {
	case *value.Symbol:
		return ls.hasFeature(r.Name), nil
	case *value.Pair:
		parts, ok := value.ToSlice(r)
		if ok {
			head, _ := parts[0].(*value.Symbol)
			if head == nil {
				break
			}
			switch head.Name {
			case "and", "or":
				and := head.Name == "and"
				for _, p := range parts[1:] {
					ok, err := ls.requirement(p)
					if err != nil {
						return false, err
					}
					if ok != and {
						return ok, nil
					}
				}
				return and, nil
			case "not":
				if len(parts) == 2 {
					ok, err := ls.requirement(parts[1])
					return !ok, err
				}
			case "library":
				if len(parts) == 2 {
					return ls.known(parts[1]), nil
				}
			}
		}
	}
	return false, value.Errorf("bad syntax: bad feature requirement %s", value.WriteString(req))
}

// loadProc is (load file [environment]): the file's forms are read, then
// each is compiled and run in turn in the current continuation, the
// last one as a tail call.
func loadProc(m *Machine, args []V, s *site) {
	name, ok := args[0].(*value.String)
	if !ok {
		m.fail(value.TypeError("load", "string", args[0]), s)
	}
	if len(args) == 2 {
		if _, ok := args[1].(*Environment); !ok {
			m.fail(value.TypeError("load", "environment", args[1]), s)
		}
	}
	if err := m.in.checkRead("load", name.String()); err != nil {
		m.fail(err, s)
	}
	forms, src, err := readSourceFile(name.String(), false)
	if err != nil {
		var re *reader.Error
		if errors.As(err, &re) {
			m.fail(&value.ErrorObject{Message: re.Msg, Pos: re.Pos, Kind: "read-error"}, s)
		}
		m.fail(&value.ErrorObject{Message: "load: cannot open file", Irritants: []V{name}, Kind: "file-error"}, s)
	}
	(&loadState{forms: forms, src: src, s: s}).next(m, 0)
}

// loadState is the forms of a file being loaded. It is the Code of the
// frame that waits for form I-1 to finish before form I runs.
type loadState struct {
	forms []V
	src   value.SourceMap
	s     *site
}

func (l *loadState) next(m *Machine, i int) {
	if i >= len(l.forms) {
		m.ret(value.Unspecified)
		return
	}
	node, err := m.in.compileTop(l.forms[i], l.src, value.Pos{})
	if err != nil {
		if e, ok := err.(*Error); ok && e.Payload != nil {
			m.fail(e.Payload, l.s)
		}
		m.fail(err, l.s)
	}
	m.env = nil
	if i+1 < len(l.forms) {
		m.push(l, nil, int32(i+1))
	}
	m.node = node
}

func (l *loadState) resume(m *Machine, f *Frame) { l.next(m, int(f.I)) }
func (l *loadState) where() (string, value.Pos)  { return l.s.where() }

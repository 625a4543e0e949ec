package eval

// This file implements R7RS libraries (report 5.2 and 5.6): import sets,
// define-library, and the search for library files.
//
// contigo has one global environment. A library's body runs in it, with
// every name the body defines at its top level renamed, before the body
// is compiled, to a fresh uninterned symbol of the same name: the
// definitions cannot clash with the program's or another library's, and
// print under their own names. Importing binds the importer's names to
// the very cells (Global) of the exported definitions, so an import shares
// the binding, only/except/prefix/rename work, and names a library does
// not export stay hidden. A library's own imports are private the same
// way: a name it imports that means something else globally is renamed in
// its body to a hidden symbol bound to the imported cell. A program's
// imports (and environment's) bind global names. What this cannot do (it
// would need separate environments in the compiler):
//
//   - standard libraries export the global names, so only and except do
//     not hide anything from them; a core special form imported under a
//     prefix or another name is a macro that rewrites into the original
//     keyword, which therefore must not be shadowed where it is used;
//   - renaming does not reach inside quoted data, case datums, names that
//     a macro use defines (not visible before expansion), or the code
//     that a define-macro of the library builds at expansion time from
//     quoted symbols.

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"contigo/value"
)

// libSystem is an interpreter's registry of libraries.
type libSystem struct {
	in   *Interp
	libs map[string]*library
	// interaction is what interaction-environment returns.
	interaction *Environment
	// shadowed keeps the cells that imports rebound global names away
	// from, so that the standard libraries still export the originals.
	shadowed map[*value.Symbol]*Global
}

type libState int

const (
	libDeclared libState = iota
	libLoading
	libLoaded
)

// library is a standard library or one declared by define-library.
type library struct {
	key   string // the name as written, e.g. "(foo bar)"
	decls []value.Value
	src   value.SourceMap
	pos   value.Pos // of the define-library form
	root  string    // the search directory its file was found under
	state libState

	exports []libBinding // once loaded
	// For standard libraries: std is set, names lists the exports, or
	// is nil when contigo does not know them (an SRFI).
	std   bool
	names []string
}

// libBinding is one name an import set provides, and the global cell it
// denotes.
type libBinding struct {
	name *value.Symbol
	cell *Global
}

func newLibSystem(in *Interp) *libSystem {
	return &libSystem{
		in:          in,
		libs:        map[string]*library{},
		interaction: &Environment{desc: "interaction", mutable: true},
		shadowed:    map[*value.Symbol]*Global{},
	}
}

var (
	libExport         = value.Intern("export")
	libImport         = value.Intern("import")
	libInclude        = value.Intern("include")
	libIncludeCI      = value.Intern("include-ci")
	libIncludeLibDecl = value.Intern("include-library-declarations")
	libCondExpand     = value.Intern("cond-expand")
	libOnly           = value.Intern("only")
	libExcept         = value.Intern("except")
	libPrefix         = value.Intern("prefix")
	libRename         = value.Intern("rename")
	libQuasiquote     = value.Intern("quasiquote")
	libUnquote        = value.Intern("unquote")
	libUnquoteSplice  = value.Intern("unquote-splicing")
	libCase           = value.Intern("case")
	libDefineValues   = value.Intern("define-values")
	libDefineRecord   = value.Intern("define-record-type")
	libDefineSyntax   = value.Intern("define-syntax")
)

// libraryKey checks a library name, a list of identifiers and exact
// non-negative integers, and returns it as written.
func libraryKey(name value.Value) (string, error) {
	parts, ok := value.ToSlice(name)
	if !ok || len(parts) == 0 {
		return "", value.Errorf("bad library name %s", value.WriteString(name))
	}
	for _, p := range parts {
		switch x := p.(type) {
		case *value.Symbol:
			continue
		case value.Fixnum:
			if x >= 0 {
				continue
			}
		}
		return "", value.Errorf("bad library name %s", value.WriteString(name))
	}
	return value.WriteString(name), nil
}

// declare registers (define-library name decl ...). A library declared
// again replaces the earlier declaration (as at a REPL).
func (ls *libSystem) declare(form *value.Pair, src value.SourceMap, pos value.Pos) (*library, error) {
	items, ok := value.ToSlice(form)
	if !ok || len(items) < 2 {
		return nil, value.Errorf("bad syntax: (define-library name declaration ...)")
	}
	key, err := libraryKey(items[1])
	if err != nil {
		return nil, err
	}
	lib := &library{key: key, decls: items[2:], src: src, pos: pos}
	ls.libs[key] = lib
	return lib, nil
}

// standard returns the entry of a standard library or supported SRFI.
func (ls *libSystem) standard(name value.Value, key string) *library {
	if names, ok := standardLibraries[key]; ok {
		return &library{key: key, std: true, names: strings.Fields(names), state: libLoaded}
	}
	parts, _ := value.ToSlice(name)
	if len(parts) == 2 && parts[0] == value.Value(value.Intern("srfi")) {
		if n, ok := parts[1].(value.Fixnum); ok && ls.hasFeature("srfi-"+strconv.Itoa(int(n))) {
			return &library{key: key, std: true, state: libLoaded}
		}
	}
	return nil
}

// find returns the library called name, looking for a file defining it
// when it is neither known nor standard. dirs are searched first: the
// directory of the importing file, and for a library file the root of
// the search path it was found under.
func (ls *libSystem) find(name value.Value, dirs []string) (*library, error) {
	key, err := libraryKey(name)
	if err != nil {
		return nil, err
	}
	if lib, ok := ls.libs[key]; ok {
		return lib, nil
	}
	if lib := ls.standard(name, key); lib != nil {
		ls.libs[key] = lib
		return lib, nil
	}
	dirs = ls.searchPath(dirs)
	file, root := libraryFile(name, dirs)
	if file == "" {
		return nil, value.Errorf("library %s not found (searched %s)", key, strings.Join(dirs, ", "))
	}
	if err := ls.in.checkRead("import", file); err != nil {
		return nil, err
	}
	forms, src, err := readSourceFile(file, false)
	if err != nil {
		return nil, value.Errorf("library %s: %v", key, err)
	}
	for _, f := range forms {
		p, ok := f.(*value.Pair)
		if !ok || p.Car != value.Value(value.Intern("define-library")) {
			continue
		}
		pos, _ := src.Lookup(p)
		lib, err := ls.declare(p, src, pos)
		if err != nil {
			return nil, err
		}
		lib.root = root
	}
	if lib, ok := ls.libs[key]; ok {
		return lib, nil
	}
	return nil, value.Errorf("%s does not define library %s", file, key)
}

// searchPath lists the directories searched for library files: first,
// then those of CONTIGO_PATH, that of the main program and the current
// directory.
func (ls *libSystem) searchPath(first []string) []string {
	var dirs []string
	seen := map[string]bool{}
	add := func(d string) {
		if d == "" {
			return
		}
		d = filepath.Clean(d)
		if !seen[d] {
			seen[d] = true
			dirs = append(dirs, d)
		}
	}
	for _, d := range first {
		add(d)
	}
	if ls.in.sandbox == nil { // a sandboxed program sees no environment
		for _, d := range filepath.SplitList(os.Getenv("CONTIGO_PATH")) {
			add(d)
		}
	}
	if len(ls.in.args) > 0 {
		add(filepath.Dir(ls.in.args[0]))
	}
	add(".")
	return dirs
}

// libraryFile finds (foo bar) as foo/bar.sld or foo/bar.scm in dirs,
// returning the file and the directory it was found under.
func libraryFile(name value.Value, dirs []string) (file, root string) {
	parts, _ := value.ToSlice(name)
	elems := make([]string, len(parts))
	for i, p := range parts {
		elems[i] = value.DisplayString(p)
	}
	rel := filepath.Join(elems...)
	for _, d := range dirs {
		for _, ext := range []string{".sld", ".scm"} {
			p := filepath.Join(d, rel+ext)
			if st, err := os.Stat(p); err == nil && !st.IsDir() {
				return p, d
			}
		}
	}
	return "", ""
}

// known reports whether a library is available, for cond-expand.
func (ls *libSystem) known(name value.Value) bool {
	key, err := libraryKey(name)
	if err != nil {
		return false
	}
	if _, ok := ls.libs[key]; ok {
		return true
	}
	if ls.standard(name, key) != nil {
		return true
	}
	file, _ := libraryFile(name, ls.searchPath(nil))
	return file != ""
}

// importSet binds the names an import set provides in the global
// environment. dirs are searched first for library files (see find).
func (ls *libSystem) importSet(set value.Value, dirs ...string) error {
	bs, _, err := ls.resolve(set, dirs)
	if err != nil {
		return err
	}
	for _, b := range bs {
		cell := b.importCell()
		old, ok := ls.in.globalOf(b.name)
		if old != cell {
			ls.in.syntaxChange(cell, true)
		}
		if ok && old != cell {
			if _, seen := ls.shadowed[b.name]; !seen {
				ls.shadowed[b.name] = old
			}
		}
		ls.in.globals[b.name] = cell
	}
	return nil
}

// stdCell is the cell a standard library exports as sym: the global
// one, unless an import has rebound the global name.
func (ls *libSystem) stdCell(sym *value.Symbol) *Global {
	if g, ok := ls.shadowed[sym]; ok {
		return g
	}
	return ls.in.global(sym)
}

// importCell is the cell to bind b's name to. A core special form
// imported under another name gets a keyword alias.
func (b libBinding) importCell() *Global {
	cell := b.cell
	if cell.Value == nil && cell.Macro == nil && b.name != cell.Name {
		if _, ok := specialForms[cell.Name]; ok {
			return keywordAlias(b.name, cell.Name)
		}
	}
	return cell
}

// keywordAlias makes a cell for name, imported under a prefix or a
// rename, standing for the special form kw: a macro that rewrites
// (name operand ...) into (kw operand ...).
func keywordAlias(name, kw *value.Symbol) *Global {
	g := &Global{Name: name}
	g.Macro = &Macro{Name: name.Name, Transformer: prim(name.Name, 0, -1, func(args []V) (V, error) {
		return value.Cons(kw, value.List(args...)), nil
	})}
	return g
}

// resolve returns the bindings of an import set, loading libraries as
// needed. all reports that the set stands for every global name (an SRFI
// whose exports contigo does not list), beyond the bindings returned.
func (ls *libSystem) resolve(set value.Value, dirs []string) (bs []libBinding, all bool, err error) {
	parts, ok := value.ToSlice(set)
	if !ok || len(parts) == 0 {
		return nil, false, value.Errorf("bad import set %s", value.WriteString(set))
	}
	head, _ := parts[0].(*value.Symbol)
	if !isImportModifier(head, parts) {
		return ls.libraryBindings(set, dirs)
	}
	bs, all, err = ls.resolve(parts[1], dirs)
	if err != nil {
		return nil, false, err
	}
	m := importModifier{ls: ls, head: head, inner: parts[1], bs: bs, all: all}
	switch head {
	case libOnly:
		return m.only(parts[2:])
	case libExcept:
		return m.except(parts[2:])
	case libPrefix:
		if len(parts) != 3 {
			return nil, false, value.Errorf("bad syntax: (prefix import-set identifier)")
		}
		return m.prefix(parts[2])
	default:
		return m.rename(parts[2:])
	}
}

// isImportModifier reports whether an import set whose elements are parts
// and whose first element is head is (only|except|prefix|rename set ...)
// rather than a library name: a library may be called (only 1).
func isImportModifier(head *value.Symbol, parts []value.Value) bool {
	if len(parts) < 2 {
		return false
	}
	if _, nested := parts[1].(*value.Pair); !nested {
		return false
	}
	return head == libOnly || head == libExcept || head == libPrefix || head == libRename
}

// libraryBindings returns everything the library called name exports,
// loading it first.
func (ls *libSystem) libraryBindings(name value.Value, dirs []string) ([]libBinding, bool, error) {
	lib, err := ls.find(name, dirs)
	if err != nil {
		return nil, false, err
	}
	if err := ls.load(lib); err != nil {
		return nil, false, err
	}
	if !lib.std {
		return append([]libBinding(nil), lib.exports...), false, nil
	}
	var bs []libBinding
	for _, n := range lib.names {
		sym := value.Intern(n)
		bs = append(bs, libBinding{sym, ls.stdCell(sym)})
	}
	return bs, lib.names == nil, nil
}

// importModifier applies one of only, except, prefix and rename (head) to
// the bindings bs of the import set inner; all is as for resolve. Each
// method returns the modified set's bindings and all.
type importModifier struct {
	ls    *libSystem
	head  *value.Symbol
	inner value.Value
	bs    []libBinding
	all   bool
}

// find returns the index in m.bs of the binding named sym, or -1.
func (m importModifier) find(sym *value.Symbol) int {
	for i, b := range m.bs {
		if b.name == sym {
			return i
		}
	}
	return -1
}

// ident checks that v, an operand of the modifier, is an identifier.
func (m importModifier) ident(v value.Value) (*value.Symbol, error) {
	s, ok := v.(*value.Symbol)
	if !ok {
		return nil, value.Errorf("%s: expected an identifier, got %s", m.head.Name, value.WriteString(v))
	}
	return s, nil
}

func (m importModifier) notExported(sym *value.Symbol) error {
	return value.Errorf("%s: %s is not exported by %s", m.head.Name, sym.Name, value.WriteString(m.inner))
}

// only keeps the bindings named by ids.
func (m importModifier) only(ids []value.Value) ([]libBinding, bool, error) {
	var out []libBinding
	for _, v := range ids {
		sym, err := m.ident(v)
		if err != nil {
			return nil, false, err
		}
		if i := m.find(sym); i >= 0 {
			out = append(out, m.bs[i])
		} else if m.all {
			out = append(out, libBinding{sym, m.ls.stdCell(sym)})
		} else {
			return nil, false, m.notExported(sym)
		}
	}
	return out, false, nil
}

// except drops the bindings named by ids.
func (m importModifier) except(ids []value.Value) ([]libBinding, bool, error) {
	bs := m.bs
	for _, v := range ids {
		sym, err := m.ident(v)
		if err != nil {
			return nil, false, err
		}
		if i := m.find(sym); i >= 0 {
			bs = append(bs[:i:i], bs[i+1:]...)
			m.bs = bs
		} else if !m.all {
			return nil, false, m.notExported(sym)
		}
	}
	return bs, m.all, nil
}

// prefix puts the identifier pre in front of every name.
func (m importModifier) prefix(pre value.Value) ([]libBinding, bool, error) {
	p, err := m.ident(pre)
	if err != nil {
		return nil, false, err
	}
	if m.all {
		return nil, false, value.Errorf("prefix: the exports of %s are not known; use only or rename", value.WriteString(m.inner))
	}
	out := make([]libBinding, len(m.bs))
	for i, b := range m.bs {
		out[i] = libBinding{value.Intern(p.Name + b.name.Name), b.cell}
	}
	return out, false, nil
}

// rename renames the bindings as the (old new) pairs in renames say.
func (m importModifier) rename(renames []value.Value) ([]libBinding, bool, error) {
	out := append([]libBinding(nil), m.bs...)
	for _, v := range renames {
		pair, ok := value.ToSlice(v)
		if !ok || len(pair) != 2 {
			return nil, false, value.Errorf("rename: expected (old new), got %s", value.WriteString(v))
		}
		from, err := m.ident(pair[0])
		if err != nil {
			return nil, false, err
		}
		to, err := m.ident(pair[1])
		if err != nil {
			return nil, false, err
		}
		if i := m.find(from); i >= 0 {
			out[i].name = to
		} else if m.all {
			out = append(out, libBinding{to, m.ls.stdCell(from)})
		} else {
			return nil, false, m.notExported(from)
		}
	}
	return out, m.all, nil
}

// libBuild collects a library's declarations as they are processed.
type libBuild struct {
	in      *Interp
	lib     *library
	exports [][2]*value.Symbol // internal, external
	body    []value.Value
	src     value.SourceMap
	// imports maps the names the library imports to their cells, in
	// importOrder.
	imports     map[*value.Symbol]*Global
	importOrder []*value.Symbol
}

// load runs a declared library's body, once.
func (ls *libSystem) load(lib *library) error {
	switch lib.state {
	case libLoaded:
		return nil
	case libLoading:
		return value.Errorf("library %s imports itself (circular import)", lib.key)
	}
	lib.state = libLoading
	b := &libBuild{in: ls.in, lib: lib, src: value.SourceMap{}, imports: map[*value.Symbol]*Global{}}
	for p, pos := range lib.src {
		b.src[p] = pos
	}
	err := ls.declarations(b, lib.decls)
	if err == nil {
		err = ls.run(b)
	}
	if err != nil {
		lib.state = libDeclared
		return err
	}
	lib.state = libLoaded
	return nil
}

// dirOf is the directory of the file form was read from, or that of the
// library's declaration.
func (b *libBuild) dirOf(form value.Value) string {
	if pos, ok := b.src.Lookup(form); ok {
		return sourceDir(pos)
	}
	return sourceDir(b.lib.pos)
}

// declarations processes library declarations: export, import, begin,
// include, include-ci, include-library-declarations, cond-expand.
func (ls *libSystem) declarations(b *libBuild, decls []value.Value) error {
	for _, d := range decls {
		parts, ok := value.ToSlice(d)
		if !ok || len(parts) == 0 {
			return value.Errorf("define-library %s: bad declaration %s", b.lib.key, value.WriteString(d))
		}
		switch parts[0] {
		case value.Value(libExport):
			for _, spec := range parts[1:] {
				e, err := exportSpec(spec)
				if err != nil {
					return value.Errorf("define-library %s: %v", b.lib.key, err)
				}
				b.exports = append(b.exports, e)
			}
		case value.Value(libImport):
			for _, set := range parts[1:] {
				bs, _, err := ls.resolve(set, []string{b.dirOf(d), b.lib.root})
				if err != nil {
					return value.Errorf("define-library %s: %v", b.lib.key, err)
				}
				for _, ib := range bs {
					if _, dup := b.imports[ib.name]; !dup {
						b.importOrder = append(b.importOrder, ib.name)
					}
					b.imports[ib.name] = ib.importCell()
				}
			}
		case value.Value(symBegin):
			b.body = append(b.body, parts[1:]...)
		case value.Value(libInclude), value.Value(libIncludeCI):
			forms, err := b.include(d, parts)
			if err != nil {
				return err
			}
			b.body = append(b.body, forms...)
		case value.Value(libIncludeLibDecl):
			forms, err := b.include(d, parts)
			if err != nil {
				return err
			}
			if err := ls.declarations(b, forms); err != nil {
				return err
			}
		case value.Value(libCondExpand):
			chosen, err := ls.condExpand(parts[1:])
			if err != nil {
				return value.Errorf("define-library %s: %v", b.lib.key, err)
			}
			if err := ls.declarations(b, chosen); err != nil {
				return err
			}
		default:
			return value.Errorf("define-library %s: unknown declaration %s", b.lib.key, value.ShortText(value.WriteString(d), 60))
		}
	}
	return nil
}

// include reads the files of an (include "file" ...) form, relative to
// the file the form is in.
func (b *libBuild) include(form value.Value, parts []value.Value) ([]value.Value, error) {
	who := parts[0].(*value.Symbol).Name
	pos, _ := b.src.Lookup(form)
	if !pos.IsValid() {
		pos = b.lib.pos
	}
	var forms []value.Value
	for _, it := range parts[1:] {
		s, ok := it.(*value.String)
		if !ok {
			return nil, value.Errorf("%s: file name must be a string, got %s", who, value.WriteString(it))
		}
		path := includePath(pos, s.String())
		if err := b.in.checkRead(who, path); err != nil {
			return nil, err
		}
		fs, src, err := readSourceFile(path, parts[0] == value.Value(libIncludeCI))
		if err != nil {
			return nil, value.Errorf("define-library %s: %s: %v", b.lib.key, who, err)
		}
		for p, pos := range src {
			b.src[p] = pos
		}
		forms = append(forms, fs...)
	}
	return forms, nil
}

func exportSpec(spec value.Value) ([2]*value.Symbol, error) {
	if s, ok := spec.(*value.Symbol); ok {
		return [2]*value.Symbol{s, s}, nil
	}
	parts, ok := value.ToSlice(spec)
	if ok && len(parts) == 3 && parts[0] == value.Value(libRename) {
		from, ok1 := parts[1].(*value.Symbol)
		to, ok2 := parts[2].(*value.Symbol)
		if ok1 && ok2 {
			return [2]*value.Symbol{from, to}, nil
		}
	}
	return [2]*value.Symbol{}, fmt.Errorf("bad export spec %s", value.WriteString(spec))
}

// run renames the body's definitions and imports, evaluates the body form by form
// and records the exports.
func (ls *libSystem) run(b *libBuild) error {
	var body []value.Value
	if err := ls.flatten(b, b.body, &body); err != nil {
		return err
	}
	r := &renamer{to: map[*value.Symbol]*value.Symbol{}, done: map[*value.Pair]*value.Pair{}, src: b.src}
	for _, f := range body {
		definedNames(f, func(s *value.Symbol) {
			if _, ok := r.to[s]; !ok {
				r.to[s] = &value.Symbol{Name: s.Name} // uninterned
			}
		})
	}
	// An imported name that does not mean the same as the global name
	// is renamed to a hidden one bound to the imported cell, so that
	// the library's imports stay private to it.
	for _, name := range b.importOrder {
		cell := b.imports[name]
		if _, defined := r.to[name]; defined || ls.in.globalCell(name) == cell {
			continue
		}
		hidden := &value.Symbol{Name: name.Name}
		ls.in.globals[hidden] = cell
		r.to[name] = hidden
	}
	for i, f := range body {
		body[i] = r.form(f)
	}
	for _, f := range body {
		if _, err := ls.in.Eval(f, b.src); err != nil {
			return err
		}
	}
	lib := b.lib
	lib.exports = nil
	for _, e := range b.exports {
		internal := e[0]
		if hidden, ok := r.to[internal]; ok {
			internal = hidden
		}
		lib.exports = append(lib.exports, libBinding{e[1], ls.in.global(internal)})
	}
	return nil
}

// flatten splices begin, include, include-ci and cond-expand forms at
// the top of a library body, so their definitions can be renamed.
func (ls *libSystem) flatten(b *libBuild, forms []value.Value, out *[]value.Value) error {
	for _, f := range forms {
		if parts, ok := value.ToSlice(f); ok && len(parts) > 0 {
			switch parts[0] {
			case value.Value(symBegin):
				if err := ls.flatten(b, parts[1:], out); err != nil {
					return err
				}
				continue
			case value.Value(libInclude), value.Value(libIncludeCI):
				fs, err := b.include(f, parts)
				if err != nil {
					return err
				}
				if err := ls.flatten(b, fs, out); err != nil {
					return err
				}
				continue
			case value.Value(libCondExpand):
				chosen, err := ls.condExpand(parts[1:])
				if err != nil {
					return err
				}
				if err := ls.flatten(b, chosen, out); err != nil {
					return err
				}
				continue
			}
		}
		*out = append(*out, f)
	}
	return nil
}

// definedNames calls add with each name a top-level form defines.
func definedNames(form value.Value, add func(*value.Symbol)) {
	parts, ok := value.ToSlice(form)
	if !ok || len(parts) < 2 {
		return
	}
	addSym := func(v value.Value) {
		if s, ok := v.(*value.Symbol); ok {
			add(s)
		}
	}
	switch parts[0] {
	case value.Value(symDefine), value.Value(libDefineSyntax), value.Value(symDefineMacro):
		target := parts[1]
		for {
			p, ok := target.(*value.Pair)
			if !ok {
				break
			}
			target = p.Car // (define (f . args) ...), curried too
		}
		addSym(target)
	case value.Value(libDefineValues):
		for v := parts[1]; ; {
			p, ok := v.(*value.Pair)
			if !ok {
				addSym(v)
				break
			}
			addSym(p.Car)
			v = p.Cdr
		}
	case value.Value(libDefineRecord):
		if len(parts) < 3 {
			return
		}
		addSym(parts[1])
		if p, ok := parts[2].(*value.Pair); ok {
			addSym(p.Car)
		} else {
			addSym(parts[2])
		}
		if len(parts) > 3 {
			addSym(parts[3])
		}
		for _, spec := range parts[min(4, len(parts)):] {
			if fs, ok := value.ToSlice(spec); ok {
				for _, name := range fs[min(1, len(fs)):] {
					addSym(name)
				}
			}
		}
	}
}

// renamer copies code, substituting symbols, except inside quoted data,
// quasiquoted templates (outside unquotes) and case datums, which are
// shared with the original. The copies get the originals' positions.
type renamer struct {
	to   map[*value.Symbol]*value.Symbol
	done map[*value.Pair]*value.Pair // original -> copy
	src  value.SourceMap
	// hide, if set, gives the new name of a symbol not in to (which then
	// remembers it).
	hide func(*value.Symbol) *value.Symbol
}

func (r *renamer) copyPair(p *value.Pair) *value.Pair {
	n := &value.Pair{Car: p.Car, Cdr: p.Cdr}
	r.done[p] = n
	if pos, ok := r.src[p]; ok {
		r.src[n] = pos
	}
	return n
}

func (r *renamer) form(x value.Value) value.Value {
	switch v := x.(type) {
	case *value.Symbol:
		if n, ok := r.to[v]; ok {
			return n
		}
		if r.hide != nil {
			n := r.hide(v)
			r.to[v] = n
			return n
		}
		return v
	case *value.Pair:
		if n, ok := r.done[v]; ok {
			return n
		}
		switch v.Car {
		case value.Value(symQuote):
			return v
		case value.Value(libQuasiquote):
			return r.template(v, 0)
		case value.Value(libCase):
			return r.caseForm(v)
		}
		return r.spine(v)
	}
	return x
}

// spine copies a list of forms, and a dotted tail.
func (r *renamer) spine(v *value.Pair) *value.Pair {
	head := r.copyPair(v)
	for cur, old := head, v; ; {
		if old.Car == value.Value(symQuote) && old != v {
			return head // (... . 'datum)
		}
		cur.Car = r.form(old.Car)
		next, ok := old.Cdr.(*value.Pair)
		if !ok {
			cur.Cdr = r.form(old.Cdr)
			return head
		}
		if n, ok := r.done[next]; ok {
			cur.Cdr = n
			return head
		}
		np := r.copyPair(next)
		cur.Cdr = np
		cur, old = np, next
	}
}

// caseForm copies (case key clause ...), leaving the datums alone.
func (r *renamer) caseForm(v *value.Pair) value.Value {
	head := r.copyPair(v)
	keyPair, ok := v.Cdr.(*value.Pair)
	if !ok {
		return head
	}
	cur := r.copyPair(keyPair)
	head.Cdr = cur
	cur.Car = r.form(keyPair.Car)
	for old := keyPair.Cdr; ; {
		p, ok := old.(*value.Pair)
		if !ok {
			cur.Cdr = old
			return head
		}
		np := r.copyPair(p)
		if clause, ok := p.Car.(*value.Pair); ok {
			nc := r.copyPair(clause)
			if body, ok := clause.Cdr.(*value.Pair); ok {
				nc.Cdr = r.spine(body)
			}
			np.Car = nc
		}
		cur.Cdr = np
		cur, old = np, p.Cdr
	}
}

// template copies a quasiquote template at nesting depth, renaming only
// the unquoted expressions (at depth 1).
func (r *renamer) template(x value.Value, depth int) value.Value {
	switch v := x.(type) {
	case *value.Vector:
		out := &value.Vector{Items: make([]value.Value, len(v.Items))}
		for i, it := range v.Items {
			out.Items[i] = r.template(it, depth)
		}
		return out
	case *value.Pair:
		if n, ok := r.done[v]; ok {
			return n
		}
		n := r.copyPair(v)
		switch v.Car {
		case value.Value(libUnquote), value.Value(libUnquoteSplice):
			if depth == 1 {
				n.Cdr = r.form(v.Cdr)
			} else {
				n.Cdr = r.template(v.Cdr, depth-1)
			}
			return n
		case value.Value(libQuasiquote):
			n.Cdr = r.template(v.Cdr, depth+1)
			return n
		}
		n.Car = r.template(v.Car, depth)
		n.Cdr = r.template(v.Cdr, depth)
		return n
	}
	return x
}

package eval

// This file exports to the external tests what they need to check the
// lazy compilation of the library (lazy.go) against compiling it at once.

import (
	"fmt"
	"reflect"
	"sort"

	"contigo/value"
)

// SetEagerLibrary makes the interpreters made from now on compile the
// library's procedures as they load (on) or at their first call (off).
func SetEagerLibrary(on bool) { eagerLibrary = on }

// PendingBodies is how many library procedures have not been compiled.
func PendingBodies(in *Interp) int {
	n := 0
	for _, lb := range in.lazy {
		if lb.lam.body == Node(lb) {
			n++
		}
	}
	return n
}

// CompiledBodies is the set of the names of the library procedures and
// macro transformers compiled so far.
func CompiledBodies(in *Interp) map[string]bool {
	done := map[string]bool{}
	for _, lb := range in.lazy {
		if lb.lam.body != Node(lb) {
			done[lb.lam.name] = true
		}
	}
	return done
}

// IsMacro reports whether the global name is bound to a macro.
func IsMacro(in *Interp, name string) bool {
	g, ok := in.globals[value.Intern(name)]
	return ok && g.Macro != nil
}

// UnreadBodies is how many library procedures have not even been read.
func UnreadBodies(in *Interp) int {
	n := 0
	for _, lb := range in.lazy {
		if lb.text != nil {
			n++
		}
	}
	return n
}

// CompileLibrary compiles every library procedure not compiled yet.
func CompileLibrary(in *Interp) error { return in.compileLazy() }

// CompareCode compares the code of every global procedure and macro
// transformer of a with b's: the same tree of nodes, with the same
// positions, referring to the cells of the same names. It returns the
// first difference, or nil.
func CompareCode(a, b *Interp) error {
	a.makeAllDeferred()
	b.makeAllDeferred()
	names := make([]*value.Symbol, 0, len(a.globals))
	for name := range a.globals {
		names = append(names, name)
	}
	sort.Slice(names, func(i, j int) bool { return names[i].Name < names[j].Name })
	w := &codeWalker{seen: map[[2]uintptr]bool{}}
	for _, name := range names {
		ga, gb := a.globals[name], b.globals[name]
		if gb == nil {
			return fmt.Errorf("%s: global missing", name.Name)
		}
		if ga.Macro != nil || gb.Macro != nil {
			if ga.Macro == nil || gb.Macro == nil {
				return fmt.Errorf("%s: a macro in one only", name.Name)
			}
			if err := w.same(reflect.ValueOf(ga.Macro), reflect.ValueOf(gb.Macro), name.Name+" (macro)"); err != nil {
				return err
			}
		}
		ca, okA := ga.Value.(*Closure)
		cb, okB := gb.Value.(*Closure)
		if okA != okB {
			return fmt.Errorf("%s: a closure in one only", name.Name)
		}
		if okA {
			if err := w.same(reflect.ValueOf(ca.lam), reflect.ValueOf(cb.lam), name.Name); err != nil {
				return err
			}
		}
	}
	return nil
}

// codeWalker compares two compiled trees of two interpreters.
type codeWalker struct{ seen map[[2]uintptr]bool }

var (
	globalType    = reflect.TypeOf(&Global{})
	symbolType    = reflect.TypeOf(&value.Symbol{})
	primitiveType = reflect.TypeOf(&value.Primitive{})
	controlType   = reflect.TypeOf(&Control{})
	interpType    = reflect.TypeOf(&Interp{})
)

func (w *codeWalker) same(a, b reflect.Value, path string) error {
	if a.Kind() != b.Kind() || a.Type() != b.Type() {
		return fmt.Errorf("%s: %s against %s", path, a.Type(), b.Type())
	}
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return fmt.Errorf("%s: nil in one only", path)
			}
			return nil
		}
		switch a.Type() {
		case globalType, symbolType, primitiveType, controlType:
			// Cells and symbols (fresh ones too) by name.
			na, nb := a.Elem().FieldByName("Name"), b.Elem().FieldByName("Name")
			if na.Kind() == reflect.Pointer {
				na, nb = na.Elem().FieldByName("Name"), nb.Elem().FieldByName("Name")
			}
			if na.String() != nb.String() {
				return fmt.Errorf("%s: %s against %s", path, na.String(), nb.String())
			}
			return nil
		case interpType:
			return nil
		}
		key := [2]uintptr{a.Pointer(), b.Pointer()}
		if w.seen[key] {
			return nil
		}
		w.seen[key] = true
		return w.same(a.Elem(), b.Elem(), path)
	case reflect.Interface:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return fmt.Errorf("%s: nil in one only", path)
			}
			return nil
		}
		return w.same(a.Elem(), b.Elem(), path)
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			f := a.Type().Field(i)
			if f.Name == "origin" { // a cache
				continue
			}
			if err := w.same(a.Field(i), b.Field(i), path+"."+f.Name); err != nil {
				return err
			}
		}
		return nil
	case reflect.Slice, reflect.Array:
		if a.Len() != b.Len() {
			return fmt.Errorf("%s: %d elements against %d", path, a.Len(), b.Len())
		}
		for i := 0; i < a.Len(); i++ {
			if err := w.same(a.Index(i), b.Index(i), fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
		return nil
	case reflect.Map:
		if a.Len() != b.Len() {
			return fmt.Errorf("%s: %d entries against %d", path, a.Len(), b.Len())
		}
		return nil
	case reflect.Func:
		if a.IsNil() != b.IsNil() {
			return fmt.Errorf("%s: a function in one only", path)
		}
		return nil
	case reflect.Bool:
		if a.Bool() != b.Bool() {
			return fmt.Errorf("%s: %v against %v", path, a.Bool(), b.Bool())
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if a.Int() != b.Int() {
			return fmt.Errorf("%s: %v against %v", path, a.Int(), b.Int())
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if a.Uint() != b.Uint() {
			return fmt.Errorf("%s: %v against %v", path, a.Uint(), b.Uint())
		}
	case reflect.Float32, reflect.Float64:
		if a.Float() != b.Float() {
			return fmt.Errorf("%s: %v against %v", path, a.Float(), b.Float())
		}
	case reflect.String:
		if a.String() != b.String() {
			return fmt.Errorf("%s: %q against %q", path, a.String(), b.String())
		}
	}
	return nil
}

// SetImages makes the interpreters made from now on load the library
// from its images (on) or from its text (off).
func SetImages(on bool) { useImages = on }

// LoadedFromImages is how many sources of the library in loaded from
// their images.
func LoadedFromImages(in *Interp) int { return in.fromImages }

// Globals returns the written form of the value of every global of in
// that is neither a closure nor a macro, by name, and the names of all.
func Globals(in *Interp) (values map[string]string, names []string) {
	values = map[string]string{}
	for name, g := range in.allGlobals() {
		names = append(names, name.Name)
		if _, ok := g.Value.(*Closure); ok || g.Macro != nil || g.Value == nil {
			continue
		}
		values[name.Name] = value.WriteString(g.Value)
	}
	sort.Strings(names)
	return values, names
}

// ParamArity is lazyLambda's reading of a parameter list, and what
// lambdaScope makes of it: the number of required parameters, whether
// there is a rest parameter, and the error, if any.
func ParamArity(params value.Value) (fast, slow string) {
	n, rest, ok := paramArity(params)
	fast = fmt.Sprintf("%d %v ok=%v", n, rest, ok)
	c := &compiler{in: nil, src: value.SourceMap{}}
	var err error
	func() {
		defer func() {
			if r := recover(); r != nil {
				err = r.(*compileError).err
			}
		}()
		_, n, rest = c.lambdaScope(params, nil, params)
	}()
	slow = fmt.Sprintf("%d %v ok=%v", n, rest, err == nil)
	if err != nil {
		slow = "0 false ok=false"
	}
	return fast, slow
}

// DeferredDefinitions is how many of the library's definitions are not
// made yet (image.go).
func DeferredDefinitions(in *Interp) int { return len(in.pending) }

// MakeAllDeferred makes every definition of the library not made yet.
func MakeAllDeferred(in *Interp) { in.makeAllDeferred() }

package scheme

// This file defines UnpackArgs, which Go functions called from Scheme use
// to check and convert their arguments, after starlark-go's UnpackArgs.

import (
	"fmt"
	"reflect"
	"strings"

	"contigo/eval"
	"contigo/value"
)

// UnpackArgs checks the arguments args of the Go function called fn and
// stores them in Go variables. params alternates parameter names and
// pointers to the variables:
//
//	var name string
//	var times int = 1
//	err := scheme.UnpackArgs("greet", args, "name", &name, "times?", &times)
//
// Each argument is converted as Decode converts it, so the variable's type
// says what the argument must be. A name ending in "?" marks the parameter
// optional, and every parameter after it too: a variable whose argument
// is missing keeps its value, which is then the default. A last name
// ending in "..." takes the remaining arguments, any number of them, into
// a pointer to a slice, each element decoded in turn.
//
// The errors are Scheme errors that name fn, the argument and what was
// wrong, in the words of the built-in procedures' errors:
//
//	greet: expected 1 to 2 arguments, got 3
//	greet: argument 2 (times): expected exact integer, got "x"
//
// A Func returns them as they are, and Scheme raises them at the call,
// with its position. UnpackArgs panics if params is malformed (not name,
// pointer pairs; "..." not last), which is a bug in the Go program.
func UnpackArgs(fn string, args []Value, params ...any) error {
	if len(params)%2 != 0 {
		panic(fmt.Sprintf("scheme.UnpackArgs(%q): params must be name, pointer pairs; got %d values", fn, len(params)))
	}
	n := len(params) / 2
	min, max := 0, n
	optional := false
	for i := range n {
		p := paramAt(fn, params, i)
		switch {
		case p.rest:
			max = -1
		case p.optional:
			optional = true
		case !optional:
			min++
		}
	}
	if len(args) < min || (max >= 0 && len(args) > max) {
		return arityError(fn, min, max, len(args))
	}
	for i := range n {
		p := paramAt(fn, params, i)
		if p.rest {
			return unpackRest(fn, args, i, p)
		}
		if i >= len(args) {
			break
		}
		if err := Decode(args[i], p.ptr); err != nil {
			return argError(fn, i, p.name, err)
		}
	}
	return nil
}

// param is one parameter of UnpackArgs.
type param struct {
	name     string // without its suffix
	ptr      any
	optional bool // marked "?" (those after it are optional too)
	rest     bool // marked "..."
}

// paramAt reads parameter i of UnpackArgs's name, pointer pairs, and
// panics if it is malformed.
func paramAt(fn string, pairs []any, i int) param {
	name, ok := pairs[2*i].(string)
	if !ok {
		panic(fmt.Sprintf("scheme.UnpackArgs(%q): parameter %d: want a name (string), got %T", fn, i+1, pairs[2*i]))
	}
	p := param{name: name, ptr: pairs[2*i+1]}
	if rv := reflect.ValueOf(p.ptr); rv.Kind() != reflect.Pointer || rv.IsNil() {
		panic(fmt.Sprintf("scheme.UnpackArgs(%q): parameter %s: want a non-nil pointer, got %T", fn, name, p.ptr))
	}
	switch {
	case strings.HasSuffix(name, "..."):
		if 2*i+2 != len(pairs) {
			panic(fmt.Sprintf("scheme.UnpackArgs(%q): rest parameter %s must be the last", fn, name))
		}
		if reflect.TypeOf(p.ptr).Elem().Kind() != reflect.Slice {
			panic(fmt.Sprintf("scheme.UnpackArgs(%q): rest parameter %s: want a pointer to a slice, got %T", fn, name, p.ptr))
		}
		p.name, p.rest = strings.TrimSuffix(name, "..."), true
	case strings.HasSuffix(name, "?"):
		p.name, p.optional = strings.TrimSuffix(name, "?"), true
	}
	return p
}

// unpackRest decodes args[from:] into the slice p points to.
func unpackRest(fn string, args []Value, from int, p param) error {
	slice := reflect.ValueOf(p.ptr).Elem()
	n := max(len(args)-from, 0)
	out := reflect.MakeSlice(slice.Type(), n, n)
	for j := range n {
		if err := decodeInto(args[from+j], out.Index(j)); err != nil {
			return argError(fn, from+j, p.name, err)
		}
	}
	slice.Set(out)
	return nil
}

// argError is the error for argument i (0-based) of fn, named name.
func argError(fn string, i int, name string, err error) error {
	return &value.ErrorObject{Message: fmt.Sprintf("%s: argument %d (%s): %v", fn, i+1, name, err)}
}

// arityError is the error for a call of fn with got arguments, worded as
// the evaluator words it for procedures.
func arityError(fn string, min, max, got int) error { return eval.ArityError(fn, min, max, got) }

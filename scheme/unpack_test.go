package scheme

import (
	"errors"
	"math/big"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"contigo/value"
)

// ptrTo returns a pointer to a new variable holding x, as any.
func ptrTo(x any) any {
	p := reflect.New(reflect.TypeOf(x))
	p.Elem().Set(reflect.ValueOf(x))
	return p.Interface()
}

// upper is an Unpacker: a string that Decode upper-cases.
type upper string

func (u *upper) Unpack(v Value) error {
	s, ok := v.(*value.String)
	if !ok {
		return errors.New("expected a name")
	}
	*u = upper(strings.ToUpper(s.String()))
	return nil
}

func TestDecode(t *testing.T) {
	in := newTest(t, Options{})
	tests := []struct {
		src  string // a Scheme expression
		zero any    // a value of the variable's type (and its value before)
		want any    // the variable's value after Decode
		err  string // or the error, with the variable unchanged
		ptr  any    // the pointer to decode into, if zero cannot say (an interface)
	}{
		{src: "7", zero: 0, want: 7},
		{src: "-7", zero: int8(0), want: int8(-7)},
		{src: "300", zero: int8(1), err: "expected exact integer from -128 to 127, got 300"},
		{src: "(expt 2 70)", zero: int64(0), err: "expected exact integer from -9223372036854775808 to 9223372036854775807, got 1180591620717411303424"},
		{src: "255", zero: uint8(0), want: uint8(255)},
		{src: "-1", zero: uint(5), err: "expected exact integer from 0 to 18446744073709551615, got -1"},
		{src: "(- (expt 2 64) 1)", zero: uint64(0), want: uint64(1<<64 - 1)},
		{src: "1.5", zero: 0, err: "expected exact integer, got 1.5"},
		{src: `"5"`, zero: 0, err: `expected exact integer, got "5"`},
		{src: "1/4", zero: 0.0, want: 0.25},
		{src: "3", zero: float32(0), want: float32(3)},
		{src: "'x", zero: 0.0, err: "expected real number, got x"},
		{src: "(make-rectangular 1 2)", zero: complex128(0), want: complex(1, 2)},
		{src: "2", zero: complex64(0), want: complex64(2)},
		{src: "(expt 3 50)", zero: (*big.Int)(nil), want: bigInt("717897987691852588770249")},
		{src: "12", zero: big.Int{}, want: *big.NewInt(12)},
		{src: "2.0", zero: (*big.Int)(nil), err: "expected exact integer, got 2.0"},
		{src: "-2/6", zero: (*big.Rat)(nil), want: big.NewRat(-1, 3)},
		{src: "4", zero: (*big.Rat)(nil), want: big.NewRat(4, 1)},
		{src: "0.5", zero: (*big.Rat)(nil), err: "expected exact rational number, got 0.5"},
		{src: "#t", zero: false, want: true},
		{src: "0", zero: false, err: "expected boolean, got 0"},
		{src: `"text"`, zero: "", want: "text"},
		{src: "'text", zero: "", err: "expected string, got text"},
		{src: `"s"`, zero: named(""), want: named("s")},
		{src: "'sym", zero: Symbol(""), want: Symbol("sym")},
		{src: `"sym"`, zero: Symbol(""), err: `expected symbol, got "sym"`},
		{src: `#\z`, zero: Char(0), want: Char('z')},
		{src: `"z"`, zero: Char(0), err: `expected character, got "z"`},
		{src: "#u8(1 2)", zero: []byte(nil), want: []byte{1, 2}},
		{src: "'(1 2)", zero: []byte(nil), err: "expected bytevector, got (1 2)"},
		{src: "'(1 2 3)", zero: []int(nil), want: []int{1, 2, 3}},
		{src: "#(1 2 3)", zero: []int(nil), want: []int{1, 2, 3}},
		{src: "'()", zero: []string(nil), want: []string{}},
		{src: `'(1 "x" 3)`, zero: []int(nil), err: `element 1: expected exact integer, got "x"`},
		{src: "'(1 . 2)", zero: []int(nil), err: "expected list or vector, got (1 . 2)"},
		{src: `'(("a" 1) ("b"))`, zero: [][]any(nil), want: [][]any{{value.NewString("a"), value.Int(1)}, {value.NewString("b")}}},
		{src: "'(1 2)", zero: [2]int{}, want: [2]int{1, 2}},
		{src: "'(1 2 3)", zero: [2]int{}, err: "expected list or vector of 2 elements, got (1 2 3)"},
		{src: `'(("a" . 1) ("b" . 2) ("a" . 3))`, zero: map[string]int(nil), want: map[string]int{"a": 1, "b": 2}},
		{src: `(let ((t (make-equal-hash-table))) (hash-table-set! t 'k 1.5) t)`, zero: map[Symbol]float64(nil), want: map[Symbol]float64{"k": 1.5}},
		{src: `'((1 . 2))`, zero: map[string]int(nil), err: "key 1: expected string, got 1"},
		{src: `'(("a" . x))`, zero: map[string]int(nil), err: `value for key "a": expected exact integer, got x`},
		{src: `'(1 2)`, zero: map[string]int(nil), err: "expected hash table or association list, got a list with 1 in it"},
		{src: "42", zero: map[string]int(nil), err: "expected hash table or association list, got 42"},
		{src: "'(a b)", ptr: new(Value), want: value.List(value.Intern("a"), value.Intern("b"))},
		{src: "car", ptr: new(value.Opaque), want: "#<procedure car>"},
		{src: "'car", ptr: new(value.Opaque), err: "expected value implementing value.Opaque, got car"},
		{src: "'(1 2)", zero: (*value.Pair)(nil), want: value.List(value.Int(1), value.Int(2))},
		{src: "'#(1)", zero: (*value.Pair)(nil), err: "expected *value.Pair, got #(1)"},
		{src: "car", zero: Procedure{}, want: "#<procedure car>"},
		{src: "'car", zero: Procedure{}, err: "expected procedure, got car"},
		{src: `"bob"`, zero: upper(""), want: upper("BOB")},
		{src: "'bob", zero: upper("x"), err: "expected a name"},
		{src: `"x"`, zero: struct{}{}, err: `expected struct {}, got "x"`},
		{src: `"x"`, zero: (*error)(nil), err: `expected *error, got "x"`},
	}
	for _, tt := range tests {
		ptr := tt.ptr
		if ptr == nil {
			ptr = ptrTo(tt.zero)
		}
		t.Run(tt.src+" into "+reflect.TypeOf(ptr).Elem().String(), func(t *testing.T) {
			err := Decode(mustEval(t, in, tt.src), ptr)
			got := reflect.ValueOf(ptr).Elem().Interface()
			if tt.err != "" {
				if err == nil {
					t.Fatalf("got %#v, want error %q", got, tt.err)
				}
				if diff := cmp.Diff(tt.err, err.Error()); diff != "" {
					t.Errorf("error (-want +got):\n%s", diff)
				}
				if diff := cmp.Diff(tt.zero, got, bigCmp, cmp.AllowUnexported(Procedure{})); diff != "" {
					t.Errorf("the variable changed on error (-want +got):\n%s", diff)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			switch p := got.(type) {
			case Procedure:
				got = WriteString(p.Value())
			case value.Opaque:
				got = WriteString(p)
			}
			if diff := cmp.Diff(tt.want, got, bigCmp, valueCmp); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// valueCmp compares Scheme data as equal? does.
var valueCmp = cmp.FilterValues(func(a, b any) bool {
	_, ok1 := a.(*value.Pair)
	_, ok2 := b.(*value.String)
	_, ok3 := a.(*value.String)
	_, ok4 := b.(*value.Pair)
	return ok1 || ok2 || ok3 || ok4
}, cmp.Comparer(func(a, b any) bool { return value.Equal(a, b) }))

func TestDecodeNotAPointer(t *testing.T) {
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "want a non-nil pointer, got int") {
			t.Errorf("recovered %v, want a panic about the pointer", r)
		}
	}()
	Decode(value.Int(1), 5)
}

// TestUnpackArgs calls Go functions with UnpackArgs from Scheme and
// checks what they received, or the error positioned at the call.
func TestUnpackArgs(t *testing.T) {
	in := newTest(t, Options{})
	// (point x y [label]) returns what it unpacked, as a list.
	in.DefineFunc("point", func(args []Value) (Value, error) {
		var x, y float64
		label := "origin?"
		if err := UnpackArgs("point", args, "x", &x, "y", &y, "label?", &label); err != nil {
			return nil, err
		}
		return []any{x, y, label}, nil
	})
	// (sum n ...) takes any number of integers.
	in.DefineFunc("sum", func(args []Value) (Value, error) {
		var first int
		var rest []int
		if err := UnpackArgs("sum", args, "first", &first, "more...", &rest); err != nil {
			return nil, err
		}
		for _, n := range rest {
			first += n
		}
		return first, nil
	})
	// (opt [a [b]]) has only optional parameters.
	in.DefineFunc("opt", func(args []Value) (Value, error) {
		a, b := Symbol("none"), Symbol("none")
		if err := UnpackArgs("opt", args, "a?", &a, "b", &b); err != nil {
			return nil, err
		}
		return []any{a, b}, nil
	})
	tests := []struct {
		src  string
		want string // the result, as write prints it, or the error
	}{
		{`(point 1 2)`, `(1.0 2.0 "origin?")`},
		{`(point 1/2 2.5 "p")`, `(0.5 2.5 "p")`},
		{`(point 1)`, "<string>:1:1: point: expected 2 to 3 arguments, got 1"},
		{`(point 1 2 "p" 4)`, "<string>:1:1: point: expected 2 to 3 arguments, got 4"},
		{`(point 1 "two")`, `<string>:1:1: point: argument 2 (y): expected real number, got "two"`},
		{`(point 1 2 'p)`, "<string>:1:1: point: argument 3 (label): expected string, got p"},
		{"(define (f a)\n  (point a a))\n(f 'q)", "<string>:2:3: point: argument 1 (x): expected real number, got q"},
		{`(sum 1)`, "1"},
		{`(sum 1 2 3 4)`, "10"},
		{`(sum)`, "<string>:1:1: sum: expected at least 1 argument, got 0"},
		{`(sum 1 2 "3")`, `<string>:1:1: sum: argument 3 (more): expected exact integer, got "3"`},
		{`(opt)`, "(none none)"},
		{`(opt 'x)`, "(x none)"},
		{`(opt 'x 'y)`, "(x y)"},
		{`(opt 'x 'y 'z)`, "<string>:1:1: opt: expected 0 to 2 arguments, got 3"},
		{`(opt 'x "y")`, `<string>:1:1: opt: argument 2 (b): expected symbol, got "y"`},
		// A Scheme program catches the errors.
		{`(guard (e ((error-object? e) (error-object-message e))) (sum 'x))`, `"sum: argument 1 (first): expected exact integer, got x"`},
		// The library blames the user's call: map calls point.
		{"(map point\n     '(1 2) '(3 x))", "<string>:1:1: point: argument 2 (y): expected real number, got x"},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			v, err := in.EvalString(tt.src)
			got := ""
			if err != nil {
				got = err.Error()
			} else {
				got = WriteString(v)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestUnpackArgsMalformed checks that a bad parameter list, a bug in the
// Go program, panics with a message that says what is wrong.
func TestUnpackArgsMalformed(t *testing.T) {
	var n int
	var ns []int
	tests := []struct {
		name   string
		params []any
		want   string
	}{
		{"odd", []any{"n"}, "params must be name, pointer pairs; got 1 values"},
		{"name not a string", []any{1, &n}, "parameter 1: want a name (string), got int"},
		{"not a pointer", []any{"n", n}, "parameter n: want a non-nil pointer, got int"},
		{"rest not last", []any{"ns...", &ns, "n", &n}, "rest parameter ns... must be the last"},
		{"rest not a slice", []any{"n...", &n}, "rest parameter n...: want a pointer to a slice, got *int"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				r := recover()
				s, _ := r.(string)
				if !strings.Contains(s, tt.want) {
					t.Errorf("recovered %v, want a panic containing %q", r, tt.want)
				}
			}()
			UnpackArgs("f", nil, tt.params...)
		})
	}
}

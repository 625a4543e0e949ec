package eval

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"contigo/value"
)

// TestExpansionCopier checks the rules of image_expand.go on bodies made
// by hand: which macro uses are replaced by their expansions, and how.
func TestExpansionCopier(t *testing.T) {
	sym := value.Intern
	list := value.List
	a, f, m, n := sym("a"), sym("f"), sym("m"), sym("n")
	g := value.Gensym("g")
	for _, tc := range []struct {
		name string
		// body makes the body and the uses the compiler expanded in it.
		body func(uses map[*value.Pair]value.Value) value.Value
		want string
	}{
		{"a use is replaced by its expansion, expanded in turn", func(uses map[*value.Pair]value.Value) value.Value {
			use, out := list(m, a).(*value.Pair), list(n, a).(*value.Pair)
			uses[use], uses[out] = out, list(sym("car"), a)
			return list(f, use)
		}, "(f (car a))"},
		{"an expansion to a number stays a use", func(uses map[*value.Pair]value.Value) value.Value {
			use := list(m).(*value.Pair)
			uses[use] = value.Fixnum(3)
			return list(f, use)
		}, "(f (m))"},
		{"an expansion holding a gensym stays a use", func(uses map[*value.Pair]value.Value) value.Value {
			use := list(m, a).(*value.Pair)
			uses[use] = list(sym("let"), list(list(g, a)), g)
			return list(f, use)
		}, "(f (m a))"},
		{"a use in a thunk's body is put in a begin", func(uses map[*value.Pair]value.Value) value.Value {
			use, arg := list(m, a).(*value.Pair), list(m, a).(*value.Pair)
			uses[use], uses[arg] = list(sym("car"), a), list(sym("cdr"), a)
			return list(sym("lambda"), value.Nil, use, list(f, arg))
		}, "(lambda () (begin (car a)) (f (cdr a)))"},
		{"a named let without bindings makes a thunk too", func(uses map[*value.Pair]value.Value) value.Value {
			use := list(m, a).(*value.Pair)
			uses[use] = list(sym("car"), a)
			return list(sym("let"), sym("loop"), value.Nil, use)
		}, "(let loop () (begin (car a)))"},
		{"a quoted list is copied, not expanded", func(uses map[*value.Pair]value.Value) value.Value {
			return list(sym("quote"), list(m, a))
		}, "'(m a)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			uses := map[*value.Pair]value.Value{}
			body := tc.body(uses)
			e := &expansionCopier{in: &Interp{}, uses: uses, src: value.SourceMap{}}
			if diff := cmp.Diff(tc.want, value.WriteString(e.code(body))); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestExpansionCopierCopies checks that the copy shares nothing with the
// body (the image writer would number what is written twice, and load
// the form at start), keeps the positions, and writes the value of a
// global that an expansion quoted, a record's kind, as that global.
func TestExpansionCopierCopies(t *testing.T) {
	kind := &value.Primitive{Name: "kind"} // an object that is not data, held by one global
	kindName := value.Intern("%<thing>")
	in := &Interp{globals: map[*value.Symbol]*Global{kindName: {Name: kindName, Value: kind}}}
	s := value.NewString("trace")
	use := value.List(value.Intern("m"), s).(*value.Pair)
	body := value.List(value.Intern("f"), use, s).(*value.Pair)
	out := value.List(value.Intern("g"), s, value.List(value.Intern("quote"), kind))
	// The compiler gave the expansion the use's position (Positions).
	src := value.SourceMap{body: value.Pos{Line: 3, Col: 1}, use: value.Pos{Line: 3, Col: 4},
		out.(*value.Pair): value.Pos{Line: 3, Col: 4}}
	e := &expansionCopier{in: in, uses: map[*value.Pair]value.Value{use: out}, src: src}
	got := e.code(body).(*value.Pair)
	if got == body || src[got] != src[body] {
		t.Errorf("the copy of the body: %p at %v, want a new pair at %v", got, src[got], src[body])
	}
	items, _ := value.ToSlice(got)
	exp := items[1].(*value.Pair)
	if exp == out || src[exp] != src[use] {
		t.Errorf("the copy of the expansion: %p at %v, want a new pair at the use's %v", exp, src[exp], src[use])
	}
	car := func(v value.Value) value.Value { return v.(*value.Pair).Car }
	cdr := func(v value.Value) value.Value { return v.(*value.Pair).Cdr }
	strs := []value.Value{items[2], car(cdr(exp))}
	for _, c := range strs {
		if c == value.Value(s) {
			t.Errorf("a string of the body is shared by the copy")
		}
	}
	quoted := car(cdr(car(cdr(cdr(exp)))))
	if gv, ok := quoted.(globalValue); !ok || gv.name != kindName {
		t.Errorf("the quoted kind was copied as %#v, want the value of %s", quoted, kindName.Name)
	}
	if e.bad {
		t.Errorf("the copy was marked unrecordable")
	}
}

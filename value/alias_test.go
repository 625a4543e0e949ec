package value

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestAliasBase(t *testing.T) {
	a := Intern("a")
	a1 := NewAlias(a, "env1")
	a2 := NewAlias(a1, "env2")
	if a1 == a || a2 == a1 || a1.Interned() {
		t.Fatalf("aliases must be fresh, uninterned symbols")
	}
	if orig, env, ok := a2.Alias(); !ok || orig != a1 || env != "env2" {
		t.Errorf("a2.Alias() = %v, %v, %v", orig, env, ok)
	}
	if _, _, ok := a.Alias(); ok || a.IsAlias() {
		t.Errorf("a plain symbol is not an alias")
	}
	if a2.Base() != a || a.Base() != a || a2.Name != "a" {
		t.Errorf("Base or Name wrong: %v %v %q", a2.Base(), a.Base(), a2.Name)
	}
}

func TestStripAliases(t *testing.T) {
	a := NewAlias(NewAlias(Intern("a"), nil), nil)
	plain := List(Intern("x"), &Vector{Items: []Value{Intern("y")}}, NewString("s"))
	if got := StripAliases(plain); got != plain {
		t.Errorf("data without aliases was copied")
	}
	if got := StripAliases(a); got != Value(Intern("a")) {
		t.Errorf("StripAliases(alias) = %v", got)
	}
	mixed := List(a, Intern("b"), &Vector{Items: []Value{a}}, plain)
	got := StripAliases(mixed)
	if diff := cmp.Diff(`(a b #(a) (x #(y) "s"))`, WriteString(got)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if items, _ := ToSlice(got); items[0] != Value(Intern("a")) {
		t.Errorf("stripped alias is not the interned symbol")
	}
	// Shared structure stays shared.
	shared := List(a)
	out, _ := ToSlice(StripAliases(List(shared, shared)))
	if out[0] != out[1] {
		t.Errorf("sharing lost")
	}
	// A cycle through an alias (too big for the quick walk, too).
	cyc := Cons(a, nil)
	cyc.Cdr = cyc
	p := StripAliases(cyc).(*Pair)
	if p.Car != Value(Intern("a")) || p.Cdr != Value(p) {
		t.Errorf("cycle not preserved")
	}
	// A cycle without aliases is returned as is.
	clean := Cons(Intern("c"), nil)
	clean.Cdr = clean
	if StripAliases(clean) != Value(clean) {
		t.Errorf("clean cyclic data was copied")
	}
}

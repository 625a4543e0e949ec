package prelude

// This file checks that prelude.scm reads in order: each top-level form
// uses only the library's names defined above it, except the few that
// a comment "Defined below: NAME ..." announces (the scheduler's loop is a
// cycle).

import (
	"io"
	"os"
	"regexp"
	"strings"
	"testing"

	"contigo/reader"
	"contigo/value"
)

// definedBy returns the global names a top-level form defines.
func definedBy(form value.Value) []string {
	p, ok := form.(*value.Pair)
	if !ok {
		return nil
	}
	head, _ := p.Car.(*value.Symbol)
	args, _ := value.ToSlice(p.Cdr)
	if head == nil || len(args) == 0 {
		return nil
	}
	name := func(v value.Value) string {
		if q, ok := v.(*value.Pair); ok {
			v = q.Car
		}
		if s, ok := v.(*value.Symbol); ok {
			return s.Name
		}
		return ""
	}
	switch head.Name {
	case "define", "define-macro", "%define-inline":
		return []string{name(args[0])}
	case "begin":
		var names []string
		for _, f := range args {
			names = append(names, definedBy(f)...)
		}
		return names
	case "%define-record":
		kind := name(args[0])
		names := []string{"%<" + kind + ">", "%make-" + kind, "%" + kind + "?"}
		if len(args) > 1 {
			fields, _ := value.ToSlice(args[1])
			for _, f := range fields {
				names = append(names, "%"+kind+"-"+name(f), "%"+kind+"-"+name(f)+"-set!")
			}
		}
		return names
	}
	return nil
}

// uses calls f with every symbol of form outside quoted data.
func uses(form value.Value, f func(string)) {
	switch x := form.(type) {
	case *value.Symbol:
		f(x.Name)
	case *value.Pair:
		// Quoted data, and the names a record definition makes up.
		if s, ok := x.Car.(*value.Symbol); ok && (s.Name == "quote" || s.Name == "%define-record") {
			return
		}
		for {
			uses(x.Car, f)
			next, ok := x.Cdr.(*value.Pair)
			if !ok {
				uses(x.Cdr, f)
				return
			}
			x = next
		}
	}
}

var forwardLine = regexp.MustCompile(`(?m)^\s*;+ Defined below: ([^(\n]*)`)

func TestDefinedAboveUse(t *testing.T) {
	src, err := os.ReadFile("prelude.scm")
	if err != nil {
		t.Fatal(err)
	}
	var forms []value.Value
	r := reader.New(string(src), "prelude.scm")
	for {
		f, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		forms = append(forms, f)
	}
	// Where each name is first defined.
	firstDef := map[string]int{}
	for i, f := range forms {
		for _, n := range definedBy(f) {
			if _, ok := firstDef[n]; !ok {
				firstDef[n] = i
			}
		}
	}
	announced := map[string]bool{}
	for _, m := range forwardLine.FindAllStringSubmatch(string(src), -1) {
		for _, n := range strings.Fields(strings.TrimRight(m[1], ".,;: ")) {
			n = strings.TrimRight(n, ".,;:")
			if _, ok := firstDef[n]; !ok {
				t.Errorf("%q is announced as defined below, but the prelude never defines it", n)
			}
			announced[n] = true
		}
	}
	usedEarly := map[string]bool{}
	for i, f := range forms {
		seen := map[string]bool{}
		uses(f, func(n string) {
			d, ok := firstDef[n]
			if !ok || d <= i || seen[n] {
				return
			}
			seen[n] = true
			usedEarly[n] = true
			if !announced[n] {
				t.Errorf("form %d (%.60s) uses %s, which is defined below (form %d) and not announced by a comment \"Defined below: %s\"",
					i, value.WriteString(f), n, d, n)
			}
		})
	}
	for n := range announced {
		if !usedEarly[n] {
			t.Errorf("%s is announced as defined below, but nothing uses it before its definition", n)
		}
	}
}

package value

// This file defines aliases: the renamed identifiers through which
// syntax-rules macros stay hygienic.
//
// When a syntax-rules template is instantiated, every symbol the template
// itself introduces becomes a fresh alias of that symbol. An alias is a
// *Symbol (so every binding form accepts it unchanged), uninterned, with
// the name of the symbol it renames. It remembers that symbol and the
// environment where the macro was defined, an opaque value that only the
// evaluator interprets. A binding form that binds an alias binds that
// alias only; a free reference to an alias means what the original symbol
// means in the macro's environment. Quoted data never contains aliases:
// quote strips them (StripAliases).

// alias is what a symbol made by NewAlias renames.
type alias struct {
	orig *Symbol
	env  any
}

// NewAlias returns a fresh identifier that renames orig (itself possibly
// an alias) as seen from env. It prints as orig's name.
func NewAlias(orig *Symbol, env any) *Symbol {
	return &Symbol{Name: orig.Name, alias: &alias{orig: orig, env: env}}
}

// Alias reports whether s is an alias, and if so what it renames and the
// environment recorded with it.
func (s *Symbol) Alias() (orig *Symbol, env any, ok bool) {
	if s.alias == nil {
		return nil, nil, false
	}
	return s.alias.orig, s.alias.env, true
}

// IsAlias reports whether s was made by NewAlias.
func (s *Symbol) IsAlias() bool { return s.alias != nil }

// Base returns the symbol that s renames through any number of aliases,
// or s itself if it is not an alias.
func (s *Symbol) Base() *Symbol {
	for s.alias != nil {
		s = s.alias.orig
	}
	return s
}

// quickWalkLimit bounds the nodes StripAliases visits before it switches
// to a walk that remembers what it has seen (needed for cyclic data).
const quickWalkLimit = 4096

// StripAliases returns v with every alias replaced by its base symbol. It
// returns v itself when v contains no alias, and otherwise a copy of its
// pairs and vectors, with sharing and cycles preserved.
func StripAliases(v Value) Value {
	budget := quickWalkLimit
	found, complete := quickHasAlias(v, &budget)
	if complete && !found {
		return v
	}
	if !complete {
		seen := map[Value]bool{}
		if !hasAlias(v, seen) {
			return v
		}
	}
	s := &stripper{done: map[Value]Value{}}
	return s.strip(v)
}

// quickHasAlias looks for an alias without remembering visited nodes. It
// reports complete = false if it ran out of budget (large or cyclic data).
func quickHasAlias(v Value, budget *int) (found, complete bool) {
	for {
		*budget--
		if *budget < 0 {
			return false, false
		}
		switch x := v.(type) {
		case *Symbol:
			return x.alias != nil, true
		case *Pair:
			if found, complete := quickHasAlias(x.Car, budget); found || !complete {
				return found, complete
			}
			v = x.Cdr
		case *Vector:
			for _, it := range x.Items {
				if found, complete := quickHasAlias(it, budget); found || !complete {
					return found, complete
				}
			}
			return false, true
		default:
			return false, true
		}
	}
}

// hasAlias looks for an alias in data that may be cyclic.
func hasAlias(v Value, seen map[Value]bool) bool {
	stack := []Value{v}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch y := x.(type) {
		case *Symbol:
			if y.alias != nil {
				return true
			}
		case *Pair:
			if !seen[y] {
				seen[y] = true
				stack = append(stack, y.Car, y.Cdr)
			}
		case *Vector:
			if !seen[y] {
				seen[y] = true
				stack = append(stack, y.Items...)
			}
		}
	}
	return false
}

// stripper copies data containing aliases. done maps each pair and
// vector already copied to its copy, preserving sharing and cycles.
type stripper struct {
	done map[Value]Value
}

func (s *stripper) strip(v Value) Value {
	switch x := v.(type) {
	case *Symbol:
		return x.Base()
	case *Pair:
		if out, ok := s.done[x]; ok {
			return out
		}
		head := &Pair{}
		s.done[x] = head
		for cur, src := head, x; ; {
			cur.Car = s.strip(src.Car)
			next, ok := src.Cdr.(*Pair)
			if !ok {
				cur.Cdr = s.strip(src.Cdr)
				return head
			}
			if out, ok := s.done[next]; ok {
				cur.Cdr = out
				return head
			}
			np := &Pair{}
			s.done[next] = np
			cur.Cdr = np
			cur, src = np, next
		}
	case *Vector:
		if out, ok := s.done[x]; ok {
			return out
		}
		out := &Vector{Items: make([]Value, len(x.Items))}
		s.done[x] = out
		for i, it := range x.Items {
			out.Items[i] = s.strip(it)
		}
		return out
	}
	return v
}

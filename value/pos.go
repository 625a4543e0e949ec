package value

import "fmt"

// Pos is a source position: a file name and a 1-based line and column.
// The zero Pos is invalid ("no position").
type Pos struct {
	File *string
	Line int32
	Col  int32
}

// IsValid reports whether p names a real position.
func (p Pos) IsValid() bool { return p.Line > 0 }

// String renders p as file:line:col.
func (p Pos) String() string {
	if !p.IsValid() {
		return "<unknown>"
	}
	file := "<input>"
	if p.File != nil {
		file = *p.File
	}
	return fmt.Sprintf("%s:%d:%d", file, p.Line, p.Col)
}

// SourceMap records where pairs were read. The reader fills one per
// compilation unit and the compiler copies positions into its nodes, so
// pairs themselves stay two words.
type SourceMap map[*Pair]Pos

// Lookup returns the position of p, if known.
func (m SourceMap) Lookup(v Value) (Pos, bool) {
	if m == nil {
		return Pos{}, false
	}
	p, ok := v.(*Pair)
	if !ok {
		return Pos{}, false
	}
	pos, ok := m[p]
	return pos, ok
}

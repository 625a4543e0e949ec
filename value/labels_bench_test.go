package value

import "testing"

// BenchmarkLabelsList finds the labels of a list of 1,000,000 numbers
// (none), as write and display do before printing it (a list of atoms:
// flatList's fast path); B/op is the walk's memory.
func BenchmarkLabelsList(b *testing.B) {
	var l Value = Nil
	for i := 0; i < 1_000_000; i++ {
		l = &Pair{Car: Int(int64(i)), Cdr: l}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if labelsFor(l, false) != nil {
			b.Fatal("labels in a list")
		}
	}
}

// BenchmarkLabelsTree is BenchmarkLabelsList for a tree of lists of 10
// (a million pairs) with write-shared: the walk with its table.
func BenchmarkLabelsTree(b *testing.B) {
	var tree func(depth int) Value
	tree = func(depth int) Value {
		var l Value = Nil
		for i := 0; i < 10; i++ {
			var x Value = Fixnum(i)
			if depth > 0 {
				x = tree(depth - 1)
			}
			l = &Pair{Car: x, Cdr: l}
		}
		return l
	}
	t := tree(5)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if labelsFor(t, true) != nil {
			b.Fatal("labels in a tree")
		}
	}
}

package value

import "testing"

func deepList(n int) Value {
	var v Value = Int(1)
	for range n {
		v = List(v)
	}
	return v
}

func alist(n int) Value {
	var l Value = Nil
	for i := range n {
		l = Cons(Cons(Int(int64(i)), Int(int64(i))), l)
	}
	return l
}

func BenchmarkZZDeep(b *testing.B) {
	x, y := deepList(1000000), deepList(1000000)
	for b.Loop() {
		Equal(x, y)
	}
}

func BenchmarkZZAlist(b *testing.B) {
	x, y := alist(1000000), alist(1000000)
	for b.Loop() {
		Equal(x, y)
	}
}

package value

import "testing"

func TestProcName(t *testing.T) {
	tests := []struct {
		sym  *Symbol
		want string
	}{
		{Intern("loop7"), "loop7"}, // a name the user wrote keeps its digits
		{Gensym("loop"), "loop"},
		{Gensym("do"), "do"},
		{Gensym(""), ""},
		{NewAlias(Intern("loop"), nil), "loop"},
	}
	for _, tt := range tests {
		if got := tt.sym.ProcName(); got != tt.want {
			t.Errorf("(%s).ProcName() = %q, want %q", tt.sym.Name, got, tt.want)
		}
	}
}

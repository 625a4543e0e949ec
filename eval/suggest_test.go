package eval

import "testing"

func TestSuggestName(t *testing.T) {
	bound := []string{"length", "length+", "list", "receive", "recv", "send", "close-chan", "make-chan",
		"*", "+", "square", "string-length", "vector-ref", "display"}
	tests := []struct{ name, want string }{
		{"lenght", "length"}, // a swap is one edit: not length+
		{"lengt", "length"},
		{"close", "close-chan"},
		{"make-channel", "make-chan"},
		{"<-", "(send ch v) or (recv ch)"},
		{"recieve", "recv"}, // Go's habit, though receive is one swap away
		{"x", ""},           // not *
		{"xy", ""},
		{"lst", "list"},
		{"sqare", "square"},
		{"vectorref", "vector-ref"},
		{"dispaly", "display"},
		{"frobnicate", ""},
	}
	for _, tt := range tests {
		if got := SuggestName(tt.name, bound); got != tt.want {
			t.Errorf("SuggestName(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "abc", 0}, {"ab", "ba", 1}, {"lenght", "length", 1},
		{"lenght", "length+", 2}, {"kitten", "sitting", 3}, {"a", "", 1}, {"λx", "λy", 1},
	}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b, 10); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

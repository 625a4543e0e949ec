package cont

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func names(ps []*WindPoint, label map[*WindPoint]string) []string {
	out := []string{}
	for _, p := range ps {
		out = append(out, label[p])
	}
	return out
}

func TestPath(t *testing.T) {
	root := NewRootWind()
	a := root.Enter("a-in", "a-out")
	ab := a.Enter("ab-in", "ab-out")
	abc := ab.Enter("abc-in", "abc-out")
	ad := a.Enter("ad-in", "ad-out")
	e := root.Enter("e-in", "e-out")
	label := map[*WindPoint]string{root: "root", a: "a", ab: "ab", abc: "abc", ad: "ad", e: "e"}
	tests := []struct {
		name     string
		from, to *WindPoint
		out, in  []string
	}{
		{"same point", abc, abc, []string{}, []string{}},
		{"leave to root", abc, root, []string{"abc", "ab", "a"}, []string{}},
		{"enter from root", root, abc, []string{}, []string{"a", "ab", "abc"}},
		{"sibling", abc, ad, []string{"abc", "ab"}, []string{"ad"}},
		{"across root", ab, e, []string{"ab", "a"}, []string{"e"}},
		{"up one", ab, a, []string{"ab"}, []string{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, in := Path(tc.from, tc.to)
			if d := cmp.Diff(tc.out, names(out, label)); d != "" {
				t.Errorf("out (-want +got):\n%s", d)
			}
			if d := cmp.Diff(tc.in, names(in, label)); d != "" {
				t.Errorf("in (-want +got):\n%s", d)
			}
		})
	}
}

func TestFrameImmutablePush(t *testing.T) {
	bottom := Push[string](nil, "bottom", nil, nil, 0)
	a := Push(bottom, "a", nil, nil, 0)
	b := Push(bottom, "b", nil, nil, 0)
	if a.Next != bottom || b.Next != bottom || bottom.Next != nil {
		t.Fatal("push modified a shared frame")
	}
	if a.Depth != 1 || bottom.Depth != 0 {
		t.Fatalf("depths %d %d", a.Depth, bottom.Depth)
	}
}

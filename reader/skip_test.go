package reader

import (
	"os"
	"testing"

	"contigo/value"
)

// TestSkipEndsWhereReadEnds checks that Skip finds the end of every datum
// that Read reads, or declines: on tricky data, and on the library's
// sources, whose procedure bodies the evaluator skips at start-up.
func TestSkipEndsWhereReadEnds(t *testing.T) {
	srcs := map[string]string{
		"atoms":    `foo 42 -1.5e3 "str" "a\"b\\" |bar baz| |a\|b| #t #false #x1F #e1.5 #\a #\( #\) #\space #\x41 'q`,
		"lists":    `(a (b [c d] . e) #(1 2 (3)) #u8(1 2) '(x) ` + "`(a ,b ,@c)" + ` (#\( #\)))`,
		"comments": "(a ; (not this\n b #| (nor #| this |# |# c #;(d e) f)",
		"strings":  `("(" ")" "\\" "\x28;" |)|)`,
		"unicode":  "(λ x→y «z»)\u00a0end",
		"labels":   `(#0=(a) #0#)`,
		"bad":      `(a ] (b`,
	}
	for _, f := range []string{"../eval/core.scm", "../eval/srfi.scm", "../prelude/prelude.scm"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		srcs[f] = string(b)
	}
	for name, src := range srcs {
		skipped := 0
		sk, rd := New(src, name), New(src, name)
		for {
			start, ok := sk.SkipAtmosphere()
			if !ok || start >= len(src) {
				break
			}
			end, ok := sk.Skip()
			if _, err := rd.Read(); err != nil {
				if ok {
					t.Errorf("%s: Skip skipped [%d, %d), which Read cannot read: %v", name, start, end, err)
				}
				break
			}
			if !ok {
				if end != start || sk.Offset() != start {
					t.Errorf("%s: Skip declined at %d but moved to %d", name, start, sk.Offset())
				}
				sk.Seek(rd.Offset())
				continue
			}
			skipped++
			if end != rd.Offset() || sk.Offset() != end {
				t.Errorf("%s: Skip ended the datum at %d at %d, Read at %d", name, start, end, rd.Offset())
				break
			}
		}
		if skipped == 0 && name != "labels" && name != "bad" {
			t.Errorf("%s: nothing skipped", name)
		}
	}
}

// TestNewAtReadsLikeNew checks that a reader started in the middle of a
// source gives the positions a reader of the whole source gives.
func TestNewAtReadsLikeNew(t *testing.T) {
	src := "(a\n  (b c))\n\n  (d\n   (e))"
	whole := New(src, "f.scm")
	whole.Read()
	want, _ := whole.Read()
	off := 14
	at := NewAt(src, off, len(src), whole.PosAt(off))
	got, err := at.Read()
	if err != nil {
		t.Fatal(err)
	}
	if at.Pos() != whole.Pos() {
		t.Errorf("datum at %v, want %v", at.Pos(), whole.Pos())
	}
	inner := want.(*value.Pair).Cdr.(*value.Pair).Car.(*value.Pair)
	gotInner := got.(*value.Pair).Cdr.(*value.Pair).Car.(*value.Pair)
	if at.SourceMap()[gotInner] != whole.SourceMap()[inner] {
		t.Errorf("inner list at %v, want %v", at.SourceMap()[gotInner], whole.SourceMap()[inner])
	}
}

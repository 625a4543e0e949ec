package prims

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// TestFoldRuneClasses checks foldRune against the case-insensitive classes
// of unicode.SimpleFold: every member of a class folds to the same
// character, which is in the class, and folding is idempotent.
func TestFoldRuneClasses(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		f := foldRune(r)
		if foldRune(f) != f {
			t.Errorf("foldRune(%U) = %U, which folds to %U", r, f, foldRune(f))
		}
		inClass := f == r
		for o := unicode.SimpleFold(r); o != r; o = unicode.SimpleFold(o) {
			if foldRune(o) != f {
				t.Errorf("%U folds to %U but %U, in its class, to %U", r, f, o, foldRune(o))
			}
			inClass = inClass || o == f
		}
		if !inClass {
			t.Errorf("foldRune(%U) = %U, outside its case class", r, f)
		}
	}
}

// TestFoldRuneCaseFoldingTxt compares foldRune with the C and S entries of
// the Unicode data file, when the system has it (Debian: unicode-data).
func TestFoldRuneCaseFoldingTxt(t *testing.T) {
	f, err := os.Open("/usr/share/unicode/CaseFolding.txt")
	if err != nil {
		t.Skip("no CaseFolding.txt:", err)
	}
	defer f.Close()
	want := map[rune]rune{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		fs := strings.Split(line, ";")
		if len(fs) < 3 {
			continue
		}
		status := strings.TrimSpace(fs[1])
		if status != "C" && status != "S" {
			continue
		}
		from, _ := strconv.ParseUint(strings.TrimSpace(fs[0]), 16, 32)
		to, _ := strconv.ParseUint(strings.TrimSpace(fs[2]), 16, 32)
		want[rune(from)] = rune(to)
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		w, ok := want[r]
		if !ok {
			w = r
		}
		if got := foldRune(r); got != w {
			t.Errorf("foldRune(%U) = %U, CaseFolding.txt says %U", r, got, w)
		}
	}
}

func TestDigitValue(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		d := digitValue(r)
		if unicode.IsDigit(r) != (d >= 0) {
			t.Errorf("digitValue(%U) = %d, IsDigit %v", r, d, unicode.IsDigit(r))
		}
		if d > 0 && digitValue(r-1) != d-1 {
			t.Errorf("digitValue(%U) = %d but digitValue(%U) = %d", r, d, r-1, digitValue(r-1))
		}
	}
	for r, want := range map[rune]int{'7': 7, 0x664: 4, 0xAE6: 0, 0x1D7CE: 0, 0x1D7D8: 0, 0x1D7E1: 9, 0x1D7FF: 9, 0xFF15: 5} {
		if got := digitValue(r); got != want {
			t.Errorf("digitValue(%U) = %d, want %d", r, got, want)
		}
	}
}

func TestFullCaseMapping(t *testing.T) {
	for _, c := range []struct {
		f        func([]rune) []rune
		in, want string
	}{
		{upcaseRunes, "straße", "STRASSE"},
		{upcaseRunes, "ﬁx ŉ", "FIX ʼN"},
		{downcaseRunes, "İ", "i̇"},
		{downcaseRunes, "ΟΔΟΣ ΣΟΦΟΣ.", "οδος σοφος."},
		{downcaseRunes, "Σ", "σ"},
		{downcaseRunes, "ΑΣ'Α", "ασ'α"},
		{foldRunes, "Straße ẞ", "strasse ss"},
		{foldRunes, "ΣΑΣ", "σασ"},
	} {
		if got := string(c.f([]rune(c.in))); got != c.want {
			t.Errorf("%q -> %q, want %q", c.in, got, c.want)
		}
	}
}

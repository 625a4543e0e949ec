package value

import (
	"math"
	"math/big"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in    string
		radix int
		want  string // write form; "" means not a number
		typ   string // "fix", "big", "rat", "flo", "cpx" (checked when set)
	}{
		{"0", 10, "0", "fix"},
		{"42", 10, "42", "fix"},
		{"-42", 10, "-42", "fix"},
		{"+42", 10, "42", "fix"},
		{"007", 10, "7", "fix"},
		{"9223372036854775807", 10, "9223372036854775807", "fix"},
		{"-9223372036854775808", 10, "-9223372036854775808", "fix"},
		{"9223372036854775808", 10, "9223372036854775808", "big"},
		{"-9223372036854775809", 10, "-9223372036854775809", "big"},
		{"123456789012345678901234567890", 10, "123456789012345678901234567890", "big"},
		{"000000000000000000000000000001", 10, "1", "fix"},
		{"1.5", 10, "1.5", "flo"},
		{"-1.5", 10, "-1.5", "flo"},
		{".5", 10, "0.5", "flo"},
		{"+.5", 10, "0.5", "flo"},
		{"-.5", 10, "-0.5", "flo"},
		{"5.", 10, "5.0", "flo"},
		{"1e3", 10, "1000.0", "flo"},
		{"1E3", 10, "1000.0", "flo"},
		{"1.5e-3", 10, "0.0015", "flo"},
		{"1.5e+3", 10, "1500.0", "flo"},
		{"1e400", 10, "+inf.0", "flo"},
		{"-1e400", 10, "-inf.0", "flo"},
		{"1e-400", 10, "0.0", "flo"},
		{"1/3", 10, "1/3", "rat"},
		{"-1/3", 10, "-1/3", "rat"},
		{"6/3", 10, "2", "fix"},
		{"6/4", 10, "3/2", "rat"},
		{"0/5", 10, "0", "fix"},
		{"100000000000000000000/3", 10, "100000000000000000000/3", "rat"},
		{"100000000000000000000/100000000000000000000", 10, "1", "fix"},
		{"+inf.0", 10, "+inf.0", "flo"},
		{"-inf.0", 10, "-inf.0", "flo"},
		{"+INF.0", 10, "+inf.0", "flo"},
		{"+nan.0", 10, "+nan.0", "flo"},
		{"-nan.0", 10, "+nan.0", "flo"},
		{"#x10", 10, "16", "fix"},
		{"#X10", 10, "16", "fix"},
		{"#xff", 10, "255", "fix"},
		{"#xFF", 10, "255", "fix"},
		{"#x-ff", 10, "-255", "fix"},
		{"#x+ff", 10, "255", "fix"},
		{"#xffffffffffffffff", 10, "18446744073709551615", "big"},
		{"#x7fffffffffffffff", 10, "9223372036854775807", "fix"},
		{"#xfffffffffffffff", 10, "1152921504606846975", "fix"},
		{"#b101", 10, "5", "fix"},
		{"#B-101", 10, "-5", "fix"},
		{"#o17", 10, "15", "fix"},
		{"#d17", 16, "17", "fix"},
		{"#x1/2", 10, "1/2", "rat"},
		{"#xa/c", 10, "5/6", "rat"},
		{"#e1.5", 10, "3/2", "rat"},
		{"#E1.5", 10, "3/2", "rat"},
		{"#e1.2", 10, "6/5", "rat"},
		{"#e.5", 10, "1/2", "rat"},
		{"#e1e3", 10, "1000", "fix"},
		{"#e1e30", 10, "1000000000000000000000000000000", "big"},
		{"#e1.5e-1", 10, "3/20", "rat"},
		{"#e-2.", 10, "-2", "fix"},
		{"#e5", 10, "5", "fix"},
		{"#e1/2", 10, "1/2", "rat"},
		{"#i1/3", 10, "0.3333333333333333", "flo"},
		{"#i5", 10, "5.0", "flo"},
		{"#i-5", 10, "-5.0", "flo"},
		{"#i1.5", 10, "1.5", "flo"},
		{"#i+inf.0", 10, "+inf.0", "flo"},
		{"#i100000000000000000000", 10, "100000000000000000000.0", "flo"},
		{"#e#x10", 10, "16", "fix"},
		{"#x#e10", 10, "16", "fix"},
		{"#i#x10", 10, "16.0", "flo"},
		{"#x#i10", 10, "16.0", "flo"},
		{"#e#b-1/10", 10, "-1/2", "rat"},
		{"ff", 16, "255", "fix"},
		{"-ff", 16, "-255", "fix"},
		{"101", 2, "5", "fix"},
		{"1e3", 16, "483", "fix"},
		// Not numbers.
		{"", 10, "", ""},
		{"+", 10, "", ""},
		{"-", 10, "", ""},
		{".", 10, "", ""},
		{"...", 10, "", ""},
		{"1+", 10, "", ""},
		{"abc", 10, "", ""},
		{"1/0", 10, "", ""},
		{"#e1/0", 10, "", ""},
		{"#i1/0", 10, "", ""},
		{"1/", 10, "", ""},
		{"/2", 10, "", ""},
		{"1/-2", 10, "", ""},
		{"1/2.5", 10, "", ""},
		{"1.5/2", 10, "", ""},
		{"1e", 10, "", ""},
		{"1e+", 10, "", ""},
		{"e3", 10, "", ""},
		{".e3", 10, "", ""},
		{"1.2.3", 10, "", ""},
		{"1..2", 10, "", ""},
		{"--1", 10, "", ""},
		{"+-1", 10, "", ""},
		{"1d3", 10, "1000.0", "flo"},
		{"1s3", 10, "1000.0", "flo"},
		{"1f3", 10, "1000.0", "flo"},
		{"1l3", 10, "1000.0", "flo"},
		{"1S2", 10, "100.0", "flo"},
		{"1F2", 10, "100.0", "flo"},
		{"1D2", 10, "100.0", "flo"},
		{"1L2", 10, "100.0", "flo"},
		{"1.5d-1", 10, "0.15", "flo"},
		{"#e1.5s1", 10, "15", "fix"},
		{"1d", 10, "", ""},
		{"1x3", 10, "", ""},
		{"1e2d3", 10, "", ""},
		{"1_000", 10, "", ""},
		{"0x10", 10, "", ""},
		{"inf", 10, "", ""},
		{"inf.0", 10, "", ""},
		{"nan.0", 10, "", ""},
		{"+inf.00", 10, "", ""},
		{"+infinity", 10, "", ""},
		{"#e+inf.0", 10, "", ""},
		{"#e+nan.0", 10, "", ""},
		{"#x1.5", 10, "", ""},
		{"#b102", 10, "", ""},
		{"#o8", 10, "", ""},
		{"#xZZ", 10, "", ""},
		{"#x", 10, "", ""},
		{"#", 10, "", ""},
		{"#x#x10", 10, "", ""},
		{"#e#i10", 10, "", ""},
		{"#q10", 10, "", ""},
		{"1+2i", 10, "1+2i", "cpx"},
		{"+i", 10, "+i", "cpx"},
		{"-i", 10, "-i", "cpx"},
		{"+I", 10, "+i", "cpx"},
		{"1@2", 10, "-0.4161468365471424+0.9092974268256816i", "cpx"},
		{"1@0", 10, "1", "fix"},
		{"-2.5+0.0i", 10, "-2.5+0.0i", "cpx"},
		{"-2.5+0i", 10, "-2.5", "flo"},
		{"3+0i", 10, "3", "fix"},
		{"3.0+inf.0i", 10, "3.0+inf.0i", "cpx"},
		{"+inf.0i", 10, "+inf.0i", "cpx"},
		{"-inf.0-nan.0i", 10, "-inf.0+nan.0i", "cpx"},
		{"1/2-3/4i", 10, "1/2-3/4i", "cpx"},
		{"-1.0-0.5i", 10, "-1.0-0.5i", "cpx"},
		{"1e-5+2i", 10, "0.00001+2.0i", "cpx"},
		{"1e2-1e2i", 10, "100.0-100.0i", "cpx"},
		{"+2i", 10, "+2i", "cpx"},
		{"1+2.0i", 10, "1.0+2.0i", "cpx"},
		{"#d10+11i", 10, "10+11i", "cpx"},
		{"#x1+2i", 10, "1+2i", "cpx"},
		{"#x1e+fi", 10, "30+15i", "cpx"},
		{"#b-1-10i", 10, "-1-2i", "cpx"},
		{"#e1.5+2i", 10, "3/2+2i", "cpx"},
		{"#i1+2i", 10, "1.0+2.0i", "cpx"},
		{"#i+i", 10, "+1.0i", "cpx"},
		{"#e1@0", 10, "1", "fix"},
		{"#i1@0", 10, "1.0", "flo"},
		{"#i1+0i", 10, "1.0", "flo"},
		{"#i1/2+0.0i", 10, "0.5+0.0i", "cpx"},
		{"#i1/2-1/4i", 10, "0.5-0.25i", "cpx"},
		{"1.0@0", 10, "1.0", "flo"},
		{"1@0.0", 10, "1.0+0.0i", "cpx"},
		{"#e2.0@0.0", 10, "2", "fix"},
		{"1+fi", 16, "1+15i", "cpx"},
		{"i", 10, "", ""},
		{"1i", 10, "", ""},
		{"1+i2", 10, "", ""},
		{"1++i", 10, "", ""},
		{"1+2", 10, "", ""},
		{"1+2ii", 10, "", ""},
		{"++i", 10, "", ""},
		{"1+2j", 10, "", ""},
		{"1@", 10, "", ""},
		{"@1", 10, "", ""},
		{"1@2@3", 10, "", ""},
		{"1@+i", 10, "", ""},
		{"1+2i@3", 10, "", ""},
		{"#e+inf.0i", 10, "", ""},
		{"1/0+i", 10, "", ""},
		{"+nan.0abci", 10, "", ""},
		{"1.5", 16, "", ""},
		{" 1", 10, "", ""},
		{"1 ", 10, "", ""},
		{"#e1e1000000", 10, "", ""},
	}
	for _, tt := range tests {
		v, ok := ParseNumber(tt.in, tt.radix)
		got := ""
		if ok {
			got = WriteString(v)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("ParseNumber(%q, %d) mismatch (-want +got):\n%s", tt.in, tt.radix, diff)
			continue
		}
		if !ok || tt.typ == "" {
			continue
		}
		var typ string
		switch v.(type) {
		case Fixnum:
			typ = "fix"
		case *big.Int:
			typ = "big"
		case *big.Rat:
			typ = "rat"
		case Flonum:
			typ = "flo"
		case *Complex:
			typ = "cpx"
		}
		if diff := cmp.Diff(tt.typ, typ); diff != "" {
			t.Errorf("ParseNumber(%q) type mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestParseNumberExactDecimal(t *testing.T) {
	// #e uses exact decimal conversion, not a float round trip.
	v, ok := ParseNumber("#e0.1", 10)
	if !ok {
		t.Fatal("#e0.1 not a number")
	}
	if diff := cmp.Diff("1/10", WriteString(v)); diff != "" {
		t.Error(diff)
	}
	v, ok = ParseNumber("#e1e400", 10)
	if !ok {
		t.Fatal("#e1e400 not a number")
	}
	want := new(big.Int).Exp(big.NewInt(10), big.NewInt(400), nil)
	if b, ok := v.(*big.Int); !ok || b.Cmp(want) != 0 {
		t.Errorf("#e1e400 = %v", v)
	}
}

func TestParseNumberSpecials(t *testing.T) {
	v, _ := ParseNumber("-0.0", 10)
	if f, ok := v.(Flonum); !ok || f != 0 || !math.Signbit(float64(f)) {
		t.Errorf("-0.0 = %v, want negative zero", v)
	}
	v, _ = ParseNumber("+nan.0", 10)
	if f, ok := v.(Flonum); !ok || !math.IsNaN(float64(f)) {
		t.Errorf("+nan.0 = %v", v)
	}
	// Normalisation: the result of NormRat/NormBig, never an integral Rat.
	v, _ = ParseNumber("#x-8000000000000000", 10)
	if diff := cmp.Diff(Value(Fixnum(math.MinInt64)), v); diff != "" {
		t.Error(diff)
	}
}

func TestSymbolTextUsesParseNumber(t *testing.T) {
	// The printer bars symbols that would read back as numbers.
	for in, want := range map[string]string{
		"1":   "|1|",
		"1+":  "1+",
		"+":   "+",
		"...": "...",
		"1/2": "|1/2|",
		"1/0": "1/0",
		".5":  "|.5|",
		// Complex numbers, and symbols other readers take for numbers.
		"+i":        "|+i|",
		"-i":        "|-i|",
		"1+2i":      "|1+2i|",
		"1@2":       "|1@2|",
		"i":         "i",
		"+NaN.0abc": "|+NaN.0abc|",
		"-inf.0x":   "|-inf.0x|",
		"+inf.0":    "|+inf.0|",
		"+inf":      "+inf",
		`\123`:      `|\\123|`,
		"":          "||",
		"a b":       "|a b|",
	} {
		if diff := cmp.Diff(want, SymbolText(in)); diff != "" {
			t.Errorf("SymbolText(%q): %s", in, diff)
		}
	}
}

func BenchmarkParseNumber(b *testing.B) {
	for i := 0; i < b.N; i++ {
		ParseNumber("12345", 10)
		ParseNumber("-1.5e10", 10)
		ParseNumber("foo", 10)
	}
}

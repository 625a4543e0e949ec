package reader

import (
	"errors"
	"io"
	"math/big"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"contigo/value"
)

// readAll reads every datum of src.
func readAll(src, file string) ([]value.Value, value.SourceMap, error) {
	r := New(src, file)
	var out []value.Value
	for {
		v, err := r.Read()
		if err == io.EOF {
			return out, r.smap, nil
		}
		if err != nil {
			return out, r.smap, err
		}
		out = append(out, v)
	}
}

// readStrings reads all of src and returns the write form of each datum.
func readStrings(t *testing.T, src string) []string {
	t.Helper()
	vals, _, err := readAll(src, "test.scm")
	if err != nil {
		t.Fatalf("readAll(%q): %v", src, err)
	}
	out := []string{}
	for _, v := range vals {
		out = append(out, value.WriteString(v))
	}
	return out
}

func TestRead(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		// Atoms.
		{"", []string{}},
		{"   \n\t ", []string{}},
		{"42", []string{"42"}},
		{"-17 +5", []string{"-17", "5"}},
		{"123456789012345678901234567890", []string{"123456789012345678901234567890"}},
		{"1.5 .5 5. -2.5e3", []string{"1.5", "0.5", "5.0", "-2500.0"}},
		{"1/3 6/3 -4/6", []string{"1/3", "2", "-2/3"}},
		{"#x1F #XFF #b101 #o17 #d10 #x-ff", []string{"31", "255", "5", "15", "10", "-255"}},
		{"#e1.5 #i1/2 #e#x10 #x#e10 #i#b1", []string{"3/2", "0.5", "16", "16", "1.0"}},
		{"+inf.0 -inf.0 +nan.0", []string{"+inf.0", "-inf.0", "+nan.0"}},
		{"#t #f #true #false #T #FALSE", []string{"#t", "#f", "#t", "#f", "#t", "#f"}},
		{"abc ABC λx list->vector <=? a.b", []string{"abc", "ABC", "λx", "list->vector", "<=?", "a.b"}},
		{"+ - ... ->x +.foo -a +a .foo ..", []string{"+", "-", "...", "->x", "+.foo", "-a", "+a", ".foo", ".."}},
		{"1+ 1- 2x 1/0", []string{"1+", "1-", "2x", "1/0"}},
		{"a#b a@b !$%&*/:<=>?^_~", []string{"a#b", "a@b", "!$%&*/:<=>?^_~"}},
		{"|two words| |a\\|b| |H\\x65;llo| || |\\t|", []string{"|two words|", `|a\|b|`, "Hello", "||", `|\x9;|`}},
		{"|foo|bar", []string{"foo", "bar"}},
		{"|1|", []string{"|1|"}},
		// Strings.
		{`"hello"`, []string{`"hello"`}},
		{`""`, []string{`""`}},
		{`"a\"b\\c"`, []string{`"a\"b\\c"`}},
		{`"\a\b\t\n\r\|"`, []string{`"\a\b\t\n\r|"`}},
		{`"\x41;\x3bb;\X42;"`, []string{`"AλB"`}},
		{"\"ab\\  \n   cd\"", []string{`"abcd"`}},
		{"\"ab\\\n\tcd\"", []string{`"abcd"`}},
		{"\"ab\\\r\n  cd\"", []string{`"abcd"`}},
		{"\"line1\nline2\"", []string{`"line1\nline2"`}},
		{`"héllo wörld"`, []string{`"héllo wörld"`}},
		{`"é\n"`, []string{`"é\n"`}},
		// Characters.
		{`#\a #\A #\space #\newline #\tab #\nul #\null #\alarm`, []string{`#\a`, `#\A`, `#\space`, `#\newline`, `#\tab`, `#\null`, `#\null`, `#\alarm`}},
		{`#\backspace #\delete #\escape #\return`, []string{`#\backspace`, `#\delete`, `#\escape`, `#\return`}},
		{`#\x41 #\x #\X #\x3bb #\xA`, []string{`#\A`, `#\x`, `#\X`, `#\λ`, `#\newline`}},
		{`#\( #\) #\; #\" #\| #\\ #\'`, []string{`#\(`, `#\)`, `#\;`, `#\"`, `#\|`, `#\\`, `#\'`}},
		{`#\ x`, []string{`#\space`, "x"}},
		{`(#\a)`, []string{`(#\a)`}},
		{`#\((a)`, []string{`#\(`, "(a)"}},
		{`#\λ`, []string{`#\λ`}},
		// Lists and pairs.
		{"()", []string{"()"}},
		{"(a b c)", []string{"(a b c)"}},
		{"(a (b (c)) ())", []string{"(a (b (c)) ())"}},
		{"(a . b)", []string{"(a . b)"}},
		{"(a b . c)", []string{"(a b . c)"}},
		{"(a . (b c))", []string{"(a b c)"}},
		{"(a .b)", []string{"(a .b)"}},
		{"[a b]", []string{"(a b)"}},
		{"(a [b (c)] d)", []string{"(a (b (c)) d)"}},
		{"(a)(b)", []string{"(a)", "(b)"}},
		{"(1 2)3", []string{"(1 2)", "3"}},
		// Vectors and bytevectors.
		{"#()", []string{"#()"}},
		{"#(1 #(2) (3) \"x\")", []string{`#(1 #(2) (3) "x")`}},
		{"#u8()", []string{"#u8()"}},
		{"#u8(0 1 255)", []string{"#u8(0 1 255)"}},
		{"#U8(#xff)", []string{"#u8(255)"}},
		{"#(#u8(1) #(#()))", []string{"#(#u8(1) #(#()))"}},
		{"#(1 #;2 3) #u8(1 #;2 3)", []string{"#(1 3)", "#u8(1 3)"}},
		// Abbreviations.
		{"'a", []string{"'a"}},
		{"'(a b)", []string{"'(a b)"}},
		{"`(a ,b ,@c)", []string{"`(a ,b ,@c)"}},
		{"''a", []string{"''a"}},
		{"' a", []string{"'a"}},
		{"', @a", []string{"', @a"}}, // (unquote @a): ,@a would read as unquote-splicing
		{"(quote a b)", []string{"(quote a b)"}},
		{"a'b", []string{"a", "'b"}},
		{"'#(1)", []string{"'#(1)"}},
		// Comments.
		{"; comment\na ; another\nb", []string{"a", "b"}},
		{"a;comment", []string{"a"}},
		{"#| block |# a", []string{"a"}},
		{"#| outer #| inner |# still |# a", []string{"a"}},
		{"a #||#b", []string{"a", "b"}},
		{"a #||# b", []string{"a", "b"}},
		{"#;a b", []string{"b"}},
		{"#; a b", []string{"b"}},
		{"#;(a (b)) c", []string{"c"}},
		{"#; #; a b c", []string{"c"}},
		{"(a #;b c)", []string{"(a c)"}},
		{"(a #;b)", []string{"(a)"}},
		{"(a . #;b c)", []string{"(a . c)"}},
		{"(a . b #;c)", []string{"(a . b)"}},
		{"#;'a b", []string{"b"}},
		{"'#;a b", []string{"'b"}},
		{"#;#0=(a) b", []string{"b"}},
		{"#; a", []string{}},
		{"#|\n(define x 1)\n|#", []string{}},
		{"(a\n;; comment )\n b)", []string{"(a b)"}},
		// Directives.
		{"#!/usr/bin/env contigo\n(display 1)", []string{"(display 1)"}},
		{"#! /bin/sh\nx", []string{"x"}},
		{"#!fold-case ABC #\\SPACE |Foo| \"Str\"", []string{"abc", `#\space`, "Foo", `"Str"`}},
		{"#!fold-case A #!no-fold-case A", []string{"a", "A"}},
		{"#!fold-case #\\A ΣΑΣ Straße", []string{`#\A`, "σασ", "straße"}},
		{"#!fold-case #X1F", []string{"31"}},
		// Datum labels without cycles.
		{"(#0=(a) #0#)", []string{"((a) (a))"}},
		{"#1=(x #1# . #1#)", []string{"#0=(x #0# . #0#)"}},
		{"#0=#(1 #0#)", []string{"#0=#(1 #0#)"}},
		{"(#0=a #0#)", []string{"(a a)"}},
		{"#0='#0#", []string{"#0='#0#"}},
		// Mixed.
		{"(define (f x) (* x 2)) (f 21)", []string{"(define (f x) (* x 2))", "(f 21)"}},
		{"\ufeff(a)", []string{"(a)"}},
		{"a\u00a0b", []string{"a", "b"}},
	}
	for _, tt := range tests {
		got := readStrings(t, tt.in)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("read %q mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestReadTypes(t *testing.T) {
	vals, _, err := readAll(`"abc" #\x #(1) #u8(2) sym 1 1.0 1/2 100000000000000000000 () #t`, "")
	if err != nil {
		t.Fatal(err)
	}
	types := []string{}
	for _, v := range vals {
		var s string
		switch v.(type) {
		case *value.String:
			s = "string"
		case value.Char:
			s = "char"
		case *value.Vector:
			s = "vector"
		case *value.Bytevector:
			s = "bytevector"
		case *value.Symbol:
			s = "symbol"
		case value.Fixnum:
			s = "fixnum"
		case value.Flonum:
			s = "flonum"
		case *big.Rat:
			s = "ratio"
		case *big.Int:
			s = "bignum"
		case *value.Empty:
			s = "nil"
		case bool:
			s = "bool"
		default:
			s = "?"
		}
		types = append(types, s)
	}
	want := []string{"string", "char", "vector", "bytevector", "symbol", "fixnum", "flonum", "ratio", "bignum", "nil", "bool"}
	if diff := cmp.Diff(want, types); diff != "" {
		t.Error(diff)
	}
	if vals[4] != value.Value(value.Intern("sym")) {
		t.Error("symbol not interned")
	}
	if diff := cmp.Diff([]rune("abc"), vals[0].(*value.String).R); diff != "" {
		t.Error(diff)
	}
}

type posT struct {
	File      string
	Line, Col int32
}

func toPosT(p value.Pos) posT {
	f := "<nil>"
	if p.File != nil {
		f = *p.File
	}
	return posT{f, p.Line, p.Col}
}

func TestPositions(t *testing.T) {
	src := "(define (f x)\n  (+ x 'y))\n  `(λλ ,z)\n#(a (b))"
	r := New(src, "pos.scm")
	var data []value.Value
	for {
		v, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		data = append(data, v)
	}
	sm := r.SourceMap()
	at := func(v value.Value) posT {
		t.Helper()
		p, ok := sm.Lookup(v)
		if !ok {
			t.Fatalf("no position for %s", value.WriteString(v))
		}
		return toPosT(p)
	}
	first := data[0].(*value.Pair)
	fx := first.Cdr.(*value.Pair)                      // ((f x) (+ x 'y))
	body := fx.Cdr.(*value.Pair)                       // ((+ x 'y))
	plus := body.Car.(*value.Pair)                     // (+ x 'y)
	quoteY := plus.Cdr.(*value.Pair).Cdr.(*value.Pair) // ('y)
	qq := data[1].(*value.Pair)
	qqInner := qq.Cdr.(*value.Pair).Car.(*value.Pair) // (λλ ,z)
	unq := qqInner.Cdr.(*value.Pair)                  // (,z)
	tests := []struct {
		name string
		v    value.Value
		want posT
	}{
		{"define form", first, posT{"pos.scm", 1, 1}},
		{"spine (f x)", fx, posT{"pos.scm", 1, 9}},
		{"(f x)", fx.Car, posT{"pos.scm", 1, 9}},
		{"f x spine", fx.Car.(*value.Pair).Cdr, posT{"pos.scm", 1, 12}},
		{"body spine", body, posT{"pos.scm", 2, 3}},
		{"(+ x 'y)", plus, posT{"pos.scm", 2, 3}},
		{"x spine", plus.Cdr, posT{"pos.scm", 2, 6}},
		{"'y spine", quoteY, posT{"pos.scm", 2, 8}},
		{"'y", quoteY.Car, posT{"pos.scm", 2, 8}},
		{"y in quote", quoteY.Car.(*value.Pair).Cdr, posT{"pos.scm", 2, 9}},
		{"quasiquote", qq, posT{"pos.scm", 3, 3}},
		{"(λλ ,z)", qqInner, posT{"pos.scm", 3, 4}},
		{",z spine (runes)", unq, posT{"pos.scm", 3, 8}},
		{",z", unq.Car, posT{"pos.scm", 3, 8}},
		{"(b) in vector", data[2].(*value.Vector).Items[1], posT{"pos.scm", 4, 5}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, at(tt.v)); diff != "" {
			t.Errorf("%s: position mismatch (-want +got):\n%s", tt.name, diff)
		}
	}
	// All positions share one copy of the file name.
	p1, _ := sm.Lookup(first)
	p2, _ := sm.Lookup(qq)
	if p1.File != p2.File {
		t.Error("positions do not share the file name")
	}
	// Every pair read is in the map.
	count := 0
	for range sm {
		count++
	}
	// define form: 3 spine + (f x) 2 + (+ x 'y) 3 + 'y 2 = 10; `(λλ ,z): 2 + 2 + 2 = 6; (b) 1.
	if diff := cmp.Diff(17, count); diff != "" {
		t.Errorf("pairs in source map: %s", diff)
	}
}

func TestPositionsAfterBOMAndScript(t *testing.T) {
	_, sm, err := readAll("\ufeff#!/usr/bin/env contigo\n  (a)", "s")
	if err != nil {
		t.Fatal(err)
	}
	for p, pos := range sm {
		if diff := cmp.Diff(posT{"s", 2, 3}, toPosT(pos)); diff != "" {
			t.Errorf("%s: %s", value.WriteString(p), diff)
		}
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		in         string
		msg        string
		line, col  int32
		incomplete bool
	}{
		{")", "unexpected ')'", 1, 1, false},
		{"(a))", "unexpected ')'", 1, 4, false},
		{"  ]", "unexpected ']'", 1, 3, false},
		{"(a]", "unexpected ']' (expected ')')", 1, 3, false},
		{"[a)", "unexpected ')' (expected ']')", 1, 3, false},
		{"#(a]", "unexpected ']' (expected ')')", 1, 4, false},
		{"{a}", "unexpected '{'", 1, 1, false},
		{"'}", "unexpected '}'", 1, 2, false},
		{"(a ')", "unexpected ')'", 1, 5, false},
		{"(#;)", "unexpected ')'", 1, 4, false},
		{"( . x)", "bad dotted list", 1, 3, false},
		{"(a . )", "bad dotted list", 1, 6, false},
		{"(a . b c)", "bad dotted list", 1, 8, false},
		{"(a . b . c)", "bad dotted list", 1, 8, false},
		{"(a . . b)", "bad dotted list", 1, 6, false},
		{".", "unexpected '.'", 1, 1, false},
		{"#(a . b)", "unexpected '.'", 1, 5, false},
		{"'.", "unexpected '.'", 1, 2, false},
		{`"a\qb"`, `bad escape \q in string`, 1, 3, false},
		{"\"ab\n\\q\"", `bad escape \q in string`, 2, 1, false},
		{`"é\q"`, `bad escape \q in string`, 1, 3, false},
		{`"\x41"`, `bad hex escape \x41 in string (expected \x<hex>;)`, 1, 2, false},
		{`"\x;"`, `bad hex escape \x in string (expected \x<hex>;)`, 1, 2, false},
		{`"\xD800;"`, `bad hex escape \xD800; in string (not a Unicode scalar value)`, 1, 2, false},
		{`"\x110000;"`, `bad hex escape \x110000; in string (not a Unicode scalar value)`, 1, 2, false},
		{"\"a\\  b\"", `bad escape \ followed by whitespace in string (expected a line continuation)`, 1, 3, false},
		{`|a\qb|`, `bad escape \q in symbol`, 1, 3, false},
		{`#\foo`, `unknown character name #\foo`, 1, 1, false},
		{`(x #\SPACE)`, `unknown character name #\SPACE`, 1, 4, false},
		{`#\xD800`, `bad character #\xD800`, 1, 1, false},
		{`#\x110000`, `bad character #\x110000`, 1, 1, false},
		{`#\xyz`, `unknown character name #\xyz`, 1, 1, false},
		{"#xZZ", "bad number syntax #xZZ", 1, 1, false},
		{"  #b102", "bad number syntax #b102", 1, 3, false},
		{"#x1.5", "bad number syntax #x1.5", 1, 1, false},
		{"#e+inf.0", "bad number syntax #e+inf.0", 1, 1, false},
		{"#tru", "bad syntax #tru", 1, 1, false},
		{"#foo", "bad syntax #foo", 1, 1, false},
		{"#u9(1)", "bad syntax #u9", 1, 1, false},
		{"# a", "unexpected '#'", 1, 1, false},
		{"(#)", "unexpected '#'", 1, 2, false},
		{"#u8(256)", "bad bytevector element 256", 1, 5, false},
		{"#u8(1 -1)", "bad bytevector element -1", 1, 7, false},
		{"#u8(1.0)", "bad bytevector element 1.0", 1, 5, false},
		{"#u8(a)", "bad bytevector element a", 1, 5, false},
		{"#u8((1))", "bad bytevector element (1)", 1, 5, false},
		{" #!foo", "unknown directive #!foo", 1, 2, false},
		{"a #!/bin/sh", "unknown directive #!/bin/sh", 1, 3, false},
		{"#0#", "undefined datum label #0#", 1, 1, false},
		{"(#0=a #1#)", "undefined datum label #1#", 1, 7, false},
		{"(#0=a #0=b)", "duplicate datum label #0=", 1, 7, false},
		{"#0=#0#", "datum label #0= refers only to itself", 1, 4, false},
		{"#0x", "bad syntax #0x", 1, 1, false},
		{"#99999999999=a", "datum label too large #99999999999=a", 1, 1, false},
		// Incomplete input.
		{"(", "unterminated list", 1, 1, true},
		{"(a b", "unterminated list", 1, 1, true},
		{"(a (b c)\n  (d", "unterminated list", 2, 3, true},
		{"[a", "unterminated list", 1, 1, true},
		{"(a .", "unterminated list", 1, 1, true},
		{"#(1", "unterminated vector", 1, 1, true},
		{"#u8(1", "unterminated bytevector", 1, 1, true},
		{`"abc`, "unterminated string", 1, 1, true},
		{"x \"abc\\", "unterminated string", 1, 3, true},
		{`"\x41`, "unterminated string", 1, 1, true},
		{"\"a\\  ", "unterminated string", 1, 1, true},
		{"|abc", "unterminated |symbol|", 1, 1, true},
		{"#| abc", "unterminated block comment", 1, 1, true},
		{"#| #| |# ", "unterminated block comment", 1, 1, true},
		{"(a #| x", "unterminated block comment", 1, 4, true},
		{"'", "unexpected end of input after '", 1, 1, true},
		{"`", "unexpected end of input after `", 1, 1, true},
		{",", "unexpected end of input after ,", 1, 1, true},
		{",@", "unexpected end of input after ,@", 1, 1, true},
		{"' ; comment", "unexpected end of input after '", 1, 1, true},
		{"#;", "unexpected end of input after #;", 1, 1, true},
		{"#; #; a", "unexpected end of input after #;", 1, 1, true},
		{"(a #;", "unexpected end of input after #;", 1, 4, true},
		{"#0=", "unexpected end of input after #0=", 1, 1, true},
		{"#", "unexpected end of input after #", 1, 1, true},
		{`#\`, `unexpected end of input after #\`, 1, 1, true},
		{"#u", "unexpected end of input after #u", 1, 1, true},
		{"#u8", "unexpected end of input after #u8", 1, 1, true},
		{"#12", "unexpected end of input after #12", 1, 1, true},
	}
	for _, tt := range tests {
		r := New(tt.in, "err.scm")
		var err error
		for err == nil {
			_, err = r.Read()
		}
		if err == io.EOF {
			t.Errorf("read %q: no error", tt.in)
			continue
		}
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("read %q: error %T %v is not *Error", tt.in, err, err)
			continue
		}
		type result struct {
			Msg        string
			Pos        posT
			Incomplete bool
			IsIncompl  bool
		}
		want := result{tt.msg, posT{"err.scm", tt.line, tt.col}, tt.incomplete, tt.incomplete}
		got := result{e.Msg, toPosT(e.Pos), e.Incomplete, errors.Is(err, ErrIncomplete)}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("read %q: error mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestErrorString(t *testing.T) {
	_, _, err := readAll("\n  )", "f.scm")
	if diff := cmp.Diff("f.scm:2:3: unexpected ')'", err.Error()); diff != "" {
		t.Error(diff)
	}
	_, _, err = readAll(")", "")
	if diff := cmp.Diff("<input>:1:1: unexpected ')'", err.Error()); diff != "" {
		t.Error(diff)
	}
	if errors.Is(err, ErrIncomplete) {
		t.Error("complete error matches ErrIncomplete")
	}
}

func TestReadAfterError(t *testing.T) {
	// The reader moves past the offending text, so reading goes on.
	r := New(") a", "")
	if _, err := r.Read(); err == nil {
		t.Fatal("no error")
	}
	v, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff("a", value.WriteString(v)); diff != "" {
		t.Error(diff)
	}
	if _, err := r.Read(); err != io.EOF {
		t.Errorf("want io.EOF, got %v", err)
	}
}

func TestIncrementalRead(t *testing.T) {
	r := New("(a) b ; end\n", "")
	v, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff("(a)", value.WriteString(v)); diff != "" {
		t.Error(diff)
	}
	if diff := cmp.Diff(3, r.Offset()); diff != "" {
		t.Error(diff)
	}
	n := len(r.SourceMap())
	if n != 1 {
		t.Errorf("source map has %d entries, want 1", n)
	}
	if _, err := r.Read(); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Read(); err != io.EOF {
		t.Errorf("want io.EOF, got %v", err)
	}
	// SetFoldCase.
	r = New("ABC #!no-fold-case ABC", "")
	r.SetFoldCase(true)
	got := []string{}
	for {
		v, err := r.Read()
		if err != nil {
			break
		}
		got = append(got, value.WriteString(v))
	}
	if diff := cmp.Diff([]string{"abc", "ABC"}, got); diff != "" {
		t.Error(diff)
	}
}

func TestDeepNesting(t *testing.T) {
	const depth = 100000
	src := strings.Repeat("(", depth) + "x" + strings.Repeat(")", depth)
	vals, sm, err := readAll(src, "deep")
	if err != nil {
		t.Fatal(err)
	}
	v := vals[0]
	for i := 0; i < depth; i++ {
		p, ok := v.(*value.Pair)
		if !ok || p.Cdr != value.Value(value.Nil) {
			t.Fatalf("level %d: not a one-element list", i)
		}
		if pos, _ := sm.Lookup(p); pos.Col != int32(i+1) {
			t.Fatalf("level %d: column %d", i, pos.Col)
		}
		v = p.Car
	}
	if v != value.Value(value.Intern("x")) {
		t.Fatalf("innermost = %v", v)
	}
	// Deep vectors and quotes too.
	src = strings.Repeat("#('", depth) + "1" + strings.Repeat(")", depth)
	if _, _, err := readAll(src, ""); err != nil {
		t.Fatal(err)
	}
	// Unterminated deep nesting is incomplete.
	_, _, err = readAll(strings.Repeat("(", depth), "")
	if !errors.Is(err, ErrIncomplete) {
		t.Fatalf("want incomplete, got %v", err)
	}
}

func TestLongList(t *testing.T) {
	const n = 200000
	src := "#0=(" + strings.Repeat("a ", n) + "#0#)"
	vals, _, err := readAll(src, "")
	if err != nil {
		t.Fatal(err)
	}
	p := vals[0].(*value.Pair)
	count := 0
	for x := p; ; count++ {
		if x.Car == value.Value(p) {
			break
		}
		x = x.Cdr.(*value.Pair)
	}
	if count != n {
		t.Fatalf("count %d", count)
	}
}

func TestDatumLabels(t *testing.T) {
	// #0=(a . #0#): a circular list of a.
	vals, _, err := readAll("#0=(a . #0#)", "")
	if err != nil {
		t.Fatal(err)
	}
	p := vals[0].(*value.Pair)
	if p.Cdr != value.Value(p) {
		t.Error("cdr is not the pair itself")
	}
	if diff := cmp.Diff("#0=(a . #0#)", value.WriteString(p)); diff != "" {
		t.Error(diff)
	}

	// Shared (not circular) structure: both elements are the same object.
	vals, _, err = readAll("(#1=(x y) #1# #1#)", "")
	if err != nil {
		t.Fatal(err)
	}
	l, _ := value.ToSlice(vals[0])
	if l[0] != l[1] || l[1] != l[2] {
		t.Error("shared elements are not the same object")
	}

	// A vector containing itself, and a list inside it pointing back.
	vals, _, err = readAll("#2=#(1 (#2#) #2#)", "")
	if err != nil {
		t.Fatal(err)
	}
	vec := vals[0].(*value.Vector)
	if vec.Items[2] != value.Value(vec) {
		t.Error("vector does not contain itself")
	}
	if vec.Items[1].(*value.Pair).Car != value.Value(vec) {
		t.Error("inner list does not point to the vector")
	}

	// Nested labels referring to each other.
	vals, _, err = readAll("#0=(#1=(#0# . #1#))", "")
	if err != nil {
		t.Fatal(err)
	}
	outer := vals[0].(*value.Pair)
	inner := outer.Car.(*value.Pair)
	if inner.Car != value.Value(outer) || inner.Cdr != value.Value(inner) {
		t.Error("nested labels not patched")
	}

	// Labels are scoped to one datum.
	r := New("#0=a #0#", "")
	if _, err := r.Read(); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Read(); err == nil || !strings.Contains(err.Error(), "undefined datum label") {
		t.Errorf("want undefined label, got %v", err)
	}

	// A label under a quote.
	vals, _, err = readAll("'#5=(b . #5#)", "")
	if err != nil {
		t.Fatal(err)
	}
	q := vals[0].(*value.Pair).Cdr.(*value.Pair).Car.(*value.Pair)
	if q.Cdr != value.Value(q) {
		t.Error("quoted cycle not patched")
	}
}

func BenchmarkRead(b *testing.B) {
	unit := `(define (fib n) ; comment
  (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
(display "hello, world\n") #(1 2.5 3/4) '(a b . c) #\space
`
	src := strings.Repeat(unit, 1000)
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, _, err := readAll(src, "bench"); err != nil {
			b.Fatal(err)
		}
	}
}

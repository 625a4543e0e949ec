package reader

import (
	"errors"
	"io"
	"testing"

	"contigo/value"
)

// FuzzRead reads arbitrary bytes: the reader must not panic, every error
// must be a *Error with a position, and every datum read must read back,
// once written, as a datum that is written the same way (symbols and
// strings with invalid UTF-8 included).
//
//	go test -run=^$ -fuzz=FuzzRead -fuzztime=20s ./reader
func FuzzRead(f *testing.F) {
	for _, seed := range []string{
		"", "(a b . c)", "#(1 2 #u8(3 4))", `"a\x41;\n"`, "|a b|", "#\\x41 #\\space",
		"#0=(a . #0#)", "'(quasi ,x ,@y)", "#;(skip) kept", "#| nested #| |# |# x",
		"1/2 -0.5e3 +inf.0 #x-ff #e1.5 1e400", "(unclosed", ")", "#", "#\\", "\"\\x;\"",
		"|\\x80;|", "\x80\xff", "sym\xc3", "#!fold-case ABC", "[a]", "#d#x10", "(a . )",
		"#true #false #t #f", "12345678901234567890123 -9/3", "#\\xD800", "|\\xD800;|",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r := New(string(data), "fuzz.scm")
		for i := 0; i < 1000; i++ {
			d, err := r.Read()
			if err == io.EOF {
				return
			}
			if err != nil {
				var re *Error
				if !errors.As(err, &re) {
					t.Fatalf("error %v (%T) is not a *reader.Error", err, err)
				}
				if !re.Pos.IsValid() || re.Pos.File == nil || *re.Pos.File != "fuzz.scm" {
					t.Fatalf("error without a position: %v", err)
				}
				return
			}
			roundTrip(t, d)
		}
	})
}

// roundTrip checks that d, written, reads back as a datum written the
// same way.
func roundTrip(t *testing.T, d value.Value) {
	t.Helper()
	text := value.WriteString(d)
	back, err := New(text, "written").Read()
	if err != nil {
		t.Fatalf("written datum %q does not read back: %v", text, err)
	}
	if again := value.WriteString(back); again != text {
		t.Fatalf("round trip changed the datum:\n  written %q\n  reread  %q", text, again)
	}
}

package eval

import (
	"bufio"
	"strings"
	"testing"

	"contigo/value"
)

// TestFormatStops checks that format's ~a and ~s give up on a set stop
// flag (Ctrl-C), as display and write do, and print everything on a
// clear one.
func TestFormatStops(t *testing.T) {
	var l value.Value = value.Nil
	for i := 0; i < 100000; i++ {
		l = value.Cons(value.List(value.Int(int64(i))), l)
	}
	for _, d := range []string{"~a", "~s"} {
		var clear, set int32 = 0, 1
		var all, some strings.Builder
		w := bufio.NewWriter(&all)
		if err := formatTo(w, []rune(d), []V{l}, &clear); err != nil {
			t.Errorf("%s with a clear flag: %v", d, err)
		}
		w.Flush()
		w = bufio.NewWriter(&some)
		if err := formatTo(w, []rune(d), []V{l}, &set); err != errStopped {
			t.Errorf("%s with a set flag: error %v, want errStopped", d, err)
		}
		w.Flush()
		if want := value.WriteString(l); all.String() != want {
			t.Errorf("%s wrote %d bytes, want %d", d, all.Len(), len(want))
		}
		if some.Len() >= all.Len() {
			t.Errorf("%s with a set flag wrote everything", d)
		}
	}
}

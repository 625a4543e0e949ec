package value

import (
	"fmt"
	"strings"
)

// ErrorObject is the object raised by error and by every runtime fault:
// a message, irritants, an optional kind (read-error, file-error, ...),
// and the position of the form that raised it, when known.
type ErrorObject struct {
	Message   string
	Irritants []Value
	Kind      string
	Pos       Pos
	// Trace holds a backtrace snapshot taken when the error was raised,
	// filled in by the evaluator; it is opaque here.
	Trace any
}

// Error makes ErrorObject a Go error, so builtins can return it directly.
func (e *ErrorObject) Error() string {
	var b strings.Builder
	b.WriteString(e.Message)
	for _, irr := range e.Irritants {
		b.WriteByte(' ')
		b.WriteString(WriteString(irr))
	}
	return b.String()
}

// Errorf makes an error object with a formatted message and no irritants.
func Errorf(format string, args ...any) *ErrorObject {
	return &ErrorObject{Message: fmt.Sprintf(format, args...)}
}

// TypeError reports that procedure proc wanted a want and got v:
// "car: expected pair, got 5".
func TypeError(proc, want string, v Value) *ErrorObject {
	return &ErrorObject{Message: fmt.Sprintf("%s: expected %s, got %s", proc, want, WriteShort(v, 60))}
}

// ArgError reports that argument n (1-based) of proc is wrong.
func ArgError(proc string, n int, want string, v Value) *ErrorObject {
	return &ErrorObject{Message: fmt.Sprintf("%s: argument %d: expected %s, got %s", proc, n, want, WriteShort(v, 60))}
}

// RangeError reports an index out of range.
func RangeError(proc string, v Value, limit int) *ErrorObject {
	return &ErrorObject{Message: fmt.Sprintf("%s: index %s out of range [0, %d)", proc, WriteString(v), limit)}
}

// ShortText shortens s to at most n runes, marking the cut with "...".
func ShortText(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-3]) + "..."
}

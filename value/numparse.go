package value

import (
	"strconv"
)

// ParseNumber parses Scheme number syntax (R7RS 7.1.1) with the given
// default radix. It reports false if text is not a number.
//
// This is a first version covering decimal integers and floats; the
// reader issue's owner replaces it with the full syntax.
func ParseNumber(text string, radix int) (Value, bool) {
	if i, err := strconv.ParseInt(text, radix, 64); err == nil {
		return Int(i), true
	}
	if radix == 10 {
		if f, err := strconv.ParseFloat(text, 64); err == nil && text != "inf" && text != "nan" {
			return Flonum(f), true
		}
	}
	return nil, false
}

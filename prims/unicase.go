package prims

// This file implements Unicode case mapping for characters and strings
// (report 6.6 and 6.7): simple case folding for char-foldcase and the
// full mappings, in which one character may become several (German ß
// upcases to SS), for string-upcase, string-downcase and string-foldcase.
// Go's unicode package has the simple mappings; the tables at the end hold
// the Unicode 15.0 (the version of Go's tables) mappings it leaves out:
// the unconditional entries of SpecialCasing.txt and the F entries of
// CaseFolding.txt.

import "unicode"

// foldRune applies Unicode simple case folding (CaseFolding.txt status C
// and S) to r. Folding maps every character of a case-insensitive class
// (unicode.SimpleFold's orbit) to one member, in general the lower case
// one: ToLower(ToUpper(r)) gives it, and also maps µ, ſ, ς and the Kelvin
// sign right. The exceptions are characters that fold only in Turkish
// (İ and ı fold to themselves: their orbit is just themselves) and
// Cherokee, whose letters fold to upper case.
func foldRune(r rune) rune {
	if r < 0x80 {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	if unicode.SimpleFold(r) == r {
		return r
	}
	if (0x13A0 <= r && r <= 0x13FD) || (0xAB70 <= r && r <= 0xABBF) {
		return unicode.ToUpper(r)
	}
	return unicode.ToLower(unicode.ToUpper(r))
}

// foldRunes applies full case folding to s.
func foldRunes(s []rune) []rune {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if m, ok := fullFold[r]; ok {
			out = append(out, []rune(m)...)
		} else {
			out = append(out, foldRune(r))
		}
	}
	return out
}

// upcaseRunes applies the full uppercase mapping to s.
func upcaseRunes(s []rune) []rune {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if m, ok := fullUpper[r]; ok {
			out = append(out, []rune(m)...)
		} else {
			out = append(out, unicode.ToUpper(r))
		}
	}
	return out
}

// downcaseRunes applies the full lowercase mapping to s, including the
// one context-dependent rule the report mentions: a capital sigma that
// ends a word becomes final sigma ς.
func downcaseRunes(s []rune) []rune {
	out := make([]rune, 0, len(s))
	for i, r := range s {
		switch {
		case r == 'Σ' && finalSigma(s, i):
			out = append(out, 'ς')
		default:
			if m, ok := fullLower[r]; ok {
				out = append(out, []rune(m)...)
			} else {
				out = append(out, unicode.ToLower(r))
			}
		}
	}
	return out
}

// finalSigma reports whether the sigma at s[i] ends a word: a cased
// letter comes before it and none after it. Case-ignorable characters
// (approximated as marks, format characters, modifiers and the
// apostrophe, period and colon) are skipped.
func finalSigma(s []rune, i int) bool {
	ignorable := func(r rune) bool {
		return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk) || r == '\'' || r == '.' || r == ':'
	}
	cased := func(r rune) bool { return unicode.IsUpper(r) || unicode.IsLower(r) || unicode.IsTitle(r) }
	before := false
	for j := i - 1; j >= 0; j-- {
		if !ignorable(s[j]) {
			before = cased(s[j])
			break
		}
	}
	if !before {
		return false
	}
	for j := i + 1; j < len(s); j++ {
		if !ignorable(s[j]) {
			return !cased(s[j])
		}
	}
	return true
}

// isAlphabetic is the Unicode Alphabetic property.
func isAlphabetic(r rune) bool {
	return unicode.IsLetter(r) || unicode.In(r, unicode.Nl, unicode.Other_Alphabetic)
}

// isUpperCase is the Unicode Uppercase property.
func isUpperCase(r rune) bool { return unicode.IsUpper(r) || unicode.Is(unicode.Other_Uppercase, r) }

// isLowerCase is the Unicode Lowercase property.
func isLowerCase(r rune) bool { return unicode.IsLower(r) || unicode.Is(unicode.Other_Lowercase, r) }

// isWhitespace is the Unicode White_Space property.
func isWhitespace(r rune) bool { return unicode.Is(unicode.White_Space, r) }

// digitValue returns the value of a decimal digit (general category Nd),
// or -1. Unicode guarantees that decimal digits come in contiguous runs
// of ten, zero to nine, some runs directly after others (the
// mathematical digits), so the value is the distance from the start of
// the run of digits modulo ten.
func digitValue(r rune) int {
	if r < 0x80 {
		if '0' <= r && r <= '9' {
			return int(r - '0')
		}
		return -1
	}
	if !unicode.IsDigit(r) {
		return -1
	}
	start := r
	for unicode.IsDigit(start - 1) {
		start--
	}
	return int(r-start) % 10
}

// fullUpper maps characters whose full uppercase is several characters.
var fullUpper = map[rune]string{
	0x00DF: "SS",
	0xFB00: "FF",
	0xFB01: "FI",
	0xFB02: "FL",
	0xFB03: "FFI",
	0xFB04: "FFL",
	0xFB05: "ST",
	0xFB06: "ST",
	0x0587: "\u0535\u0552",
	0xFB13: "\u0544\u0546",
	0xFB14: "\u0544\u0535",
	0xFB15: "\u0544\u053B",
	0xFB16: "\u054E\u0546",
	0xFB17: "\u0544\u053D",
	0x0149: "\u02BCN",
	0x0390: "\u0399\u0308\u0301",
	0x03B0: "\u03A5\u0308\u0301",
	0x01F0: "J\u030C",
	0x1E96: "H\u0331",
	0x1E97: "T\u0308",
	0x1E98: "W\u030A",
	0x1E99: "Y\u030A",
	0x1E9A: "A\u02BE",
	0x1F50: "\u03A5\u0313",
	0x1F52: "\u03A5\u0313\u0300",
	0x1F54: "\u03A5\u0313\u0301",
	0x1F56: "\u03A5\u0313\u0342",
	0x1FB6: "\u0391\u0342",
	0x1FC6: "\u0397\u0342",
	0x1FD2: "\u0399\u0308\u0300",
	0x1FD3: "\u0399\u0308\u0301",
	0x1FD6: "\u0399\u0342",
	0x1FD7: "\u0399\u0308\u0342",
	0x1FE2: "\u03A5\u0308\u0300",
	0x1FE3: "\u03A5\u0308\u0301",
	0x1FE4: "\u03A1\u0313",
	0x1FE6: "\u03A5\u0342",
	0x1FE7: "\u03A5\u0308\u0342",
	0x1FF6: "\u03A9\u0342",
	0x1F80: "\u1F08\u0399",
	0x1F81: "\u1F09\u0399",
	0x1F82: "\u1F0A\u0399",
	0x1F83: "\u1F0B\u0399",
	0x1F84: "\u1F0C\u0399",
	0x1F85: "\u1F0D\u0399",
	0x1F86: "\u1F0E\u0399",
	0x1F87: "\u1F0F\u0399",
	0x1F88: "\u1F08\u0399",
	0x1F89: "\u1F09\u0399",
	0x1F8A: "\u1F0A\u0399",
	0x1F8B: "\u1F0B\u0399",
	0x1F8C: "\u1F0C\u0399",
	0x1F8D: "\u1F0D\u0399",
	0x1F8E: "\u1F0E\u0399",
	0x1F8F: "\u1F0F\u0399",
	0x1F90: "\u1F28\u0399",
	0x1F91: "\u1F29\u0399",
	0x1F92: "\u1F2A\u0399",
	0x1F93: "\u1F2B\u0399",
	0x1F94: "\u1F2C\u0399",
	0x1F95: "\u1F2D\u0399",
	0x1F96: "\u1F2E\u0399",
	0x1F97: "\u1F2F\u0399",
	0x1F98: "\u1F28\u0399",
	0x1F99: "\u1F29\u0399",
	0x1F9A: "\u1F2A\u0399",
	0x1F9B: "\u1F2B\u0399",
	0x1F9C: "\u1F2C\u0399",
	0x1F9D: "\u1F2D\u0399",
	0x1F9E: "\u1F2E\u0399",
	0x1F9F: "\u1F2F\u0399",
	0x1FA0: "\u1F68\u0399",
	0x1FA1: "\u1F69\u0399",
	0x1FA2: "\u1F6A\u0399",
	0x1FA3: "\u1F6B\u0399",
	0x1FA4: "\u1F6C\u0399",
	0x1FA5: "\u1F6D\u0399",
	0x1FA6: "\u1F6E\u0399",
	0x1FA7: "\u1F6F\u0399",
	0x1FA8: "\u1F68\u0399",
	0x1FA9: "\u1F69\u0399",
	0x1FAA: "\u1F6A\u0399",
	0x1FAB: "\u1F6B\u0399",
	0x1FAC: "\u1F6C\u0399",
	0x1FAD: "\u1F6D\u0399",
	0x1FAE: "\u1F6E\u0399",
	0x1FAF: "\u1F6F\u0399",
	0x1FB3: "\u0391\u0399",
	0x1FBC: "\u0391\u0399",
	0x1FC3: "\u0397\u0399",
	0x1FCC: "\u0397\u0399",
	0x1FF3: "\u03A9\u0399",
	0x1FFC: "\u03A9\u0399",
	0x1FB2: "\u1FBA\u0399",
	0x1FB4: "\u0386\u0399",
	0x1FC2: "\u1FCA\u0399",
	0x1FC4: "\u0389\u0399",
	0x1FF2: "\u1FFA\u0399",
	0x1FF4: "\u038F\u0399",
	0x1FB7: "\u0391\u0342\u0399",
	0x1FC7: "\u0397\u0342\u0399",
	0x1FF7: "\u03A9\u0342\u0399",
}

// fullLower maps characters whose full lowercase is several characters.
var fullLower = map[rune]string{
	0x0130: "i\u0307",
}

// fullFold maps characters whose full case folding is several characters.
var fullFold = map[rune]string{
	0x00DF: "ss",
	0x0130: "i\u0307",
	0x0149: "\u02BCn",
	0x01F0: "j\u030C",
	0x0390: "\u03B9\u0308\u0301",
	0x03B0: "\u03C5\u0308\u0301",
	0x0587: "\u0565\u0582",
	0x1E96: "h\u0331",
	0x1E97: "t\u0308",
	0x1E98: "w\u030A",
	0x1E99: "y\u030A",
	0x1E9A: "a\u02BE",
	0x1E9E: "ss",
	0x1F50: "\u03C5\u0313",
	0x1F52: "\u03C5\u0313\u0300",
	0x1F54: "\u03C5\u0313\u0301",
	0x1F56: "\u03C5\u0313\u0342",
	0x1F80: "\u1F00\u03B9",
	0x1F81: "\u1F01\u03B9",
	0x1F82: "\u1F02\u03B9",
	0x1F83: "\u1F03\u03B9",
	0x1F84: "\u1F04\u03B9",
	0x1F85: "\u1F05\u03B9",
	0x1F86: "\u1F06\u03B9",
	0x1F87: "\u1F07\u03B9",
	0x1F88: "\u1F00\u03B9",
	0x1F89: "\u1F01\u03B9",
	0x1F8A: "\u1F02\u03B9",
	0x1F8B: "\u1F03\u03B9",
	0x1F8C: "\u1F04\u03B9",
	0x1F8D: "\u1F05\u03B9",
	0x1F8E: "\u1F06\u03B9",
	0x1F8F: "\u1F07\u03B9",
	0x1F90: "\u1F20\u03B9",
	0x1F91: "\u1F21\u03B9",
	0x1F92: "\u1F22\u03B9",
	0x1F93: "\u1F23\u03B9",
	0x1F94: "\u1F24\u03B9",
	0x1F95: "\u1F25\u03B9",
	0x1F96: "\u1F26\u03B9",
	0x1F97: "\u1F27\u03B9",
	0x1F98: "\u1F20\u03B9",
	0x1F99: "\u1F21\u03B9",
	0x1F9A: "\u1F22\u03B9",
	0x1F9B: "\u1F23\u03B9",
	0x1F9C: "\u1F24\u03B9",
	0x1F9D: "\u1F25\u03B9",
	0x1F9E: "\u1F26\u03B9",
	0x1F9F: "\u1F27\u03B9",
	0x1FA0: "\u1F60\u03B9",
	0x1FA1: "\u1F61\u03B9",
	0x1FA2: "\u1F62\u03B9",
	0x1FA3: "\u1F63\u03B9",
	0x1FA4: "\u1F64\u03B9",
	0x1FA5: "\u1F65\u03B9",
	0x1FA6: "\u1F66\u03B9",
	0x1FA7: "\u1F67\u03B9",
	0x1FA8: "\u1F60\u03B9",
	0x1FA9: "\u1F61\u03B9",
	0x1FAA: "\u1F62\u03B9",
	0x1FAB: "\u1F63\u03B9",
	0x1FAC: "\u1F64\u03B9",
	0x1FAD: "\u1F65\u03B9",
	0x1FAE: "\u1F66\u03B9",
	0x1FAF: "\u1F67\u03B9",
	0x1FB2: "\u1F70\u03B9",
	0x1FB3: "\u03B1\u03B9",
	0x1FB4: "\u03AC\u03B9",
	0x1FB6: "\u03B1\u0342",
	0x1FB7: "\u03B1\u0342\u03B9",
	0x1FBC: "\u03B1\u03B9",
	0x1FC2: "\u1F74\u03B9",
	0x1FC3: "\u03B7\u03B9",
	0x1FC4: "\u03AE\u03B9",
	0x1FC6: "\u03B7\u0342",
	0x1FC7: "\u03B7\u0342\u03B9",
	0x1FCC: "\u03B7\u03B9",
	0x1FD2: "\u03B9\u0308\u0300",
	0x1FD3: "\u03B9\u0308\u0301",
	0x1FD6: "\u03B9\u0342",
	0x1FD7: "\u03B9\u0308\u0342",
	0x1FE2: "\u03C5\u0308\u0300",
	0x1FE3: "\u03C5\u0308\u0301",
	0x1FE4: "\u03C1\u0313",
	0x1FE6: "\u03C5\u0342",
	0x1FE7: "\u03C5\u0308\u0342",
	0x1FF2: "\u1F7C\u03B9",
	0x1FF3: "\u03C9\u03B9",
	0x1FF4: "\u03CE\u03B9",
	0x1FF6: "\u03C9\u0342",
	0x1FF7: "\u03C9\u0342\u03B9",
	0x1FFC: "\u03C9\u03B9",
	0xFB00: "ff",
	0xFB01: "fi",
	0xFB02: "fl",
	0xFB03: "ffi",
	0xFB04: "ffl",
	0xFB05: "st",
	0xFB06: "st",
	0xFB13: "\u0574\u0576",
	0xFB14: "\u0574\u0565",
	0xFB15: "\u0574\u056B",
	0xFB16: "\u057E\u0576",
	0xFB17: "\u0574\u056D",
}

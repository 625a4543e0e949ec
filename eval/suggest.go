package eval

// This file finds the "did you mean" suggestion of an unbound-variable
// error: first a table of the names a Go programmer types for contigo's
// (close for close-chan, <- for send and recv), then the bound name
// closest in spelling, counting a swap of two neighbouring letters as one
// edit so that lenght finds length and not length+.

import (
	"sort"
	"strings"
)

// goNames maps names from Go (and common misspellings of contigo's
// names) to the suggestion shown after "did you mean".
var goNames = map[string]string{
	"close":           "close-chan",
	"make-channel":    "make-chan",
	"make-chanel":     "make-chan",
	"channel":         "make-chan",
	"chan":            "make-chan",
	"make":            "make-chan, make-vector or make-string",
	"<-":              "(send ch v) or (recv ch)",
	"->":              "(send ch v) or (recv ch)",
	"recieve":         "recv",
	"receive-chan":    "recv",
	"send-chan":       "send",
	"cap":             "chan-cap",
	"len":             "length, string-length, vector-length or chan-len",
	"print":           "display, or println",
	"printf":          "format, as in (display (format \"~a~%\" x))",
	"sprintf":         "format",
	"fmt.println":     "println",
	"fmt.printf":      "format",
	"func":            "lambda",
	"fn":              "lambda",
	"defer":           "dynamic-wind",
	"panic":           "raise or error",
	"recover":         "guard",
	"nil":             "'() (the empty list) or #f",
	"null":            "'() (the empty list)",
	"true":            "#t",
	"false":           "#f",
	"range":           "for-range",
	"time.sleep":      "sleep",
	"waitgroup":       "nursery",
	"sync.waitgroup":  "nursery",
	"goroutine":       "go",
	"spawn-goroutine": "go",
	"setq":            "set!",
	"progn":           "begin",
	"defun":           "define",
}

// goSuggestion returns the table's suggestion for name, if any.
func goSuggestion(name string) string { return goNames[strings.ToLower(name)] }

// SuggestName returns the candidate closest in spelling to name, or ""
// if none is close enough: one edit for names of up to four characters
// (none for names of one or two, where any name is one edit away), two
// for longer ones. Among equally close candidates the shortest, then the
// first in alphabetical order, wins.
func SuggestName(name string, candidates []string) string {
	if s := goSuggestion(name); s != "" {
		return s
	}
	n := len([]rune(name))
	maxD := 2
	switch {
	case n <= 2:
		return ""
	case n <= 4:
		maxD = 1
	}
	sorted := append([]string(nil), candidates...)
	sort.Strings(sorted)
	best, bestD := "", maxD+1
	for _, c := range sorted {
		if c == name {
			continue
		}
		d := editDistance(name, c, bestD+1)
		if d < bestD || d == bestD && best != "" && len(c) < len(best) {
			best, bestD = c, d
		}
	}
	if bestD > maxD {
		return ""
	}
	return best
}

// editDistance is the optimal string alignment distance (Levenshtein
// plus the swap of two neighbouring characters), giving up (returning
// max) past max.
func editDistance(a, b string, max int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d >= max || -d >= max {
		return max
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			c := min(prev[j-1]+cost, prev[j]+1, cur[j-1]+1)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				c = min(c, prev2[j-2]+1)
			}
			cur[j] = c
			rowMin = min(rowMin, c)
		}
		if rowMin >= max {
			return max
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(rb)], max)
}

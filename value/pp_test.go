package value_test

import (
	"io"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"contigo/reader"
	"contigo/value"
)

func readOne(t *testing.T, src string) value.Value {
	t.Helper()
	r := reader.New(src, "test")
	v, err := r.Read()
	if err == nil {
		if _, err = r.Read(); err == io.EOF {
			return v
		}
	}
	t.Fatalf("reading %q: not one datum (%v)", src, err)
	return nil
}

// lineBreaks matches what PrettyPrint puts where Write puts one space.
var lineBreaks = regexp.MustCompile(`\n *`)

func TestPrettyPrint(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		width int
		want  string
	}{
		{"fits", `(define (f x) (* x x))`, 40, `(define (f x) (* x x))`},
		{"define body indented by 2", `(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))`, 40, `
(define (fib n)
  (if (< n 2)
      n
      (+ (fib (- n 1)) (fib (- n 2)))))`},
		{"let bindings one per line", `(let ((first-variable (compute 1)) (second-variable (compute 2))) (display first-variable) (newline))`, 40, `
(let ((first-variable (compute 1))
      (second-variable (compute 2)))
  (display first-variable)
  (newline))`},
		{"named let keeps its name and bindings on the first line", `(let loop ((i 0) (acc '())) (if (= i 10) (reverse acc) (loop (+ i 1) (cons i acc))))`, 40, `
(let loop ((i 0) (acc '()))
  (if (= i 10)
      (reverse acc)
      (loop (+ i 1) (cons i acc))))`},
		{"do: specs, then the exit clause indented by 4, body by 2", `(do ((i 0 (+ i 1)) (acc '() (cons i acc))) ((= i 5) acc) (display i) (newline))`, 50, `
(do ((i 0 (+ i 1)) (acc '() (cons i acc)))
    ((= i 5) acc)
  (display i)
  (newline))`},
		{"do specs broken one per line", `(do ((i 0 (+ i 1)) (acc '() (cons i acc))) ((= i 5) acc) (display i) (newline))`, 40, `
(do ((i 0 (+ i 1))
     (acc '() (cons i acc)))
    ((= i 5) acc)
  (display i)
  (newline))`},
		{"cond clauses aligned", `(cond ((assv key table) => cdr) ((null? table) (error "empty table" key)) (else #f))`, 40, `
(cond ((assv key table) => cdr)
      ((null? table)
       (error "empty table" key))
      (else #f))`},
		{"lambda", `(lambda (a b) (let ((sum (+ a b))) (display sum) sum))`, 30, `
(lambda (a b)
  (let ((sum (+ a b)))
    (display sum)
    sum))`},
		{"when and unless", `(when (pair? lst) (display (car lst)) (newline) (loop (cdr lst)))`, 30, `
(when (pair? lst)
  (display (car lst))
  (newline)
  (loop (cdr lst)))`},
		{"case", `(case (car x) ((a e i o u) 'vowel) ((w y) 'semivowel) (else 'consonant))`, 30, `
(case (car x)
  ((a e i o u) 'vowel)
  ((w y) 'semivowel)
  (else 'consonant))`},
		{"begin", `(begin (display "one") (display "two") (newline))`, 20, `
(begin
  (display "one")
  (display "two")
  (newline))`},
		{"define-syntax and syntax-rules", `(define-syntax swap! (syntax-rules () ((_ a b) (let ((tmp a)) (set! a b) (set! b tmp)))))`, 60, `
(define-syntax swap!
  (syntax-rules ()
    ((_ a b) (let ((tmp a)) (set! a b) (set! b tmp)))))`},
		{"calls align operands under the first", `(vector-set! table (hash key) (cons (cons key value) (vector-ref table (hash key))))`, 52, `
(vector-set! table
             (hash key)
             (cons (cons key value)
                   (vector-ref table (hash key))))`},
		{"a long head puts operands under it", `(call-with-current-continuation (lambda (k) (for-each (lambda (x) (if (negative? x) (k x))) lst) #t))`, 50, `
(call-with-current-continuation
 (lambda (k)
   (for-each (lambda (x) (if (negative? x) (k x)))
             lst)
   #t))`},
		{"atoms are filled", `(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20)`, 20, `
(1 2 3 4 5 6 7 8 9
 10 11 12 13 14 15
 16 17 18 19 20)`},
		{"quoted data is laid out as data", `'(define (f) (let loop () (loop)) (if a b c))`, 24, `
'(define
  (f)
  (let loop () (loop))
  (if a b c))`},
		{"list of lists one per line", `((alpha . 1) (beta . 2) (gamma . 3) (delta . 4))`, 20, `
((alpha . 1)
 (beta . 2)
 (gamma . 3)
 (delta . 4))`},
		{"vectors", `#(alpha beta gamma delta epsilon zeta eta theta)`, 25, `
#(alpha beta gamma delta
  epsilon zeta eta theta)`},
		{"vector of lists", `#((a b c) (d e f) (g h i))`, 12, `
#((a b c)
  (d e f)
  (g h i))`},
		{"dotted tail", `(alpha beta gamma delta . epsilon)`, 20, `
(alpha beta gamma
       delta
       . epsilon)`},
		{"quasiquote and unquote abbreviated", "(define-macro (my-if c a b) `(cond (,c ,a) (else ,b)))", 30, "\n" +
			"(define-macro (my-if c a b)\n" +
			"  `(cond (,c ,a) (else ,b)))"},
		{"strings and characters in write form", `(display "a \"quoted\" string\n" #\space)`, 20, `
(display "a \"quoted\" string\n"
         #\space)`},
		{"an atom wider than the line stays whole", `(f "a string much longer than the line")`, 10, `
(f "a string much longer than the line")`},
		{"cycle in the spine", `#0=(a b c d e f g h i j k l m n o p . #0#)`, 20, `
#0=(a b c d e f g h
      i j k l m n o
      p . #0#)`},
		{"cycle fits", `#0=(a . #0#)`, 20, `#0=(a . #0#)`},
		{"cycle through cars", `#0=((alpha beta) (gamma #0#) (delta epsilon))`, 20, `
#0=((alpha beta)
    (gamma #0#)
    (delta epsilon))`},
		{"shared but acyclic structure is not labelled", `(let ((x '(1 2))) (list x x))`, 80, `(let ((x '(1 2))) (list x x))`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := readOne(t, tc.src)
			want := strings.TrimPrefix(tc.want, "\n")
			got := prettyString(v, tc.width)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("PrettyString(%s, %d) (-want +got):\n%s", tc.src, tc.width, diff)
			}
			// Joined back into one line, the output is what write prints.
			if flat := lineBreaks.ReplaceAllString(got, " "); flat != value.WriteString(v) {
				t.Errorf("joined lines %q differ from write form %q", flat, value.WriteString(v))
			}
		})
	}
}

// TestPrettyPrintWidth checks that no line is longer than the width unless
// it has to be, on a larger program at several widths.
func TestPrettyPrintWidth(t *testing.T) {
	src := `(define (tree-insert tree key value less?)
  (cond ((null? tree) (list key value '() '()))
        ((less? key (car tree))
         (list (car tree) (cadr tree) (tree-insert (caddr tree) key value less?) (cadddr tree)))
        ((less? (car tree) key)
         (list (car tree) (cadr tree) (caddr tree) (tree-insert (cadddr tree) key value less?)))
        (else (list key value (caddr tree) (cadddr tree)))))`
	v := readOne(t, src)
	for _, width := range []int{30, 40, 60, 79, 100} {
		got := prettyString(v, width)
		for i, line := range strings.Split(got, "\n") {
			if n := utf8.RuneCountInString(line); n > width && strings.TrimSpace(line) != "less?)))" {
				// Only a line whose content cannot be broken further
				// may overflow; none here should.
				t.Errorf("width %d: line %d has %d characters: %q", width, i+1, n, line)
			}
		}
		if flat := lineBreaks.ReplaceAllString(got, " "); flat != value.WriteString(v) {
			t.Errorf("width %d: joined lines differ from write form", width)
		}
	}
}

// TestPrettyPrintAnyWidth checks, at every width, that the output is the
// write form broken at spaces: nothing lost, nothing added.
func TestPrettyPrintAnyWidth(t *testing.T) {
	srcs := []string{
		`(define (f x) (let loop ((i 0) (acc '())) (if (< i x) (loop (+ i 1) (cons i acc)) (reverse acc))))`,
		`#0=(a (b #(c d #1=(e . f)) #1#) "str ing" #\x . #0#)`,
		"(define-macro (m a . b) `(list ,a ,@b '(q . r) #(1 2)))",
		`(do ((i 0 (+ i 1))) ((= i 3)) (cond ((assq i al) => cdr) (else (display i))))`,
	}
	for _, src := range srcs {
		v := readOne(t, src)
		for width := 0; width <= 100; width++ {
			got := prettyString(v, width)
			if flat := lineBreaks.ReplaceAllString(got, " "); flat != value.WriteString(v) {
				t.Errorf("%s at width %d: joined lines\n%s\ndiffer from write form\n%s", src, width, flat, value.WriteString(v))
			}
		}
	}
}

// TestPrettyPrintDeep checks that very deep data neither overflows the Go
// stack nor loses anything: past a depth it is written flat.
func TestPrettyPrintDeep(t *testing.T) {
	const depth = 100000
	var cars, cdrs value.Value = value.Nil, value.Nil
	for i := 0; i < depth; i++ {
		cars = value.List(value.Intern("node"), value.Int(int64(i)), cars)
		cdrs = value.Cons(value.Int(int64(i)), cdrs)
	}
	for name, v := range map[string]value.Value{"nested": cars, "long": cdrs} {
		got := prettyString(v, 79)
		if flat := lineBreaks.ReplaceAllString(got, " "); flat != value.WriteString(v) {
			t.Errorf("%s: joined lines differ from write form", name)
		}
	}
}

// prettyString returns v as PrettyPrint writes it.
func prettyString(v value.Value, width int) string {
	var b strings.Builder
	value.PrettyPrint(&b, v, width)
	return b.String()
}

package eval

// This file lists the exports of the standard libraries (report,
// appendix A). Everything they export is global in contigo; the lists let
// import sets (only, except, prefix, rename) and cond-expand's library
// requirements work on them.

// standardLibraries maps a library name, as written, to its exports.
var standardLibraries = map[string]string{
	"(scheme base)": `* + - ... / < <= = => > >= _ abs and append apply assoc assq assv begin
		binary-port? boolean=? boolean? bytevector bytevector-append bytevector-copy
		bytevector-copy! bytevector-length bytevector-u8-ref bytevector-u8-set!
		bytevector? caar cadr call-with-current-continuation call-with-port
		call-with-values call/cc car case cdar cddr cdr ceiling char->integer
		char-ready? char<=? char<? char=? char>=? char>? char? close-input-port
		close-output-port close-port complex? cond cond-expand cons
		current-error-port current-input-port current-output-port define
		define-record-type define-syntax define-values denominator do dynamic-wind
		else eof-object? equal? error error-object-message even? exact-integer-sqrt
		exact? features floor floor-remainder flush-output-port gcd
		get-output-string if include-ci inexact? input-port? integer? lcm let
		let*-values let-values letrec* list list->vector list-ref list-tail
		make-bytevector make-parameter make-vector max memq min negative? not
		number->string numerator open-input-bytevector open-output-bytevector or
		output-port? parameterize peek-u8 positive? quasiquote quotient
		raise-continuable rationalize read-bytevector! read-error? read-string real?
		reverse set! set-cdr! string string->number string->utf8 string-append
		eof-object eq? eqv? error-object-irritants error-object? exact
		exact-integer? expt file-error? floor-quotient floor/ for-each
		get-output-bytevector guard include inexact input-port-open? integer->char
		lambda length let* let-syntax letrec letrec-syntax list->string list-copy
		list-set! list? make-list make-string map member memv modulo newline null?
		number? odd? open-input-string open-output-string output-port-open? pair?
		peek-char port? procedure? quote raise rational? read-bytevector read-char
		read-line read-u8 remainder round set-car! square string->list
		string->symbol string->vector string-copy string-copy! string-for-each
		string-map string-set! string<? string>=? string? symbol->string symbol?
		syntax-rules truncate truncate-remainder u8-ready? unquote utf8->string
		vector vector->string vector-copy vector-fill! vector-length vector-ref
		vector? with-exception-handler write-char write-u8 string-fill!
		string-length string-ref string<=? string=? string>? substring symbol=?
		syntax-error textual-port? truncate-quotient truncate/ unless
		unquote-splicing values vector->list vector-append vector-copy!
		vector-for-each vector-map vector-set! when write-bytevector write-string
		zero?`,
	"(scheme case-lambda)": `case-lambda`,
	"(scheme char)": `char-alphabetic? char-ci<=? char-ci<? char-ci=? char-ci>=? char-ci>?
		char-downcase char-foldcase char-lower-case? char-numeric? char-upcase
		char-upper-case? char-whitespace? digit-value string-ci<=? string-ci<?
		string-ci=? string-ci>=? string-ci>? string-downcase string-foldcase
		string-upcase`,
	"(scheme complex)": `angle imag-part magnitude make-polar make-rectangular real-part`,
	"(scheme cxr)": `caaaar caaadr caaar caadar caaddr caadr cadaar cadadr cadar caddar cadddr
		caddr cdaaar cdaadr cdaar cdadar cdaddr cdadr cddaar cddadr cddar cdddar
		cddddr cdddr`,
	"(scheme eval)": `environment eval`,
	"(scheme file)": `call-with-input-file call-with-output-file delete-file file-exists?
		open-binary-input-file open-binary-output-file open-input-file
		open-output-file with-input-from-file with-output-to-file`,
	"(scheme inexact)": `acos asin atan cos exp finite? infinite? log nan? sin sqrt tan`,
	"(scheme lazy)":    `delay delay-force force make-promise promise?`,
	"(scheme load)":    `load`,
	"(scheme process-context)": `command-line emergency-exit exit get-environment-variable
		get-environment-variables`,
	"(scheme read)":  `read`,
	"(scheme repl)":  `interaction-environment`,
	"(scheme time)":  `current-jiffy current-second jiffies-per-second`,
	"(scheme write)": `display write write-shared write-simple`,
	"(scheme r5rs)": `* + - ... / < <= = => > >= abs acos and angle append apply asin assoc assq
		assv atan begin boolean? caaaar caaadr caaar caadar caaddr caadr caar cadaar
		cadadr cadar caddar cadddr caddr cadr call-with-current-continuation
		call-with-input-file call-with-output-file call-with-values car case cdaaar
		cdaadr cdaar cdadar cdaddr cdadr cdar cddaar cddadr cddar cdddar cddddr
		cdddr cddr cdr ceiling char->integer char-alphabetic? char-ci<=? char-ci<?
		char-ci=? char-ci>=? char-ci>? char-downcase char-lower-case? char-numeric?
		char-ready? char-upcase char-upper-case? char-whitespace? char<=? char<?
		char=? char>=? char>? char? close-input-port close-output-port complex? cond
		cons cos current-input-port current-output-port define define-syntax delay
		denominator display do dynamic-wind else eof-object? eq? equal? eqv? eval
		even? exact->inexact exact? exp expt floor for-each force gcd if imag-part
		inexact->exact inexact? input-port? integer->char integer?
		interaction-environment lambda lcm length let let* let-syntax letrec
		letrec-syntax list list->string list->vector list-ref list-tail list? load
		log magnitude make-polar make-rectangular make-string make-vector map max
		member memq memv min modulo negative? newline not null-environment null?
		number->string number? numerator odd? open-input-file open-output-file or
		output-port? pair? peek-char positive? procedure? quasiquote quote quotient
		rational? rationalize read read-char real-part real? remainder reverse round
		scheme-report-environment set! set-car! set-cdr! sin sqrt string
		string->list string->number string->symbol string-append string-ci<=?
		string-ci<? string-ci=? string-ci>=? string-ci>? string-copy string-fill!
		string-length string-ref string-set! string<=? string<? string=? string>=?
		string>? string? substring symbol->string symbol? syntax-rules tan truncate
		values vector vector->list vector-fill! vector-length vector-ref vector-set!
		vector? with-input-from-file with-output-to-file write write-char zero?`,
}

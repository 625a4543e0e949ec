(define inc-b 2)

;;; Parameters across go: a goroutine inherits its creator's values
;;; (bindings of parameterize and global values alike), then they are
;;; private: (p v) in the goroutine changes what the goroutine sees, never
;;; what its creator or its siblings see.

(define (show . xs) (for-each display xs) (newline))
(define p (make-parameter 'global))
(define q (make-parameter 1))

;; A global value set by a child stays the child's.
(nursery
  (go (show "child inherits: " (p))
      (p 'child-private)
      (show "child sees its own: " (p))
      (nursery (go (show "grandchild inherits the child's: " (p))
                   (p 'grandchild)
                   (show "grandchild sees: " (p))))
      (show "child still sees: " (p))))
(show "main still sees: " (p))

;; A parameterize binding of the creator is read, not changed.
(parameterize ((q 10))
  (nursery
    (go (q 20) (show "child set q: " (q)))
    (go (sleep 5) (show "sibling sees the creator's: " (q))))
  (show "creator sees: " (q)))

;; A binding the goroutine makes itself is its own to change.
(nursery
  (go (parameterize ((q 100))
        (q 200)
        (show "own binding changed: " (q)))
      (show "outside it, q is back to: " (q))))

;; In the main program, (p v) changes the global value, as before.
(p 'main-set)
(show "main set p: " (p))
(nursery (go (show "a new child inherits it: " (p))))

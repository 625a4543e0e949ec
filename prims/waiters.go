package prims

// This file defines the two smallest objects of the concurrency library
// (prelude/prelude.scm), which it makes at every blocking operation and
// which every blocked goroutine keeps alive: tickets and waiters. Their
// logic stays in Scheme; only their layout is Go's. As records of the
// library (prims.Record: a type, a slice header and a 16-byte interface
// per field) a waiter took 80 bytes and a ticket, a pair, 32; here they
// take 32 and 16, which brings a goroutine blocked on a channel back
// under what it cost before the waiters had names.
//
//   - A ticket is the right to end one blocking operation of a
//     goroutine: (%make-ticket g) is a live ticket of goroutine g (#f for
//     an alarm's ticket that wakes nobody), (%ticket-live? t),
//     (%ticket-goroutine t), and (%kill-ticket! t), once the operation
//     is over.
//   - A waiter is a goroutine's offer to take part in one operation on a
//     channel, in one of the channel's wait queues: (%make-waiter ticket
//     index value), (%waiter-ticket w), (%waiter-index w), (%waiter-value
//     w), and (%waiter-live? w), whether its ticket is.
//
// The accessors check their argument: unlike record fields, they are
// Go code, whose only cost for a check is a type assertion.

import "contigo/value"

var waiterRows = []value.Primitive{
	{Name: "%make-ticket", Min: 1, Max: 1, Fn1: makeTicket},
	{Name: "%ticket-live?", Min: 1, Max: 1, Fn1: ticketLive},
	{Name: "%ticket-goroutine", Min: 1, Max: 1, Fn1: ticketGoroutine},
	{Name: "%kill-ticket!", Min: 1, Max: 1, Fn1: killTicket},
	{Name: "%make-waiter", Min: 3, Max: 3, Fn3: makeWaiter},
	{Name: "%waiter-ticket", Min: 1, Max: 1, Fn1: waiterTicket},
	{Name: "%waiter-index", Min: 1, Max: 1, Fn1: waiterIndex},
	{Name: "%waiter-value", Min: 1, Max: 1, Fn1: waiterValue},
	{Name: "%waiter-live?", Min: 1, Max: 1, Fn1: waiterLive},
}

// Ticket is a goroutine's right to end one of its blocking operations.
// Its goroutine is a record, not any value, so that a ticket takes 16
// bytes rather than 24.
type Ticket struct {
	goroutine *Record // nil (#f) for an alarm's ticket that wakes no goroutine
	dead      bool
}

// Live reports whether t is live (for the heap of alarms in eval).
func (t *Ticket) Live() bool { return !t.dead }

// SchemeString implements value.Opaque.
func (t *Ticket) SchemeString() string {
	if t.dead {
		return "#<ticket dead>"
	}
	return "#<ticket live>"
}

// Waiter is a goroutine's offer to take part in one channel operation.
type Waiter struct {
	ticket *Ticket
	index  int // the operation's number in a select, or -1 or -2
	value  V   // what a sender offers (#f for a receiver)
}

// SchemeString implements value.Opaque: #<waiter index: -1 value: 3>.
func (w *Waiter) SchemeString() string {
	return "#<waiter index: " + value.WriteString(value.Int(int64(w.index))) +
		" value: " + value.ShortText(value.WriteString(w.value), 40) + ">"
}

func makeTicket(g V) (V, error) {
	switch g := g.(type) {
	case *Record:
		return &Ticket{goroutine: g}, nil
	case bool:
		if !g {
			return &Ticket{}, nil
		}
	}
	return nil, value.TypeError("%make-ticket", "goroutine or #f", g)
}

func ticketArg(x V, who string) (*Ticket, error) {
	t, ok := x.(*Ticket)
	if !ok {
		return nil, value.TypeError(who, "ticket", x)
	}
	return t, nil
}

func ticketLive(x V) (V, error) {
	t, err := ticketArg(x, "%ticket-live?")
	if err != nil {
		return nil, err
	}
	return !t.dead, nil
}

func ticketGoroutine(x V) (V, error) {
	t, err := ticketArg(x, "%ticket-goroutine")
	if err != nil {
		return nil, err
	}
	if t.goroutine == nil {
		return false, nil
	}
	return t.goroutine, nil
}

func killTicket(x V) (V, error) {
	t, err := ticketArg(x, "%kill-ticket!")
	if err != nil {
		return nil, err
	}
	t.dead = true
	return value.Unspecified, nil
}

func makeWaiter(ticket, index, v V) (V, error) {
	t, err := ticketArg(ticket, "%make-waiter")
	if err != nil {
		return nil, err
	}
	i, ok := index.(value.Fixnum)
	if !ok {
		return nil, value.TypeError("%make-waiter", "fixnum", index)
	}
	return &Waiter{ticket: t, index: int(i), value: v}, nil
}

func waiterArg(x V, who string) (*Waiter, error) {
	w, ok := x.(*Waiter)
	if !ok {
		return nil, value.TypeError(who, "waiter", x)
	}
	return w, nil
}

func waiterTicket(x V) (V, error) {
	w, err := waiterArg(x, "%waiter-ticket")
	if err != nil {
		return nil, err
	}
	return w.ticket, nil
}

func waiterIndex(x V) (V, error) {
	w, err := waiterArg(x, "%waiter-index")
	if err != nil {
		return nil, err
	}
	return value.Int(int64(w.index)), nil
}

func waiterValue(x V) (V, error) {
	w, err := waiterArg(x, "%waiter-value")
	if err != nil {
		return nil, err
	}
	return w.value, nil
}

func waiterLive(x V) (V, error) {
	w, err := waiterArg(x, "%waiter-live?")
	if err != nil {
		return nil, err
	}
	return !w.ticket.dead, nil
}

package eval

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"contigo/prims"
	"contigo/value"
)

// TestQueueRing pushes and pops across the ring's wrap and its growth
// (its length stays a power of two, which the masks rely on), and checks
// what %enqueue! says of the limit.
func TestQueueRing(t *testing.T) {
	q := &queue{limit: 3}
	var got, want []int64
	var over []bool
	next := int64(0)
	push := func() {
		v, err := enqueue(q, value.Int(next))
		if err != nil {
			t.Fatal(err)
		}
		over = append(over, v.(bool))
		want = append(want, next)
		next++
	}
	pop := func() {
		got = append(got, int64(q.pop().(value.Fixnum)))
	}
	for round := 0; round < 5; round++ {
		for i := 0; i < 6+round*5; i++ {
			push()
		}
		for i := 0; i < 4+round*3; i++ {
			pop()
		}
		if n := len(q.items); n&(n-1) != 0 {
			t.Fatalf("ring of %d slots, not a power of two", n)
		}
	}
	for q.n > 0 {
		pop()
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("popped (-pushed +popped):\n%s", diff)
	}
	if diff := cmp.Diff([]bool{false, false, false, true, true, true}, over[:6]); diff != "" {
		t.Errorf("over the limit (-want +got):\n%s", diff)
	}
}

// TestWaitqPush gives a record's field a queue of its own at the first
// push when it holds the shared empty one (a negative limit), keeps
// using it after, and refuses what is not a record's queue field.
func TestWaitqPush(t *testing.T) {
	shared := &queue{limit: -1}
	rec := &prims.Record{Type: &prims.RecordType{Name: "chan"}, Fields: []value.Value{shared, shared}}
	var over []bool
	for i := 0; i < 10; i++ {
		v, err := waitqPush(rec, value.Int(1), value.Int(int64(i)))
		if err != nil {
			t.Fatal(err)
		}
		over = append(over, v.(bool))
	}
	q := rec.Fields[1].(*queue)
	if shared.n != 0 || rec.Fields[0] != value.Value(shared) || q == shared || q.n != 10 || q.limit != 8 {
		t.Errorf("after 10 pushes: shared %d items, field 0 changed %v, own queue %d items, limit %d",
			shared.n, rec.Fields[0] != value.Value(shared), q.n, q.limit)
	}
	if diff := cmp.Diff([]bool{false, false, false, false, false, false, false, false, true, true}, over); diff != "" {
		t.Errorf("over the limit (-want +got):\n%s", diff)
	}
	for _, args := range [][3]value.Value{{value.Int(1), value.Int(0), nil}, {rec, value.Int(2), nil}, {&prims.Record{Type: rec.Type, Fields: []value.Value{value.Int(3)}}, value.Int(0), nil}} {
		if _, err := waitqPush(args[0], args[1], value.Int(0)); err == nil {
			t.Errorf("(%%waitq-push! %v %v _): no error", args[0], args[1])
		}
	}
}

// TestDropRecords checks %drop-records! on a list of four records
// linked through field 1, two of them gone (field 0), and its refusal of
// what is not a record and its fields.
func TestDropRecords(t *testing.T) {
	gone, live := value.Intern("gone"), value.Intern("live")
	rs := make([]*prims.Record, 4)
	for i := range rs {
		rs[i] = &prims.Record{Type: &prims.RecordType{Name: "link"}, Fields: []value.Value{live, false}}
		if i > 0 {
			rs[i].Type = rs[0].Type
			rs[i-1].Fields[1] = rs[i]
		}
	}
	rs[1].Fields[0], rs[3].Fields[0] = gone, gone
	got, err := dropRecords([]value.Value{rs[0], value.Int(1), value.Int(0), gone})
	if err != nil {
		t.Fatal(err)
	}
	p := got.(*value.Pair)
	if p.Car != value.Value(rs[2]) || p.Cdr != value.Value(value.Int(2)) {
		t.Errorf("returned (%v . %v), want the third record and 2", p.Car, p.Cdr)
	}
	if rs[0].Fields[1] != value.Value(rs[2]) || rs[2].Fields[1] != value.Value(false) ||
		rs[1].Fields[1] != value.Value(false) || rs[3].Fields[1] != value.Value(false) {
		t.Errorf("links after: %v %v %v %v", rs[0].Fields[1], rs[1].Fields[1], rs[2].Fields[1], rs[3].Fields[1])
	}
	for _, args := range [][]value.Value{
		{value.Int(1), value.Int(1), value.Int(0), gone},
		{rs[0], value.Int(2), value.Int(0), gone},
		{rs[0], value.Int(1), value.Int(-1), gone},
	} {
		if _, err := dropRecords(args); err == nil {
			t.Errorf("(%%drop-records! %v %v %v _): no error", args[0], args[1], args[2])
		}
	}
}

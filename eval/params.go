package eval

// This file defines the private parameter values of goroutines: (p v) in
// a goroutine that inherited p from its creator must not change what the
// creator sees ("inherited at go, then private").

import (
	"reflect"
	"runtime"
	"sync"
	"sync/atomic"
	"weak"

	"contigo/cont"
	"contigo/prims"
	"contigo/value"
)

// privateParams maps a thread (a goroutine's record, the tag the
// scheduler names it by) to the values it set for parameters it had
// inherited. Goroutines are keyed weakly: the entry of a goroutine goes
// when its record is collected (the cleanup runs on another Go
// goroutine, hence the mutex). Other thread tags, which only tests make,
// are kept strongly. n counts the entries, so that reading a parameter
// costs nothing while no goroutine ever set one.
type privateParams struct {
	mu     sync.Mutex
	n      atomic.Int32
	weak   map[weak.Pointer[prims.Record]]map[*Parameter]value.Value
	strong map[value.Value]map[*Parameter]value.Value
}

// valuesOf returns the values thread set privately (nil if none); the
// caller holds pp.mu.
func (pp *privateParams) valuesOf(thread value.Value) map[*Parameter]value.Value {
	if r, ok := thread.(*prims.Record); ok {
		return pp.weak[weak.Make(r)]
	}
	if isComparable(thread) {
		return pp.strong[thread]
	}
	return nil
}

func (pp *privateParams) get(thread value.Value, p *Parameter) (value.Value, bool) {
	pp.mu.Lock()
	defer pp.mu.Unlock()
	vals := pp.valuesOf(thread)
	v, ok := vals[p]
	return v, ok
}

// inherit returns the parameter bindings a goroutine started by thread
// begins with: params, and on top, bindings owned by thread of the
// values thread set privately, so that the child reads them.
func (pp *privateParams) inherit(thread value.Value, params *cont.ParamBinding) *cont.ParamBinding {
	if thread == nil || pp.n.Load() == 0 {
		return params
	}
	pp.mu.Lock()
	defer pp.mu.Unlock()
	vals := pp.valuesOf(thread)
	for p, v := range vals {
		params = &cont.ParamBinding{Param: p, Value: v, Next: params, Owner: thread}
	}
	return params
}

func (pp *privateParams) set(thread value.Value, p *Parameter, v value.Value) {
	pp.mu.Lock()
	defer pp.mu.Unlock()
	var vals map[*Parameter]value.Value
	if r, ok := thread.(*prims.Record); ok {
		key := weak.Make(r)
		if vals = pp.weak[key]; vals == nil {
			if pp.weak == nil {
				pp.weak = map[weak.Pointer[prims.Record]]map[*Parameter]value.Value{}
			}
			vals = map[*Parameter]value.Value{}
			pp.weak[key] = vals
			pp.n.Add(1)
			runtime.AddCleanup(r, func(key weak.Pointer[prims.Record]) {
				pp.mu.Lock()
				delete(pp.weak, key)
				pp.mu.Unlock()
				pp.n.Add(-1)
			}, key)
		}
	} else {
		if !isComparable(thread) {
			return
		}
		if vals = pp.strong[thread]; vals == nil {
			if pp.strong == nil {
				pp.strong = map[value.Value]map[*Parameter]value.Value{}
			}
			vals = map[*Parameter]value.Value{}
			pp.strong[thread] = vals
			pp.n.Add(1)
		}
	}
	vals[p] = v
}

// isComparable reports whether v may be a map key.
func isComparable(v value.Value) bool {
	return v != nil && reflect.TypeOf(v).Comparable()
}

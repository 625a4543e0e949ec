package eval

import (
	"math"
	"os"
	"time"

	"contigo/value"
)

// promise is the state shared by a chain of promises (report 7.3's
// reference implementation: delay-force replaces the box).
type promise struct{ box *promiseBox }

type promiseBox struct {
	done  bool
	value V // the value when done, else the thunk
}

// SchemeString implements value.Opaque.
func (p *promise) SchemeString() string { return "#<promise>" }

var startTime = time.Now()

func errObj(v V, who string) (*value.ErrorObject, error) {
	if e, ok := v.(*value.ErrorObject); ok {
		return e, nil
	}
	return nil, value.TypeError(who, "error object", v)
}

func (in *Interp) miscPrims() []*value.Primitive {
	return []*value.Primitive{
		prim("error", 0, -1, func(args []V) (V, error) {
			e := &value.ErrorObject{}
			if len(args) > 0 {
				if s, ok := args[0].(*value.String); ok {
					e.Message = s.String()
				} else {
					e.Message = value.WriteString(args[0])
				}
				e.Irritants = append([]V(nil), args[1:]...)
			}
			return nil, e
		}),
		pred("error-object?", func(a V) bool { _, ok := a.(*value.ErrorObject); return ok }),
		prim1("error-object-message", func(a V) (V, error) {
			e, err := errObj(a, "error-object-message")
			if err != nil {
				return nil, err
			}
			return value.NewString(e.Message), nil
		}),
		prim1("error-object-irritants", func(a V) (V, error) {
			e, err := errObj(a, "error-object-irritants")
			if err != nil {
				return nil, err
			}
			return value.List(e.Irritants...), nil
		}),
		pred("file-error?", func(a V) bool { e, ok := a.(*value.ErrorObject); return ok && e.Kind == "file-error" }),
		pred("read-error?", func(a V) bool { e, ok := a.(*value.ErrorObject); return ok && e.Kind == "read-error" }),
		pred("procedure?", isProcedure),
		prim("void", 0, -1, func(args []V) (V, error) { return value.Unspecified, nil }),
		prim1("%make-lazy-promise", func(thunk V) (V, error) {
			return &promise{&promiseBox{value: thunk}}, nil
		}),
		prim1("%make-ready-promise", func(v V) (V, error) {
			return &promise{&promiseBox{done: true, value: v}}, nil
		}),
		prim1("make-promise", func(v V) (V, error) {
			if p, ok := v.(*promise); ok {
				return p, nil
			}
			return &promise{&promiseBox{done: true, value: v}}, nil
		}),
		pred("promise?", func(a V) bool { _, ok := a.(*promise); return ok }),
		prim1("%promise-done?", func(a V) (V, error) {
			p, ok := a.(*promise)
			if !ok {
				return nil, value.TypeError("force", "promise", a)
			}
			return p.box.done, nil
		}),
		prim1("%promise-value", func(a V) (V, error) { return a.(*promise).box.value, nil }),
		prim2("%promise-update!", func(newer, old V) (V, error) {
			n, ok := newer.(*promise)
			if !ok {
				return nil, value.TypeError("force", "promise", newer)
			}
			o := old.(*promise)
			o.box.done, o.box.value = n.box.done, n.box.value
			n.box = o.box
			return value.Unspecified, nil
		}),
		prim("monotonic-ms", 0, 0, func(args []V) (V, error) {
			return value.Int(time.Since(startTime).Milliseconds()), nil
		}),
		prim1("os-sleep", func(a V) (V, error) {
			f, ok := value.ToFloat(a)
			if !ok || !(f >= 0) || math.IsInf(f, 1) {
				return nil, value.TypeError("os-sleep", "finite non-negative number of milliseconds", a)
			}
			in.Flush()
			if !in.sleep(f) {
				return nil, errStopped
			}
			return value.Unspecified, nil
		}),
		prim("current-second", 0, 0, func(args []V) (V, error) {
			return value.Flonum(float64(time.Now().UnixNano()) / 1e9), nil
		}),
		prim("current-jiffy", 0, 0, func(args []V) (V, error) {
			return value.Int(time.Since(startTime).Microseconds()), nil
		}),
		prim("jiffies-per-second", 0, 0, func(args []V) (V, error) { return value.Int(1_000_000), nil }),
		prim("command-line", 0, 0, func(args []V) (V, error) {
			items := make([]V, len(in.args))
			for i, a := range in.args {
				items[i] = value.NewString(a)
			}
			return value.List(items...), nil
		}),
		prim1("get-environment-variable", func(a V) (V, error) {
			s, err := str(a, "get-environment-variable")
			if err != nil {
				return nil, err
			}
			v, ok := os.LookupEnv(s.String())
			if !ok {
				return false, nil
			}
			return value.NewString(v), nil
		}),
		prim1("macroexpand-1", func(form V) (V, error) { return in.macroexpand(form, true) }),
		prim1("macroexpand", func(form V) (V, error) { return in.macroexpand(form, false) }),
	}
}

// macroexpand expands the head of form once, or until it is no longer a
// macro use.
func (in *Interp) macroexpand(form V, once bool) (V, error) {
	for {
		p, ok := form.(*value.Pair)
		if !ok {
			return form, nil
		}
		sym, ok := p.Car.(*value.Symbol)
		if !ok {
			return form, nil
		}
		g, ok := in.globals[sym]
		if !ok || g.Macro == nil {
			return form, nil
		}
		out, err := g.Macro.Expand(form, in)
		if err != nil {
			return nil, err
		}
		form = out
		if once {
			return form, nil
		}
	}
}

// errorPrims are the procedures that describe error objects for tools
// such as the goroutine scheduler, which reports errors it caught.
func errorPrims() []*value.Primitive {
	return []*value.Primitive{
		prim1("error-object-backtrace", func(a V) (V, error) {
			if _, ok := a.(*value.ErrorObject); !ok {
				return value.NewString(""), nil
			}
			return value.NewString(ErrorOf(a).Backtrace()), nil
		}),
		prim1("condition->string", func(a V) (V, error) {
			return value.NewString(ErrorOf(a).Error()), nil
		}),
	}
}

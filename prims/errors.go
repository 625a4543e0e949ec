package prims

// This file defines the primitives on error objects (report 6.11).
// raise and with-exception-handler, which reach the machine's handlers,
// are in eval.

import "contigo/value"

var errorRows = []value.Primitive{
	{Name: "error", Min: 0, Max: -1, Fn: raiseError},
	{Name: "error-object?", Min: 1, Max: 1, Fn1: isErrorObject},
	{Name: "error-object-message", Min: 1, Max: 1, Fn1: errorObjectMessage},
	{Name: "error-object-irritants", Min: 1, Max: 1, Fn1: errorObjectIrritants},
	{Name: "file-error?", Min: 1, Max: 1, Fn1: isFileError},
	{Name: "read-error?", Min: 1, Max: 1, Fn1: isReadError},
	{Name: "void", Min: 0, Max: -1, Fn: void},
}

// raiseError is error: it returns the error object as its Go error,
// which the machine raises.
func raiseError(args []V) (V, error) {
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
}

func errorObjectArg(v V, who string) (*value.ErrorObject, error) {
	if e, ok := v.(*value.ErrorObject); ok {
		return e, nil
	}
	return nil, value.TypeError(who, "error object", v)
}

func isErrorObject(a V) (V, error) { _, ok := a.(*value.ErrorObject); return ok, nil }

func errorObjectMessage(a V) (V, error) {
	e, err := errorObjectArg(a, "error-object-message")
	if err != nil {
		return nil, err
	}
	return value.NewString(e.Message), nil
}

func errorObjectIrritants(a V) (V, error) {
	e, err := errorObjectArg(a, "error-object-irritants")
	if err != nil {
		return nil, err
	}
	return value.List(e.Irritants...), nil
}

func isFileError(a V) (V, error) { return isErrorKind(a, "file-error"), nil }
func isReadError(a V) (V, error) { return isErrorKind(a, "read-error"), nil }

func isErrorKind(a V, kind string) bool {
	e, ok := a.(*value.ErrorObject)
	return ok && e.Kind == kind
}

func void([]V) (V, error) { return value.Unspecified, nil }

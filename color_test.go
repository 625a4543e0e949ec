package main

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestColor checks that errors are red on a terminal, and plain when the
// output is not a terminal, when NO_COLOR is set or TERM is dumb.
func TestColor(t *testing.T) {
	tests := []struct {
		name     string
		terminal bool
		env      map[string]string
		want     string
	}{
		{name: "terminal", terminal: true, env: map[string]string{"TERM": "xterm"},
			want: "\x1b[1;31m<stdin>:1:1: car: expected pair, got 1\x1b[0m\n"},
		{name: "not a terminal", terminal: false, env: map[string]string{"TERM": "xterm"},
			want: "<stdin>:1:1: car: expected pair, got 1\n"},
		{name: "NO_COLOR", terminal: true, env: map[string]string{"TERM": "xterm", "NO_COLOR": ""},
			want: "<stdin>:1:1: car: expected pair, got 1\n"},
		{name: "dumb terminal", terminal: true, env: map[string]string{"TERM": "dumb"},
			want: "<stdin>:1:1: car: expected pair, got 1\n"},
	}
	defer func(l func(string) (string, bool)) { lookupEnv, forceColor = l, nil }(lookupEnv)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lookupEnv = func(k string) (string, bool) { v, ok := tt.env[k]; return v, ok }
			forceColor = func(io.Writer) bool { return tt.terminal }
			var stdout, stderr bytes.Buffer
			run(nil, strings.NewReader("(car 1)\n"), &stdout, &stderr)
			got, _, _ := strings.Cut(stderr.String(), "backtrace")
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("stderr (-want +got):\n%s", diff)
			}
		})
	}
}

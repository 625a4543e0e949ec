package eval

// This file defines the sandbox (Options.Sandbox), for running untrusted
// programs such as students' exercises, after Racket's racket/sandbox:
// the program may not write, delete or rename files, nor read the process
// environment, and it may read only files under the directories it is
// allowed to read. Each refusal is an ordinary Scheme error raised at the
// call that asked ("sandbox: file writes are not allowed:
// open-output-file"), so a program can catch it. exit and emergency-exit
// never end the host process in any case: they end the evaluation, which
// returns an *ExitError. Time and memory limits are the embedder's (the
// contigo command has --timeout); Interp.Stop ends a run from outside.

import (
	"os"
	"path/filepath"
	"strings"

	"contigo/value"
)

// Sandbox restricts what a program may do.
type Sandbox struct {
	// ReadDirs are the directories the program may read files in,
	// subdirectories included (none when empty). Symbolic links are
	// followed before the check, so a link cannot lead out of them.
	ReadDirs []string
}

// sandbox is an interpreter's sandbox with its directories made absolute
// and free of links.
type sandbox struct {
	readDirs []string
}

func newSandbox(s *Sandbox) *sandbox {
	sb := &sandbox{}
	for _, d := range s.ReadDirs {
		if abs, err := realPath(d); err == nil {
			sb.readDirs = append(sb.readDirs, abs)
		}
	}
	return sb
}

// realPath is the absolute path of name with symbolic links resolved, as
// far as it exists (a file to be created need not).
func realPath(name string) (string, error) {
	abs, err := filepath.Abs(name)
	if err != nil {
		return "", err
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r, nil
	}
	dir, base := filepath.Split(abs)
	if r, err := filepath.EvalSymlinks(dir); err == nil {
		return filepath.Join(r, base), nil
	}
	return abs, nil
}

// sandboxError is the error of a refused operation of who.
func sandboxError(what, who string, kind string) error {
	return &value.ErrorObject{Message: "sandbox: " + what + " are not allowed: " + who, Kind: kind}
}

// checkWrite refuses who, which would change the file system, in a
// sandbox.
func (in *Interp) checkWrite(who string) error {
	if in.sandbox == nil {
		return nil
	}
	return sandboxError("file writes", who, "file-error")
}

// checkEnv refuses who, which would read the process environment, in a
// sandbox.
func (in *Interp) checkEnv(who string) error {
	if in.sandbox == nil {
		return nil
	}
	return sandboxError("environment variables", who, "")
}

// checkRead refuses who reading the file name in a sandbox unless it is
// under one of the directories the program may read.
func (in *Interp) checkRead(who, name string) error {
	if in.sandbox == nil || in.sandbox.mayRead(name) {
		return nil
	}
	return &value.ErrorObject{
		Message:   "sandbox: file reads outside the allowed directories are not allowed: " + who,
		Irritants: []value.Value{value.NewString(name)},
		Kind:      "file-error",
	}
}

func (sb *sandbox) mayRead(name string) bool {
	p, err := realPath(name)
	if err != nil {
		return false
	}
	for _, d := range sb.readDirs {
		if p == d || strings.HasPrefix(p, d+string(os.PathSeparator)) || d == string(os.PathSeparator) {
			return true
		}
	}
	return false
}

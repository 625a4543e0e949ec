package main

// This file defines `contigo check`, which runs students' answers to the
// course's exercises and compares what they print with what a correct
// answer prints:
//
//	contigo check EXERCISE FILE.scm...   check answers
//	contigo check EXERCISE DIR           check every .scm under DIR (a class's submissions)
//	contigo check -list                  list the exercises
//
// EXERCISE is an exercise's name, such as 01-find-first (docs/course/
// solutions), or any unique part of it (find-first). Each answer runs in
// a child process of this binary, with a wall-clock timeout of its own,
// so that an answer that loops, crashes or exits cannot stop the others.
// The exit status is 0 when every answer is right, 1 otherwise, 2 for a
// usage error.

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// The output a correct answer to each exercise prints: the outputs of the
// course's solutions, which the course test keeps in step with the
// solutions and with the chapters' statements.
//
//go:embed docs/course/solutions/*.out
var exerciseOutputs embed.FS

// checkChildArgs is the command line, after the program name, that runs
// one answer in the child process. Every limit the child should run
// under (a sandbox, a memory cap) belongs here.
func checkChildArgs(file string) []string {
	// A student's answer may not touch the teacher's files: the sandbox
	// refuses writes, deletes and the environment, and reads outside
	// the answer's folder; a runaway allocation ends at 1 GB.
	return []string{"--sandbox", "--max-memory", "1024", file}
}

// checkExecutable returns the binary that runs answers: this one.
var checkExecutable = os.Executable

// exercises returns the names of the exercises, sorted.
func exercises() []string {
	files, _ := fs.Glob(exerciseOutputs, "docs/course/solutions/*.out")
	var names []string
	for _, f := range files {
		names = append(names, strings.TrimSuffix(path.Base(f), ".out"))
	}
	sort.Strings(names)
	return names
}

// findExercise resolves name to an exercise: its full name, or a part of
// exactly one exercise's name.
func findExercise(name string) (string, error) {
	all := exercises()
	var found []string
	for _, ex := range all {
		if ex == name {
			return ex, nil
		}
		if strings.Contains(ex, name) {
			found = append(found, ex)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return "", fmt.Errorf("no exercise %q; the exercises are:\n  %s", name, strings.Join(all, "\n  "))
	}
	return "", fmt.Errorf("%q could be any of: %s", name, strings.Join(found, " "))
}

func checkMain(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("contigo check", flag.ContinueOnError)
	flags.SetOutput(stderr)
	timeout := flags.Duration("timeout", 10*time.Second, "wall-clock time an answer may run")
	list := flags.Bool("list", false, "list the exercises")
	flags.Usage = func() {
		fmt.Fprintf(stderr, "usage: contigo check [flags] EXERCISE FILE.scm|DIR ...\n       contigo check -list\n\n"+
			"A DIR stands for every .scm file under it.\n\nflags:\n")
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return exitUsage
	}
	if *list {
		for _, ex := range exercises() {
			fmt.Fprintln(stdout, ex)
		}
		return 0
	}
	if flags.NArg() < 2 {
		flags.Usage()
		return exitUsage
	}
	ex, err := findExercise(flags.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "contigo check: %v\n", err)
		return exitUsage
	}
	want, err := exerciseOutputs.ReadFile("docs/course/solutions/" + ex + ".out")
	if err != nil {
		fmt.Fprintf(stderr, "contigo check: %v\n", err)
		return exitUsage
	}
	files, err := answerFiles(flags.Args()[1:])
	if err != nil {
		fmt.Fprintf(stderr, "contigo check: %v\n", err)
		return exitUsage
	}
	failed := 0
	for _, f := range files {
		if msg := checkAnswer(f, string(want), *timeout); msg != "" {
			failed++
			fmt.Fprintf(stdout, "FAIL %s: %s\n", f, msg)
		} else {
			fmt.Fprintf(stdout, "ok   %s\n", f)
		}
	}
	if len(files) > 1 {
		fmt.Fprintf(stdout, "%s: %d of %d answers right\n", ex, len(files)-failed, len(files))
	}
	if failed > 0 {
		return 1
	}
	return 0
}

// answerFiles expands the arguments: a directory stands for the .scm
// files in it and in its subdirectories (one per student, say), in
// lexical order.
func answerFiles(args []string) ([]string, error) {
	var files []string
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			files = append(files, a)
			continue
		}
		var found []string
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.HasSuffix(p, ".scm") {
				found = append(found, p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("%s holds no .scm files", a)
		}
		files = append(files, found...)
	}
	return files, nil
}

// checkAnswer runs the answer in file and returns "" if it printed want
// and exited normally, else what went wrong.
func checkAnswer(file, want string, timeout time.Duration) string {
	exe, err := checkExecutable()
	if err != nil {
		return fmt.Sprintf("cannot find the contigo binary: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, exe, checkChildArgs(file)...)
	var out, errOut bytes.Buffer
	cmd.Stdin = nil // no input: an answer that reads gets end of file
	cmd.Stdout, cmd.Stderr = &out, &errOut
	cmd.WaitDelay = time.Second
	err = cmd.Run()
	var problems []string
	switch {
	case ctx.Err() != nil:
		problems = append(problems, fmt.Sprintf("still running after %v: stopped (an endless loop, or a goroutine that never ends?)", timeout))
	case err != nil:
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			problems = append(problems, fmt.Sprintf("exited with status %d", exit.ExitCode()))
		} else {
			problems = append(problems, err.Error())
		}
	}
	if d := outputDiff(want, out.String()); d != "" {
		problems = append(problems, d)
	}
	if len(problems) == 0 {
		return ""
	}
	msg := strings.Join(problems, "; ")
	if errOut.Len() > 0 {
		msg += "\n  its errors:\n" + indent(strings.TrimRight(shortLines(errOut.String(), 12), "\n"), "    ")
	}
	return msg
}

// outputDiff describes the first difference between the output wanted and
// the output got, or returns "" if they are the same.
func outputDiff(want, got string) string {
	if want == got {
		return ""
	}
	if want == got+"\n" {
		return "the last line of output lacks its line break (a newline)"
	}
	wl := strings.Split(want, "\n")
	gl := strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if i >= len(gl) || i >= len(wl) || w != g {
			switch {
			case i >= len(gl) || i == len(gl)-1 && g == "" && i < len(wl)-1:
				return fmt.Sprintf("output stops at line %d; a right answer goes on with %q", i+1, w)
			case i >= len(wl) || i == len(wl)-1 && w == "":
				return fmt.Sprintf("output goes on after the last line of a right answer: line %d is %q", i+1, g)
			}
			return fmt.Sprintf("output line %d is %q, a right answer prints %q", i+1, g, w)
		}
	}
	return "output differs"
}

// shortLines keeps the first n lines of s.
func shortLines(s string, n int) string {
	lines := strings.SplitAfter(s, "\n")
	if len(lines) <= n {
		return s
	}
	return strings.Join(lines[:n], "") + fmt.Sprintf("... (%d more lines)\n", len(lines)-n)
}

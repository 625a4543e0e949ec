// Command cputime runs a command several times and prints the CPU time
// (user + system, of every thread of the process, from wait4's rusage,
// in microseconds) of each run, one a line. The time of starting cputime
// itself is not counted, nor the fork that starts each run.
// bench/startup.sh uses it to compare start-up times.
//
// Usage: cputime [-n N] [-out FILE] command [arg ...]
//
// The command's standard input is /dev/null and its standard error is
// cputime's; its standard output goes to FILE (by default /dev/null),
// rewritten by each run. cputime exits with status 1 if a run fails.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"syscall"
)

func main() {
	n := flag.Int("n", 1, "runs")
	out := flag.String("out", os.DevNull, "the command's standard output")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: cputime [-n N] [-out FILE] command [arg ...]")
		os.Exit(2)
	}
	for i := 0; i < *n; i++ {
		f, err := os.Create(*out)
		if err != nil {
			fmt.Fprintln(os.Stderr, "cputime:", err)
			os.Exit(1)
		}
		cmd := exec.Command(flag.Arg(0), flag.Args()[1:]...)
		cmd.Stdout, cmd.Stderr = f, os.Stderr
		err = cmd.Run()
		f.Close()
		if err != nil {
			fmt.Fprintf(os.Stderr, "cputime: %s: %v\n", flag.Arg(0), err)
			os.Exit(1)
		}
		ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
		us := func(t syscall.Timeval) int64 { return int64(t.Sec)*1e6 + int64(t.Usec) }
		fmt.Println(us(ru.Utime) + us(ru.Stime))
	}
}

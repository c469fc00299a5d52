// Command measure runs a command RUNS times (env, default 1) and prints
// its mean wall time in seconds and its peak resident memory in MB, from
// the kernel's accounting: a portable stand-in for /usr/bin/time -v.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"time"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: measure COMMAND [ARG...]")
		os.Exit(2)
	}
	runs := 1
	if s := os.Getenv("RUNS"); s != "" {
		if n, err := strconv.Atoi(s); err == nil && n > 0 {
			runs = n
		}
	}
	var total time.Duration
	var peak int64
	for i := 0; i < runs; i++ {
		cmd := exec.Command(os.Args[1], os.Args[2:]...)
		cmd.Stdout, cmd.Stderr = nil, nil
		if os.Getenv("MEASURE_VERBOSE") != "" {
			cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		}
		start := time.Now()
		if err := cmd.Run(); err != nil {
			fmt.Fprintf(os.Stderr, "measure: %v: %v\n", os.Args[1:], err)
			os.Exit(1)
		}
		total += time.Since(start)
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok && ru.Maxrss > peak {
			peak = ru.Maxrss // kilobytes on Linux
		}
	}
	fmt.Printf("%.3f %d\n", total.Seconds()/float64(runs), peak/1024)
}

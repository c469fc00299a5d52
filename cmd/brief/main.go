// Command brief turns an indicator dataset into a weekly brief (Markdown,
// PDF and a JSON audit record) and press talking points, offline.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"regexp"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/briefhq/brief/internal/atomicfile"
	"github.com/briefhq/brief/internal/dataset"
)

// version is what --version prints and brief.json records: set at
// build time with -ldflags "-X main.version=v1.2.3" (release and Docker
// builds without a .git), else read from the build info (see version.go).
var version = ""

func init() { version = buildVersion(version, debug.ReadBuildInfo) }

// IO is where a command reads and writes; tests pass buffers.
type IO struct {
	Out, Err io.Writer
	// Now is the clock; Getenv reads the environment.
	Now    func() time.Time
	Getenv func(string) string
}

func main() {
	tuneGC()
	code := run(os.Args[1:])
	if beforeExit != nil {
		beforeExit()
	}
	os.Exit(code)
}

// beforeExit is nil but in a test that signals the process between the
// end of its run and its exit.
var beforeExit func()

// tuneGC trades memory the runs have for time: a brief allocates a few
// tens of MB and is done, so collecting at 4x the live heap instead of 2x
// saves a tenth of its time; a soft limit of 768 MiB keeps a
// million-row dataset well under 1 GiB. GOGC and GOMEMLIMIT still win.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(768 << 20)
	}
}

// grace is how long a run has to stop by itself after Ctrl-C or SIGTERM
// before it is ended: a template loop or a blocking open cannot check the
// context.
const grace = time.Second

const interruptedMsg = "brief: interrupted: nothing half-written remains (an earlier brief in its folder is kept as it was)"

// exitMu is held by whichever ends the process: the run returning its
// code, or the signal watcher ending a run that did not stop in time.
var exitMu sync.Mutex

// interruptedSaid is set once the interrupted message is printed.
var interruptedSaid atomic.Bool

// run executes the command line with signal handling. The first Ctrl-C or
// SIGTERM cancels the run's context; a run that has not returned within
// grace (or on a second signal) is ended: atomicfile.Abort removes its
// temporary folder, lock and the empty folders it made, and the process
// exits 1 saying it was interrupted. The handler is never uninstalled, so
// a signal that comes after the run has returned changes nothing: a
// complete brief exits 0 (before this, it died with 130).
func run(args []string) int {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	io := IO{Out: os.Stdout, Err: os.Stderr, Now: time.Now, Getenv: os.Getenv}
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go watchSignals(sigs, cancel, io.Err)
	code := execute(ctx, args, io)
	exitMu.Lock() // held until the process exits: no forced exit now
	return code
}

func watchSignals(sigs <-chan os.Signal, cancel context.CancelFunc, stderr io.Writer) {
	<-sigs
	cancel()
	select {
	case <-sigs:
	case <-time.After(grace):
	}
	exitMu.Lock() // blocks for good if the run has returned
	atomicfile.Abort()
	if !interruptedSaid.Swap(true) {
		fmt.Fprintln(stderr, interruptedMsg)
	}
	os.Exit(1)
}

// execute runs the command line and maps the error to an exit code:
// 0 ok, 1 input or run error, 2 usage.
func execute(ctx context.Context, args []string, io IO) int {
	cmd := newRootCmd(io)
	cmd.SetArgs(args)
	err := cmd.ExecuteContext(ctx)
	if err == nil {
		return 0
	}
	var ue *usageError
	var de *dataset.Error
	var ee *exitError
	switch {
	case errors.Is(err, context.Canceled) || errors.Is(err, atomicfile.ErrAborted) || ctx.Err() != nil:
		interruptedSaid.Store(true)
		fmt.Fprintln(io.Err, interruptedMsg)
		return 1
	case errors.As(err, &ee):
		fmt.Fprintf(io.Err, "brief: %s\n", ee.msg)
		return ee.code
	case errors.As(err, &de):
		fmt.Fprintln(io.Err, de.Error())
		return 1
	case errors.As(err, &ue):
		fmt.Fprintf(io.Err, "brief: %v\nRun 'brief %s --help' for usage.\n", ue.err, ue.cmd)
		return 2
	case exclusiveRE.MatchString(err.Error()):
		// cobra: "if any flags in the group [week as-of] are set none of
		// the others can be; [as-of week] were all set"
		flags := strings.Fields(exclusiveRE.FindStringSubmatch(err.Error())[1])
		for i, f := range flags {
			flags[i] = "--" + f
		}
		fmt.Fprintf(io.Err, "brief: %s cannot be used together: give one of them\nRun 'brief --help' for usage.\n", strings.Join(flags, " and "))
		return 2
	case isCobraUsage(err):
		fmt.Fprintf(io.Err, "brief: %v\nRun 'brief --help' for usage.\n", err)
		return 2
	}
	fmt.Fprintf(io.Err, "brief: %v\n", err)
	return 1
}

var exclusiveRE = regexp.MustCompile(`if any flags in the group \[([^\]]*)\] are set none of the others can be`)

// usageError is a wrong flag value or argument: exit code 2.
type usageError struct {
	cmd string
	err error
}

func (e *usageError) Error() string { return e.err.Error() }

func usagef(cmd, format string, a ...any) error {
	return &usageError{cmd: cmd, err: fmt.Errorf(format, a...)}
}

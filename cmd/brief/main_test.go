package main

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/briefhq/brief/internal/atomicfile"
)

func TestMain(m *testing.M) {
	// BRIEF_TEST_HANG=write: this test binary runs as brief whose first
	// file write hangs, as a stuck disk would (TestSignalWhileAWriteHangs).
	if os.Getenv("BRIEF_TEST_HANG") == "write" {
		atomicfile.FaultHook = func(op, _ string) error {
			if op == "write" {
				select {}
			}
			return nil
		}
		os.Args = append([]string{"brief"}, os.Args[1:]...)
		main()
	}
	testscript.Main(m, map[string]func(){
		"brief": main,
		// brief-late-signal sends itself SIGINT and SIGTERM after the run
		// has returned, before the process exits: the exit code must stay
		// the run's (it was 130 when the default handler came back).
		"brief-late-signal": func() {
			beforeExit = func() {
				syscall.Kill(os.Getpid(), syscall.SIGINT)
				syscall.Kill(os.Getpid(), syscall.SIGTERM)
				time.Sleep(1500 * time.Millisecond) // past the grace period
			}
			main()
		},
	})
}

// TestScripts runs the txtar scripts in testdata/script: each is a
// command-line session with its fixtures and expected output.
func TestScripts(t *testing.T) {
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("REPO", repo)
			env.Setenv("SOURCE_DATE_EPOCH", "1764151200") // 2025-11-26T10:00:00Z
			return nil
		},
		UpdateScripts: os.Getenv("UPDATE_SCRIPTS") != "",
	})
}

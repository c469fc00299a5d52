package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/briefhq/brief/internal/atomicfile"
	"github.com/briefhq/brief/internal/audit"
	"github.com/briefhq/brief/internal/briefschema"
	"github.com/briefhq/brief/internal/fixtures"
)

func TestMain(m *testing.M) {
	// Every brief.json and points.json a test writes, in this process or
	// in a script's brief, is held to docs/brief.schema.json: one that
	// does not match fails the run that wrote it.
	audit.Validate = briefschema.Validate
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
		"brief":        main,
		"fakellm":      fakeLLMServer,
		"waitfile":     waitFile,
		"makefixtures": makeFixtures,
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
	runScripts(t, "testdata/script", "")
}

// TestScriptsShared runs the scripts of testdata/script-shared, which
// read the real files of ../shared/data in place ($SHARED); a plain clone
// has none, and the test skips.
func TestScriptsShared(t *testing.T) {
	shared, err := filepath.Abs("../../../shared/data")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(shared, "gdp", "gdp.csv")); err != nil {
		t.Skip("../shared/data is not beside the repository (a plain clone): the scripts that read it are skipped")
	}
	runScripts(t, "testdata/script-shared", shared)
}

// runScripts runs the txtar scripts of dir with $REPO, $SHARED (shared,
// "" when a script may not read it) and the clock set.
func runScripts(t *testing.T, dir, shared string) {
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: dir,
		Setup: func(env *testscript.Env) error {
			env.Setenv("REPO", repo)
			env.Setenv("SHARED", shared)
			env.Setenv("SOURCE_DATE_EPOCH", "1764151200") // 2025-11-26T10:00:00Z
			return nil
		},
		UpdateScripts: os.Getenv("UPDATE_SCRIPTS") != "",
	})
}

// makeFixtures (testscript: "exec makefixtures SHARED OUT") writes the
// real-shaped agency and Excel fixtures made from the files of SHARED
// (../shared/data) into OUT (fixtures.Real).
func makeFixtures() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: makefixtures SHARED OUT")
		os.Exit(2)
	}
	if _, err := fixtures.Real(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "makefixtures:", err)
		os.Exit(1)
	}
}

// fakeLLMServer (testscript: "exec fakellm MODE &") is a local
// OpenAI-compatible chat endpoint on 127.0.0.1 that writes brief.yaml
// with its address (base_url) and answers each request by MODE:
// "script" returns the locked draft with a raw <script> element added,
// as a model that unescaped the data would; "hang" never answers. It
// stops by itself after 90 s.
func fakeLLMServer() {
	mode := os.Args[1]
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var body struct {
			Messages []struct{ Content string } `json:"messages"`
		}
		b, _ := io.ReadAll(r.Body)
		json.Unmarshal(b, &body)
		if mode == "hang" {
			<-r.Context().Done()
			return
		}
		user := body.Messages[len(body.Messages)-1].Content
		i, j := strings.Index(user, "<draft>\n"), strings.LastIndex(user, "\n</draft>")
		draft := user[i+len("<draft>\n") : j]
		answer := strings.Replace(draft, " posted the highest", " <script>alert(1)</script> posted the highest", 1)
		answer = strings.Replace(answer, " recorded the highest", " <script>alert(1)</script> recorded the highest", 1)
		answer = strings.Replace(answer, " had the highest", " <script>alert(1)</script> had the highest", 1)
		out, _ := json.Marshal(map[string]any{"id": "x", "object": "chat.completion",
			"choices": []any{map[string]any{"index": 0, "message": map[string]any{"role": "assistant", "content": answer}, "finish_reason": "stop"}},
			"usage":   map[string]any{"prompt_tokens": 10, "completion_tokens": 10}})
		w.Header().Set("Content-Type", "application/json")
		w.Write(out)
	})}
	cfg := fmt.Sprintf("base_url: http://%s/v1\nmodel: fake-1\n", ln.Addr())
	if err := os.WriteFile("brief.yaml.tmp", []byte(cfg), 0o644); err != nil || os.Rename("brief.yaml.tmp", "brief.yaml") != nil {
		os.Exit(1)
	}
	go func() { time.Sleep(90 * time.Second); os.Exit(0) }()
	srv.Serve(ln)
}

// waitFile (testscript: "exec waitfile NAME") waits up to 10 s for a file.
func waitFile() {
	for i := 0; i < 200; i++ {
		if _, err := os.Stat(os.Args[1]); err == nil {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	fmt.Fprintf(os.Stderr, "%s did not appear\n", os.Args[1])
	os.Exit(1)
}

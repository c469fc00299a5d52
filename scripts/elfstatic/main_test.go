package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheck builds a tiny program both ways: with CGO_ENABLED=0 it is
// static; linked against libc (cgo, where a C compiler is at hand) it is
// refused, naming the interpreter.
func TestCheck(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two programs")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "main.go")
	if err := os.WriteFile(src, []byte("package main\n\nimport \"os/user\"\n\nfunc main() { _, _ = user.Current() }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	build := func(cgo string) string {
		bin := filepath.Join(dir, "prog-cgo"+cgo)
		cmd := exec.Command("go", "build", "-o", bin, src)
		cmd.Env = append(os.Environ(), "CGO_ENABLED="+cgo, "GOFLAGS=")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go build (CGO_ENABLED=%s): %v\n%s", cgo, err, out)
		}
		return bin
	}
	if err := check(build("0")); err != nil {
		t.Errorf("a CGO_ENABLED=0 build: %v", err)
	}
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Log("no C compiler: the dynamic case is not built")
		return
	}
	err := check(build("1"))
	if err == nil || !strings.Contains(err.Error(), "dynamically linked") || !strings.Contains(err.Error(), "CGO_ENABLED=0") {
		t.Errorf("a cgo build: %v, want it refused as dynamically linked", err)
	}
	if err := check(src); err == nil || !strings.Contains(err.Error(), "not an ELF binary") {
		t.Errorf("a Go source file: %v, want 'not an ELF binary'", err)
	}
}

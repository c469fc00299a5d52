// Command elfstatic checks that a Linux binary is statically linked: no
// program interpreter (PT_INTERP) and no shared libraries (DT_NEEDED),
// so it runs on an image with no libc, such as distroless/static.
//
//	go run ./scripts/elfstatic BINARY
//
// It exits 1 naming what the binary needs, and is what the Dockerfile's
// build stage (scripts/docker-build-stage.sh) checks with, since the
// golang image has neither file nor ldd for static binaries.
package main

import (
	"debug/elf"
	"fmt"
	"os"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: elfstatic BINARY")
		os.Exit(2)
	}
	if err := check(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "elfstatic:", err)
		os.Exit(1)
	}
	fmt.Printf("%s: static ELF executable, no interpreter, no shared libraries\n", os.Args[1])
}

func check(path string) error {
	f, err := elf.Open(path)
	if err != nil {
		return fmt.Errorf("%s: not an ELF binary: %w", path, err)
	}
	defer f.Close()
	if f.Type != elf.ET_EXEC && f.Type != elf.ET_DYN {
		return fmt.Errorf("%s: ELF type %v, not an executable", path, f.Type)
	}
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			b := make([]byte, p.Filesz)
			_, _ = p.ReadAt(b, 0)
			return fmt.Errorf("%s: dynamically linked: needs the interpreter %s (build with CGO_ENABLED=0)", path, string(trimNUL(b)))
		}
	}
	libs, err := f.ImportedLibraries()
	if err != nil {
		return fmt.Errorf("%s: reading its dynamic section: %w", path, err)
	}
	if len(libs) > 0 {
		return fmt.Errorf("%s: needs the shared libraries %v (build with CGO_ENABLED=0)", path, libs)
	}
	return nil
}

func trimNUL(b []byte) []byte {
	for len(b) > 0 && b[len(b)-1] == 0 {
		b = b[:len(b)-1]
	}
	return b
}

//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package atomicfile

import (
	"errors"
	"os"
	"syscall"
)

// tryFlock takes an advisory lock on f without waiting: ok is false if
// another process holds it. The kernel drops the lock when the process
// dies, however it dies, so a killed run never blocks the next one.
func tryFlock(f *os.File, shared bool) (ok bool, err error) {
	how := syscall.LOCK_EX
	if shared {
		how = syscall.LOCK_SH
	}
	for {
		err = syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
		if !errors.Is(err, syscall.EINTR) {
			break
		}
	}
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return false, nil
	}
	return err == nil, err
}

// sameFile reports whether the open lock file is still the file at path:
// a run that finished removes its lock file, and a waiter that locked the
// removed file must open the new one.
func sameFile(f *os.File, path string) bool {
	a, err := f.Stat()
	if err != nil {
		return false
	}
	b, err := os.Lstat(path)
	return err == nil && os.SameFile(a, b)
}

const openNoFollow = syscall.O_NOFOLLOW

//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package atomicfile

import "os"

// tryFlock: this system has no flock; runs are not serialised (the swap
// of a whole folder still keeps each brief whole).
func tryFlock(f *os.File, shared bool) (bool, error) { return true, nil }

func sameFile(f *os.File, path string) bool {
	a, err := f.Stat()
	if err != nil {
		return false
	}
	b, err := os.Lstat(path)
	return err == nil && os.SameFile(a, b)
}

const openNoFollow = 0

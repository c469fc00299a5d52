package atomicfile

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// renameExchange swaps the folders a and b in one step (renameat2 with
// RENAME_EXCHANGE): at every instant each name holds a complete folder.
// errNoExchange means the file system cannot; the caller falls back.
func renameExchange(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, unix.EINVAL), errors.Is(err, unix.ENOSYS), errors.Is(err, unix.EOPNOTSUPP), errors.Is(err, unix.EXDEV):
		return errNoExchange
	}
	return &os.LinkError{Op: "exchange", Old: a, New: b, Err: err}
}

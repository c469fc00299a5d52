//go:build unix

package inputfile

import (
	"errors"
	"syscall"
)

// nonblock keeps an open of a FIFO from waiting for a writer.
const nonblock = syscall.O_NONBLOCK

func isLoop(err error) bool { return errors.Is(err, syscall.ELOOP) }

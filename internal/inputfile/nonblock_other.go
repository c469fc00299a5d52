//go:build !unix

package inputfile

const nonblock = 0

func isLoop(error) bool { return false }

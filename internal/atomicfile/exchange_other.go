//go:build !linux

package atomicfile

func renameExchange(a, b string) error { return errNoExchange }

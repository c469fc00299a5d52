package guard

import (
	"regexp"
	"sync"
)

// lazyRegexp compiles on first use: an offline run of brief, which never
// polishes, pays nothing for the guard's patterns.
type lazyRegexp struct {
	once sync.Once
	src  string
	rx   *regexp.Regexp
}

func lazy(src string) *lazyRegexp { return &lazyRegexp{src: src} }

func (l *lazyRegexp) re() *regexp.Regexp {
	l.once.Do(func() { l.rx = regexp.MustCompile(l.src) })
	return l.rx
}

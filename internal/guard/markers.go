package guard

import (
	"fmt"
	"regexp"
	"sort"
	"unicode/utf8"
)

// markerRE finds footnote markers ([^1], [^src]); an escaped "\[^" is
// text, not a marker, and is excluded by the caller.
var markerRE = regexp.MustCompile(`\[\^([^\]\s]+)\]`)

func markers(s string) map[string]int {
	m := map[string]int{}
	for _, loc := range markerRE.FindAllStringSubmatchIndex(s, -1) {
		if loc[0] > 0 && s[loc[0]-1] == '\\' {
			continue
		}
		m[s[loc[2]:loc[3]]]++
	}
	return m
}

// checkMarkers compares the multisets of citation markers.
func checkMarkers(draft, polished string) []string {
	d, p := markers(draft), markers(polished)
	labels := map[string]bool{}
	for k := range d {
		labels[k] = true
	}
	for k := range p {
		labels[k] = true
	}
	keys := make([]string, 0, len(labels))
	for k := range labels {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []string
	for _, k := range keys {
		switch {
		case p[k] < d[k]:
			out = append(out, fmt.Sprintf("footnote [^%s] dropped (%d of %d kept)", k, p[k], d[k]))
		case p[k] > d[k] && d[k] == 0:
			out = append(out, fmt.Sprintf("footnote [^%s] added: the draft does not cite it", k))
		case p[k] > d[k]:
			out = append(out, fmt.Sprintf("footnote [^%s] added (%d instead of %d)", k, p[k], d[k]))
		}
	}
	return out
}

// checkLength bounds the prose of the polished text by the draft's.
func checkLength(draft, polished string) []string {
	n, m := utf8.RuneCountInString(prose(draft)), utf8.RuneCountInString(prose(polished))
	lo := int(MinRatio*float64(n)) - slackBelow
	hi := int(MaxRatio*float64(n)+0.999) + slackAbove
	if lo < 0 {
		lo = 0
	}
	if m < lo || m > hi {
		return []string{fmt.Sprintf("length %d characters of prose is outside %d–%d (60%%–150%% of the draft's %d)", m, lo, hi, n)}
	}
	return nil
}

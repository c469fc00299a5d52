// Package guardtest holds what the red-team harnesses of the guard
// (internal/guard, plain level) and of the polish pipeline
// (internal/polish, wire level) share: where a case's dataset lives and
// the texts of it a section may quote. Paths are relative to a package
// two levels below the repository root, as both harnesses are.
package guardtest

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/briefhq/brief/internal/dataset"
)

// DataDir is the dataset a red-team case's "source: CAPTURE/SECTION"
// was captured from: CAPTURE is a dataset's label with an optional
// "_ru", "_kk", "_points" or "_internal" suffix (or several): "sample"
// and "points" (and no source) are the bundled data, "unseen"
// testdata/unseen, "custom", "custom2" … the red team's crafted datasets
// (testdata/guard/redteam/data-custom, data-custom2 …). Any other label
// (round 2's World Bank extracts, not in the repository) is an error;
// "gold11" (round 11) and "ms1wb", "ms1gold", "ms1covid", "ms1euribor"
// (the model simulator) read ../shared and are ErrNoShared without it.
func DataDir(source string) (string, error) {
	label, _, _ := strings.Cut(source, "/")
	base, _, _ := strings.Cut(label, "_")
	switch {
	case base == "sample" || base == "points" || base == "":
		return "../../data", nil
	case base == "unseen":
		return "../../testdata/unseen", nil
	case readsShared(base):
		// round 11's and the model simulators' datasets that read the
		// real files in place from ../shared (data-gold11/dataset.yaml,
		// data-ms1wb, data-ms5covid, data-r19gold …): absent on a plain clone
		if _, err := os.Stat("../../../shared/data/gold/monthly.csv"); err != nil {
			return "", fmt.Errorf("source %q: %w", source, ErrNoShared)
		}
		return "../../testdata/guard/redteam/data-" + base, nil
	case strings.HasPrefix(base, "r32"), strings.HasPrefix(base, "r33"), strings.HasPrefix(base, "r34"), strings.HasPrefix(base, "r35"), strings.HasPrefix(base, "r36"), strings.HasPrefix(base, "r37"), strings.HasPrefix(base, "r38"), strings.HasPrefix(base, "r39"), strings.HasPrefix(base, "r40"), strings.HasPrefix(base, "r41"):
		// rounds 32 to 41's sets: some read ../shared in place, most are their own
		dir := "../../testdata/guard/redteam/data-" + base
		b, err := os.ReadFile(dir + "/dataset.yaml")
		if err == nil && strings.Contains(string(b), "/shared/") {
			if _, err := os.Stat("../../../shared/data/gold/monthly.csv"); err != nil {
				return "", fmt.Errorf("source %q: %w", source, ErrNoShared)
			}
		}
		if _, err := os.Stat(dir); err != nil {
			return "", fmt.Errorf("source %q: no dataset %s: %v", source, dir, err)
		}
		return dir, nil
	case strings.HasPrefix(base, "custom"):
		dir := "../../testdata/guard/redteam/data-" + base
		if _, err := os.Stat(dir); err != nil {
			return "", fmt.Errorf("source %q: no dataset %s: %v", source, dir, err)
		}
		return dir, nil
	}
	return "", fmt.Errorf("source %q: no dataset known for %q (sample, points, unseen, custom…)", source, base)
}

// sharedSets are the label prefixes of the datasets that read the real
// files in place from ../shared: round 11's gold, the model simulators'
// ("ms1" holds ms10 and ms11 too) and rounds 19 to 30.
var sharedSets = []string{"gold11", "ms1", "ms5", "ms6", "ms7", "ms8", "ms9",
	"r19", "r20", "r21", "r22", "r23", "r24", "r25", "r26", "r27", "r28", "r29", "r30"}

func readsShared(base string) bool {
	for _, p := range sharedSets {
		if strings.HasPrefix(base, p) {
			return true
		}
	}
	return false
}

// ErrNoShared: the case's dataset reads ../shared (the real public
// data beside the repository), which is not there: the case is skipped.
var ErrNoShared = errors.New("its dataset reads ../shared/data, which is absent (a plain clone): skipped")

var (
	textsMu sync.Mutex
	texts   = map[string][]string{}
)

// Texts is every text of the case's dataset a section may quote as data
// (dataset.Texts in lang), loaded once per dataset and language, for
// cases captured without their <data> list: a superset of each
// section's list. It is nil for a dataset not in the repository: such a
// case is judged, as its vocabulary is, without it.
func Texts(t testing.TB, source, lang string) []string {
	t.Helper()
	dir, err := DataDir(source)
	if err != nil {
		return nil
	}
	textsMu.Lock()
	defer textsMu.Unlock()
	if v, ok := texts[dir+lang]; ok {
		return v
	}
	ds, _, err := dataset.Load(dir, dataset.Options{})
	if err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	out := ds.Texts(lang)
	texts[dir+lang] = out
	return out
}

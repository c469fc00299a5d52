package format

import (
	"fmt"

	"github.com/briefhq/brief/internal/locale"
)

// en is the English locale: the words this package prints (change words,
// scale words, percentage points, ordinals, lists, "about") are its data,
// internal/locale/data/en.yaml, not Go literals. TestNoOutputLiterals in
// internal/locale keeps it so.
var en = locale.English()

// word is a phrase of the English locale. The file is embedded and checked
// by the locale's tests (TestEnglishWords here names every key used), so a
// missing key is a fault of the build, not of any input.
func word(key string) string {
	s, err := en.Phrase(key)
	if err != nil {
		panic(fmt.Sprintf("format: the English locale lacks %s: %v", key, err))
	}
	return s
}

// The English words, read once.
var (
	wordAbout         = word("about")
	wordUp            = word("change.up")
	wordDown          = word("change.down")
	wordUnchanged     = word("change.unchanged")
	wordLittleChanged = word("change.little_changed")
	wordUpMoreThan    = word("change.up_more_than")
	wordDownMoreThan  = word("change.down_more_than")
	wordDownToZero    = word("change.to_zero")
	wordFold          = word("change.fold")
	wordOn            = word("change.on")
	wordRose          = word("trend.rose")
	wordFell          = word("trend.fell")
	wordHeldSteady    = word("trend.held_steady")
	wordImprovement   = word("assessment.improvement")
	wordDeterioration = word("assessment.deterioration")
	wordPointOne      = en.PointsFigure(locale.Figure{Int: "1"}, locale.Full)[len("1"):]
	wordPointsOther   = en.PointsFigure(locale.Figure{Int: "2"}, locale.Full)[len("2"):]
	scaleWords        = [...]string{locale.NoScale: "", locale.Million: scaleWord(locale.Million), locale.Billion: scaleWord(locale.Billion), locale.Trillion: scaleWord(locale.Trillion)}
	wordOf            = word("unit.of")
)

func scaleWord(s locale.Scale) string {
	return en.ScaleWord(s, locale.Full, locale.Figure{Int: "2"})
}

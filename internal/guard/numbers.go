package guard

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// quantity is a number as a reader understands it: its value (scale words
// applied) and what it is (a currency, a percent, percentage points, or a
// plain number), with the precision it was written to.
type quantity struct {
	text  string
	value float64
	kind  string   // "" plain, "%", "pp", or a currency code
	unit  float64  // the value of one step of the last printed digit
	pos   int      // byte offset in the text (footnote markers blanked)
	end   int      // byte offset just after the digits and scale word
	sign  polarity // an explicit sign: "-3.3%" is dirDown, "+2%" dirUp
}

var (
	// A number with its surroundings: an optional currency before, digits
	// with thousands separators (",", " ", " ") and a decimal point or
	// comma, then an optional scale word and an optional unit.
	numRE = regexp.MustCompile(`(?i)(US\$|\$|€|£|₽|₸)?\s?(\d{1,3}(?:[,  ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?:\s?(trillion|billion|million|thousand|bn|mn|m|k|трлн|млрд|млн|тыс)(\pL*)\.?)?(?:\s?(%|percentage\s+points?|per\s?cent(?:age)?|pp|p\.p\.|points?|USD|EUR|GBP|RUB|KZT|UZS|KGS|TJS|CNY|dollars?|euros?|roubles?|rubles?|tenge|доллар\pL*|руб\pL*|тенге)(\pL*))?`)
	// Word numbers: a model may spell out a small count.
	wordNum = map[string]float64{
		"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
		"eleven": 11, "twelve": 12, "dozen": 12, "twenty": 20, "hundred": 100, "thousand": 1000,
		"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
		"half": 0.5, "double": 2, "doubled": 2, "twice": 2, "triple": 3, "tripled": 3,
	}
	wordRE = regexp.MustCompile(`(?i)\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|twenty|hundred|thousand|first|second|third|fourth|fifth|half|double|doubled|twice|triple|tripled)\b`)
)

var scales = map[string]float64{
	"trillion": 1e12, "трлн": 1e12, "billion": 1e9, "bn": 1e9, "млрд": 1e9,
	"million": 1e6, "mn": 1e6, "m": 1e6, "млн": 1e6, "thousand": 1e3, "k": 1e3, "тыс": 1e3,
}

func currencyOf(before, after string) string {
	switch strings.ToLower(strings.TrimSpace(before)) {
	case "$", "us$":
		return "USD"
	case "€":
		return "EUR"
	case "£":
		return "GBP"
	case "₽":
		return "RUB"
	case "₸":
		return "KZT"
	}
	a := strings.ToLower(after)
	switch {
	case a == "usd" || strings.HasPrefix(a, "dollar") || strings.HasPrefix(a, "доллар"):
		return "USD"
	case a == "eur" || strings.HasPrefix(a, "euro"):
		return "EUR"
	case a == "gbp":
		return "GBP"
	case a == "rub" || strings.HasPrefix(a, "roubl") || strings.HasPrefix(a, "rubl") || strings.HasPrefix(a, "руб"):
		return "RUB"
	case a == "kzt" || a == "tenge" || a == "тенге":
		return "KZT"
	case a == "uzs" || a == "kgs" || a == "tjs" || a == "cny":
		return strings.ToUpper(a)
	}
	return ""
}

// blankMarkers replaces footnote markers with spaces of the same length,
// so that offsets into the result are offsets into s.
func blankMarkers(s string) string {
	return markerRE.ReplaceAllStringFunc(s, func(m string) string { return strings.Repeat(" ", len(m)) })
}

// quantities reads every number of a text; footnote markers are not
// numbers.
func quantities(s string) []quantity {
	s = blankMarkers(s)
	var out []quantity
	for _, ix := range numRE.FindAllStringSubmatchIndex(s, -1) {
		m := make([]string, len(ix)/2)
		for k := range m {
			if ix[2*k] >= 0 {
				m[k] = s[ix[2*k]:ix[2*k+1]]
			}
		}
		digits := m[2]
		// "27,8" (a decimal comma) vs "1,000" (thousands): a comma with
		// exactly three digits after it and no other separator reads as
		// thousands, as in English text.
		num, step := parseDigits(digits)
		if math.IsNaN(num) {
			continue
		}
		q := quantity{text: strings.TrimRight(strings.TrimSpace(m[0]), "."), value: num, unit: step, pos: ix[0], sign: signBefore(s, ix[4])}
		if m[1] != "" && q.sign == 0 {
			q.sign = signBefore(s, ix[2]) // "-$3 billion"
		}
		// A scale word glued to more letters ("5 months") is no scale;
		// Go's \b knows only ASCII, so the check is made here.
		q.end = ix[5] // after the digits; after the scale word if there is one
		if sc, ok := scales[strings.ToLower(m[3])]; ok && m[4] == "" {
			q.value *= sc
			q.unit *= sc
			q.end = ix[7]
		}
		after := strings.ToLower(strings.Join(strings.Fields(m[5]), " "))
		if m[6] != "" && !strings.HasPrefix(after, "доллар") && !strings.HasPrefix(after, "руб") {
			after = "" // "pp" of "ppm", "points" of "pointsx": not a unit
		}
		switch {
		case strings.HasPrefix(after, "percentage p") || after == "pp" || after == "p.p." || strings.HasPrefix(after, "point"):
			q.kind = "pp"
		case after == "%" || strings.HasPrefix(after, "per"):
			q.kind = "%"
		default:
			q.kind = currencyOf(m[1], m[5])
		}
		out = append(out, q)
	}
	for _, ix := range wordRE.FindAllStringSubmatchIndex(s, -1) {
		w := s[ix[2]:ix[3]]
		out = append(out, quantity{text: s[ix[0]:ix[1]], value: wordNum[strings.ToLower(w)], unit: 0.5, pos: ix[0], end: ix[1]})
	}
	return out
}

var yearLike = regexp.MustCompile(`^[12]\d{3}$`)

// parseDigits reads "27.8", "27,8", "1,000", "12 000" and says the value
// of one step of the last digit (0.1 for "27.8").
func parseDigits(s string) (float64, float64) {
	orig := s
	s = strings.NewReplacer(" ", "", " ", "").Replace(s)
	if i := strings.LastIndexByte(s, ','); i >= 0 && !strings.Contains(s, ".") {
		if len(s)-i-1 != 3 || strings.Count(s, ",") == 1 && len(s[:i]) > 3 {
			s = s[:i] + "." + s[i+1:] // a decimal comma
		}
	}
	s = strings.ReplaceAll(s, ",", "")
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return math.NaN(), 0
	}
	step := 1.0
	if i := strings.IndexByte(s, '.'); i >= 0 {
		step = math.Pow(10, -float64(len(s)-i-1))
	} else if yearLike.MatchString(s) && len(s) == len(orig) {
		// "2000" and "2030" read as years, and a year is exact: "the
		// target for 2030" may not become "2000".
	} else if len(s) >= 3 {
		// "1,200" is written to the hundred: trailing zeros of a number of
		// three digits or more mark rounding, keeping two significant
		// digits at least ("1,000" for 1,234 is not a rounding of it).
		for z := len(s) - 1; z > 0 && s[z] == '0' && step*10 <= math.Abs(v)/10; z-- {
			step *= 10
		}
	}
	return v, step
}

// matches reports whether an answer's quantity states a draft's: the same
// kind (a plain number may stand for any kind of the same value), and the
// same value up to the rounding of the answer's last digit.
func matches(p, d quantity) bool {
	// A plain number may stand for a figure of any kind ("27.8 billion"
	// for "$27.8 billion", "4.2" for "4.2%"); a marked one must agree.
	if p.kind != "" && p.kind != d.kind {
		return false
	}
	tol := p.unit/2 + 1e-9*math.Abs(d.value)
	return math.Abs(p.value-d.value) <= tol
}

// pairNumbers pairs the answer's quantities with the draft's, each draft
// quantity used once: pairOf[i] is the draft index of pq[i], or -1.
// Exact values pair first, so a rounded figure does not take the place of
// the figure it rounds when both are written.
func pairNumbers(dq, pq []quantity) (pairOf []int, used []bool) {
	used = make([]bool, len(dq))
	pairOf = make([]int, len(pq))
	for i := range pairOf {
		pairOf[i] = -1
	}
	for pass := 0; pass < 2; pass++ {
		for i, q := range pq {
			if pairOf[i] >= 0 {
				continue
			}
			for j, x := range dq {
				if used[j] || !matches(q, x) || (pass == 0 && q.value != x.value) {
					continue
				}
				used[j], pairOf[i] = true, j
				break
			}
		}
	}
	return pairOf, used
}

// numbers holds the figures of a draft and its answer, read once, and
// their pairing; texts have their footnote markers blanked.
type numbers struct {
	d, p   string
	dq, pq []quantity
	pairOf []int
	used   []bool
}

func pairUp(d, p string) numbers {
	n := numbers{d: blankMarkers(d), p: blankMarkers(p)}
	n.dq, n.pq = quantities(n.d), quantities(n.p)
	n.pairOf, n.used = pairNumbers(n.dq, n.pq)
	return n
}

// compareNumbers checks the pairing of the answer's numbers with the
// draft's, each draft number used once: a number may be written
// differently but not changed, not swapped for another figure of the
// draft, not added, not dropped.
func compareNumbers(n numbers) []string {
	dq, pq, pairOf, used := n.dq, n.pq, n.pairOf, n.used
	var out []string
	for i, q := range pq {
		if pairOf[i] >= 0 {
			continue
		}
		kind := ""
		switch q.kind {
		case "%":
			kind = " (a percent)"
		case "pp":
			kind = " (percentage points)"
		case "":
		default:
			kind = " (" + q.kind + ")"
		}
		if anyMatch(q, dq) {
			out = append(out, fmt.Sprintf("number %q%s appears more often than in the draft", q.text, kind))
		} else {
			out = append(out, fmt.Sprintf("number %q%s is not in the draft", q.text, kind))
		}
	}
	for j, x := range dq {
		if !used[j] {
			out = append(out, fmt.Sprintf("number %q of the draft is missing", x.text))
		}
	}
	// A unit the guard does not know ("kt", "cm", "MW") must stay the
	// draft's: "1,210.5 kt" may not become "1,210.5 t".
	for i, q := range pq {
		if pairOf[i] < 0 || q.kind != "" {
			continue
		}
		pu, du := unitAfter(n.p, q), unitAfter(n.d, dq[pairOf[i]])
		if pu != "" && du != "" && pu != du {
			num := strings.TrimSpace(strings.TrimSuffix(q.text, pu))
			out = append(out, fmt.Sprintf("number %q is in %s here but in %s in the draft", num, pu, du))
		}
	}
	return out
}

var unitTokenRE = regexp.MustCompile(`^[ \t\x{00A0}]*(\pL[\pL\d]*)`)

// unitAfter is the short token that follows a number and reads as a unit
// ("kt", "cm", "MW", "км"): at most four letters or digits and not a common
// word; "" otherwise ("3 plants", "2024 and").
func unitAfter(s string, q quantity) string {
	m := unitTokenRE.FindStringSubmatch(s[q.end:])
	if m == nil {
		return ""
	}
	w := m[1]
	if utf8.RuneCountInString(w) > 4 || common[strings.ToLower(w)] {
		return ""
	}
	return w
}

func anyMatch(q quantity, dq []quantity) bool {
	for _, x := range dq {
		if matches(q, x) {
			return true
		}
	}
	return false
}

package guard

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// figure is a number as a reader understands it, found in text: its
// value (scale words applied), what it counts ("USD", "%", "pp", "‰",
// "x" for "times", "" for a plain count), the step of its last written
// digit (for rounding), its sign and whether a hedge ("about") stands
// before it.
type figure struct {
	start, end int // byte span, sign, currency, scale and unit included
	value      float64
	kind       string
	step       float64
	ordinal    bool
	hedged     bool
	unit       string // a short unit read after it ("kt", "cm"), lower case
}

var (
	digitsRE = lazy(`\d{1,3}(?:[, \x{00A0}\x{202F}]\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?`)
	scaleRE  = lazy(`(?i)^[ \x{00A0}]?(trillion|billion|million|thousand|bn|mn|tn|trn|m|k|трлн|млрд|млн|тыс)`)
	unitRE   = lazy(`(?i)^[ \x{00A0}]?(US dollars?|%|‰|per[ -]?cent(?:age)?(?: points?)?|percentage[ -]points?|per[ -]?mille|per thousand|basis points?|bps?|pp|p\.p\.|points?|times|x\b|[A-Z]{3}\b|\pL+|[$€£¥₹₽₸₺₴₪₩])`)
	prefixRE = lazy(`(?i)(US\$|C\$|A\$|HK\$|[$€£¥₹₽₸₺₴₪₩]|\b[A-Z]{3})[ \x{00A0}]?$`)
)

var scaleOf = map[string]float64{
	"trillion": 1e12, "tn": 1e12, "trn": 1e12, "трлн": 1e12, "billion": 1e9, "bn": 1e9, "млрд": 1e9,
	"million": 1e6, "mn": 1e6, "m": 1e6, "млн": 1e6, "thousand": 1e3, "k": 1e3, "тыс": 1e3,
}

// figures reads every number of free text s: digits (thousands
// separators, a decimal point or comma), spelled English cardinals
// ("twelve million", "thirty times"), with a currency before or after,
// a scale word and a unit. Ordinals ("80th", "second") are marked.
func (l *lexicon) figures(s string) []figure {
	if l.isNative() {
		return l.nativeFigures(s)
	}
	var out []figure
	for _, loc := range digitsRE.findAllAt(s, 256, digitStart) {
		st, en := loc[0], loc[1]
		if st > 0 {
			r, _ := utf8.DecodeLastRuneInString(s[:st])
			if unicode.IsLetter(r) || r == '.' && st > 1 && isDigitByte(s[st-2]) {
				continue // "CO2", "Q3", "W06": part of a word
			}
			if r == '-' && st > 1 {
				if p, _ := utf8.DecodeLastRuneInString(s[:st-1]); unicode.IsLetter(p) {
					continue // "COVID-19", "Su-35": a name
				}
			}
		}
		v, step := parseDigits(s[st:en])
		if math.IsNaN(v) {
			continue
		}
		f := figure{start: st, end: en, value: v, step: step}
		if rest := s[en:]; len(rest) >= 2 && ordinalSuffix[strings.ToLower(rest[:2])] && (len(rest) == 2 || !isLetterAt(rest, 2)) {
			f.ordinal = true
			f.end = en + 2
			out = append(out, f)
			continue
		}
		l.around(s, &f)
		out = append(out, f)
	}
	out = append(out, l.wordFigures(s)...)
	return out
}

var ordinalSuffix = map[string]bool{"st": true, "nd": true, "rd": true, "th": true}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// around reads the sign, currency, scale, unit and hedge of f.
func (l *lexicon) around(s string, f *figure) {
	if l.isNative() {
		l.aroundNative(s, f, false)
		return
	}
	// Look back a few bytes only: a section has thousands of figures.
	w0 := max(0, f.start-12)
	for w0 > 0 && !utf8.RuneStart(s[w0]) {
		w0--
	}
	before := s[w0:f.start]
	if m := prefixMatch(before); m != nil {
		p := before[m[2]:m[3]]
		code := l.currency[strings.ToLower(p)]
		if code == "" && isoCurrency(p) {
			code = p
		}
		if code != "" {
			f.kind = code
			f.start = w0 + m[0]
			before = s[w0:f.start]
		}
	}
	if r, n := utf8.DecodeLastRuneInString(before); strings.ContainsRune("-–—‐‑−+", r) && r != utf8.RuneError {
		if p, _ := utf8.DecodeLastRuneInString(before[:len(before)-n]); !unicode.IsLetter(p) && !unicode.IsDigit(p) {
			f.start -= n
			if r != '+' {
				f.value = -f.value
			}
		}
	}
	// "minus 3.3%", "a deficit of $8.6 billion": a sign in words.
	if lb := strings.ToLower(s[max(0, f.start-16):f.start]); f.value > 0 {
		for _, w := range l.order["sign-word"] {
			if strings.HasSuffix(lb, w+" ") {
				f.value = -f.value
				break
			}
		}
	}
	// A hedge just before: "about $28 billion", "close to 12 million".
	h0 := max(0, f.start-40)
	for h0 > 0 && !utf8.RuneStart(s[h0]) {
		h0--
	}
	words := strings.Fields(strings.ToLower(s[h0:f.start]))
	for n := 1; n <= 2 && n <= len(words); n++ {
		if l.hedge[strings.Join(words[len(words)-n:], " ")] {
			f.hedged = true
		}
	}
	if f.end < len(s) && s[f.end] == '%' {
		f.kind = "%"
		f.end++
		return
	}
	if f.end == len(s) || strings.IndexByte(",.;:)]", s[f.end]) >= 0 {
		return
	}
	if m := scaleRE.re().FindStringSubmatchIndex(ahead(s, f.end)); m != nil && (f.end+m[1] == len(s) || !isLetterAt(s, f.end+m[1])) {
		f.value *= scaleOf[strings.ToLower(s[f.end+m[2]:f.end+m[3]])]
		f.step *= scaleOf[strings.ToLower(s[f.end+m[2]:f.end+m[3]])]
		f.end += m[1]
	}
	if m := unitRE.re().FindStringSubmatchIndex(ahead(s, f.end)); m != nil {
		u := s[f.end+m[2] : f.end+m[3]]
		lu := strings.ToLower(u)
		kind := ""
		switch {
		case lu == "%" || strings.HasPrefix(lu, "per") && strings.Contains(lu, "cent") && !strings.Contains(lu, "point"):
			kind = "%"
		case lu == "‰" || strings.Contains(lu, "mille") || lu == "per thousand":
			kind = "‰"
		case strings.Contains(lu, "point") && !strings.HasPrefix(lu, "basis") || lu == "pp" || lu == "p.p.":
			kind = "pp"
		case strings.HasPrefix(lu, "basis") || lu == "bp" || lu == "bps":
			// a basis point is a hundredth of a percentage point
			kind = "pp"
			f.value /= 100
			f.step /= 100
		case strings.HasPrefix(lu, "us dollar"):
			kind = "USD"
		case lu == "times" || lu == "x":
			kind = "x"
		case l.currency[lu] != "":
			kind = l.currency[lu]
		case isoCurrency(u):
			kind = u
		}
		if kind != "" && f.kind == "" {
			f.kind = kind
			f.end += m[1]
		} else if kind == "" && utf8.RuneCountInString(u) <= 4 && !l.known(lu) && u != strings.ToUpper(u) || kind == "" && u == strings.ToUpper(u) && len(u) <= 3 && len(u) > 1 && !isoCurrency(u) {
			f.unit = lu // "kt", "cm", "MW": compared, not consumed
		}
	}
}

// prefixMatch is prefixRE's match at the end of before, if mayPrefix.
func prefixMatch(before string) []int {
	if !mayPrefix(before) {
		return nil
	}
	return prefixRE.re().FindStringSubmatchIndex(before)
}

// mayPrefix: before can end in a currency prefix (a sign, "US$", or a
// word of three letters, then at most a space): a cheap test that spares
// the prefix pattern's search at most figures ("stood at 27.8").
func mayPrefix(before string) bool {
	b := strings.TrimSuffix(strings.TrimSuffix(before, " "), "\u00a0")
	r, _ := utf8.DecodeLastRuneInString(b)
	if r == utf8.RuneError || !unicode.IsLetter(r) {
		return r != utf8.RuneError && !unicode.IsDigit(r) && !unicode.IsSpace(r)
	}
	n := 0 // ASCII letters at the end, as the pattern's \b[A-Z]{3} reads them
	for i := len(b) - 1; i >= 0 && (b[i]|0x20 >= 'a' && b[i]|0x20 <= 'z'); i-- {
		n++
	}
	return n == 3 || !isASCIILetter(r) // a letter of another script: let the pattern judge
}

func isASCIILetter(r rune) bool { return r|0x20 >= 'a' && r|0x20 <= 'z' }

// wordFigures reads spelled cardinals: "Eleven", "twenty-five", "twelve
// million", "thirty times". Ordinal words are rank words, not figures.
func (l *lexicon) wordFigures(s string) []figure {
	var out []figure
	i := 0
	for i < len(s) {
		j := i
		// Start of a word?
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) || i > 0 && isLetterAt(s[:i], len(s[:i])-lastRuneLen(s[:i])) {
			i += n
			continue
		}
		for j < len(s) && isLetterAt(s, j) {
			_, m := utf8.DecodeRuneInString(s[j:])
			j += m
		}
		w := strings.ToLower(s[i:j])
		if v, ok := l.ordinal[w]; ok {
			out = append(out, figure{start: i, end: j, value: v, step: 0.5, ordinal: true})
			i = j
			continue
		}
		v, ok := l.cardinal[w]
		if !ok || (w == "one" || l.isNative() && v == 1) && !l.followsScale(s[j:]) || scaleOf[w] != 0 && w != "thousand" && w != "hundred" {
			i = j
			continue
		}
		// Extend over "-five", " hundred", " million", " and".
		total, cur, end := 0.0, v, j
		for {
			k := end
			for k < len(s) && (s[k] == ' ' || s[k] == '-') {
				k++
			}
			e := k
			for e < len(s) && isLetterAt(s, e) {
				_, m := utf8.DecodeRuneInString(s[e:])
				e += m
			}
			nw := strings.ToLower(s[k:e])
			if nw == "and" {
				end2 := e
				for end2 < len(s) && s[end2] == ' ' {
					end2++
				}
				e2 := end2
				for e2 < len(s) && isLetterAt(s, e2) {
					_, m := utf8.DecodeRuneInString(s[e2:])
					e2 += m
				}
				if _, ok := l.cardinal[strings.ToLower(s[end2:e2])]; !ok {
					break
				}
				end = e
				continue
			}
			nv, ok := l.cardinal[nw]
			if !ok || e == k || nw == "half" || nw == "twice" || nw == "double" || nw == "doubled" || nw == "halved" {
				break
			}
			switch {
			case nv == 100:
				cur *= 100
			case nv >= 1000:
				total += cur * nv
				cur = 0
			default:
				cur += nv
			}
			end = e
		}
		f := figure{start: i, end: end, value: total + cur, step: 0.5}
		if f.value >= 1000 {
			f.step = f.value / 2
		}
		switch w {
		case "twice", "double", "doubled", "triple", "tripled", "quadruple", "quadrupled", "halved", "half":
			f.kind = "x"
		}
		if l.multiple[w] {
			f.kind = "x"
		}
		l.around(s, &f)
		out = append(out, f)
		i = end
	}
	return out
}

func lastRuneLen(s string) int {
	_, n := utf8.DecodeLastRuneInString(s)
	return n
}

func (l *lexicon) followsScale(s string) bool {
	f := strings.Fields(strings.ToLower(s))
	return len(f) > 0 && (scaleOf[strings.Trim(f[0], ".,;:")] >= 1e3 || l.scales[f[0]] >= 1e3 || l.scales[strings.Trim(f[0], ",;:")] >= 1e3)
}

var yearLike = lazy(`^[12]\d{3}$`)

// parseDigits reads "27.8", "27,8", "1,000", "12 000" and says the value
// of one step of the last digit (0.1 for "27.8").
func parseDigits(s string) (float64, float64) {
	orig := s
	s = digitSpaces.Replace(s)
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
	} else if yearLike.re().MatchString(s) && len(s) == len(orig) {
		// a year-like number is exact
	} else if len(s) >= 3 {
		for z := len(s) - 1; z > 0 && s[z] == '0' && step*10 <= math.Abs(v)/10; z-- {
			step *= 10
		}
	}
	return v, step
}

// sameFigure: p states d's figure exactly (same kind and value), or
// rounds it under a hedge: "about $28 billion" for $27.8 billion, moved
// by at most 5% and equal to d at p's last digit.
func sameFigure(p, d figure) bool {
	if p.kind != d.kind || p.ordinal != d.ordinal {
		return false
	}
	if p.unit != "" && d.unit != "" && p.unit != d.unit {
		return false
	}
	if math.Abs(p.value-d.value) <= 1e-9*math.Max(1, math.Abs(d.value)) {
		return true
	}
	if !p.hedged || d.value == 0 {
		return false
	}
	return math.Abs(p.value-d.value) <= p.step/2+1e-9*math.Abs(d.value) && math.Abs(p.value-d.value) <= 0.05*math.Abs(d.value)
}

// twoDigits rounds v to two significant digits: the rounding, the place
// value of its last digit, and whether it differs from v (a figure its
// rounding leaves as it is, or 0 or NaN, is not rounded).
func twoDigits(v float64) (r, mag float64, ok bool) {
	if math.IsNaN(v) || v == 0 {
		return v, 0, false
	}
	mag = math.Pow(10, math.Floor(math.Log10(math.Abs(v)))-1)
	if mag < 1 {
		// divide by a whole power of ten, never multiply by a fraction:
		// 41 × 0.1 is 4.1000000000000005, which read "4.1%" as changed
		// by its rounding, so "up from about 4.1%" passed (red team,
		// round 9, r9-058, r9-079)
		inv := math.Round(1 / mag)
		r = math.Round(v*inv) / inv
	} else {
		r = math.Round(v/mag) * mag
	}
	return r, mag, r != v
}

// rounded writes a figure's text to two significant digits: "$27.8
// billion" -> "$28 billion", "64.7%" -> "65%", "183 outlets" -> "180
// outlets". ok is false when there is nothing to round.
func rounded(text string) (string, bool) {
	loc := digitsRE.re().FindStringIndex(text)
	if loc == nil {
		return text, false
	}
	v, _ := parseDigits(text[loc[0]:loc[1]])
	r, mag, ok := twoDigits(v)
	if !ok {
		return text, false
	}
	var s string
	if mag >= 1 {
		s = strconv.FormatFloat(r, 'f', 0, 64)
		// thousands separators as the draft writes them: "1,210.5" ->
		// "1,200" (never "1200": red team, round 6), and any figure of
		// five digits or more
		if len(s) > 4 || len(s) == 4 && strings.Contains(text[loc[0]:loc[1]], ",") {
			var b strings.Builder
			for i, c := range s {
				if i > 0 && (len(s)-i)%3 == 0 {
					b.WriteByte(',')
				}
				b.WriteRune(c)
			}
			s = b.String()
		}
	} else {
		s = strconv.FormatFloat(r, 'f', int(-math.Round(math.Log10(mag))), 64)
	}
	return text[:loc[0]] + s + text[loc[1]:], true
}

var digitSpaces = strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "")

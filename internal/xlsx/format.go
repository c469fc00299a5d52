package xlsx

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// format is what a cell style's number format makes of a number.
type format uint8

const (
	plain   format = iota // a number as stored
	percent               // 0.052 shown as 5.2%
	day                   // a date serial shown with its day
	month                 // a date serial shown as month and year (Jan-25)
	year                  // a date serial shown as a year
	clock                 // a time of day
)

// readStyles reads which number format each cell style has.
func (w *Workbook) readStyles(name string) error {
	b, err := w.part(name, "the styles")
	if err != nil {
		return err
	}
	custom := map[int]format{}
	s := bytesScanner(b)
	var t tag
	inXfs := false
	for s.next(&t) {
		switch string(t.name) {
		case "numFmt":
			if id, ok := attrInt(t.attrs, "numFmtId"); ok && !t.end {
				custom[id] = classify(attrString(t.attrs, "formatCode"))
			}
		case "cellXfs":
			inXfs = !t.end && !t.empty
		case "xf":
			if inXfs && !t.end {
				id, _ := attrInt(t.attrs, "numFmtId")
				f, ok := custom[id]
				if !ok {
					f = builtin(id)
				}
				w.styles = append(w.styles, f)
			}
		}
	}
	if s.err != nil {
		return damaged("the styles", s.err)
	}
	return nil
}

// builtin is the format of Excel's built-in number formats (ECMA-376
// 18.8.30), which styles.xml names by id only.
func builtin(id int) format {
	switch {
	case id == 9 || id == 10:
		return percent
	case id == 14 || id == 15 || id == 16 || id == 22:
		return day // m/d/yyyy, d-mmm-yy, d-mmm, m/d/yyyy h:mm
	case id == 17:
		return month // mmm-yy
	case id >= 18 && id <= 21, id >= 45 && id <= 47:
		return clock
	case id >= 27 && id <= 36, id >= 50 && id <= 58:
		return day // dates of East Asian locales
	}
	return plain
}

// classify reads a custom number format code (yyyy-mm-dd, mmm yyyy,
// 0.0%, #,##0) for what it shows.
func classify(code string) format {
	// The first section is for positive numbers (and all, if alone).
	var b strings.Builder
	inQuote := false
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case inQuote:
			if c == '"' {
				inQuote = false
			}
		case c == '"':
			inQuote = true
		case c == '\\' || c == '_' || c == '*':
			i++ // an escaped, spacing or fill character
		case c == '[':
			j := strings.IndexByte(code[i:], ']')
			if j < 0 {
				i = len(code)
				continue
			}
			inner := strings.ToLower(code[i+1 : i+j])
			if strings.Trim(inner, "hms") == "" {
				b.WriteString(inner) // [h]:mm elapsed time
			}
			i += j
		case c == ';':
			i = len(code)
		default:
			b.WriteByte(c)
		}
	}
	f := strings.ToLower(b.String())
	f = strings.NewReplacer("am/pm", "", "a/p", "", "general", "", "e+", "", "e-", "").Replace(f)
	hasD := strings.ContainsAny(f, "d")
	hasY := strings.ContainsAny(f, "ye") // e: the year in some locales
	hasH := strings.ContainsAny(f, "hs")
	hasM := strings.Contains(f, "m")
	switch {
	case hasD:
		return day
	case hasY && hasM && !hasH:
		return month
	case hasY:
		return year
	case hasH:
		return clock
	case hasM:
		return month // mmm alone: a month's name
	case strings.Contains(f, "%"):
		return percent
	}
	return plain
}

// maxSerial is 31 December 9999, the last day Excel can show.
const maxSerial = 2958465

// dateText turns a serial in a date format into the ISO form the format
// shows: 2025-01-31, 2025-01 or 2025. problem says why it cannot.
func dateText(raw string, f format, date1904 bool) (text, problem string) {
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return raw, "the date " + strconv.Quote(raw) + " is not a number Excel can show as a date: enter the date again"
	}
	n := int(math.Floor(v + 1e-9))
	var t time.Time
	switch {
	case n < 0 || n > maxSerial:
		return raw, "the number " + raw + " is formatted as a date but is no day Excel can show (1900 to 9999): enter the date again, or format the cell as a number"
	case date1904:
		t = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n)
	case n == 0:
		return raw, "the date is 0, which Excel shows as 0 January 1900 (no day): enter the date again"
	case n == 60:
		return raw, "the date is 29 February 1900, a day that did not exist (Excel keeps a bug of Lotus 1-2-3 that counts 1900 as a leap year): enter the date again"
	case n < 60:
		t = time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n)
	default:
		t = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n)
	}
	switch f {
	case year:
		return t.Format("2006"), ""
	case month:
		return t.Format("2006-01"), ""
	}
	return t.Format("2006-01-02"), ""
}

// numberText is a number cell's stored value as Excel keeps it: rounded
// to 15 significant digits, so 0.30000000000000004 (0.1+0.2 written by a
// program) is 0.3. A value that rounding leaves the same keeps its text;
// text that is no number is left for the reader to report.
func numberText(raw string) string {
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return raw
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'e', 14, 64), 64)
	if err != nil || r == v {
		return raw
	}
	return decimalText(r)
}

// decimalText is v's shortest text, without an exponent unless v is
// very large or very small: 123456789.123457, 1.5e+25.
func decimalText(v float64) string {
	if a := math.Abs(v); a != 0 && (a < 1e-9 || a >= 1e21) {
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// percentText is the figure a percent format shows: 0.052 is 5.2, the
// stored value rounded to 15 significant digits first (numberText). The
// decimal point is moved in the text, so no binary rounding creeps in.
func percentText(raw string) string {
	t := numberText(raw)
	raw = t
	exp := 2
	if i := strings.IndexAny(t, "eE"); i >= 0 {
		e, err := strconv.Atoi(strings.TrimPrefix(t[i+1:], "+"))
		if err != nil {
			return raw
		}
		t, exp = t[:i], e+2
	}
	v, err := strconv.ParseFloat(t+"e"+strconv.Itoa(exp), 64)
	if err != nil {
		return raw
	}
	return decimalText(v)
}

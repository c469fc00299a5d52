package chart

import (
	"strings"
	"testing"
	"time"

	"github.com/briefhq/brief/internal/locale"
)

func localeOf(t *testing.T, id string) *locale.Locale {
	t.Helper()
	r, err := locale.Default()
	if err != nil {
		t.Fatal(err)
	}
	l, ok := r.Get(id)
	if !ok {
		t.Fatalf("no locale %s", id)
	}
	return l
}

func TestFormatTickIn(t *testing.T) {
	ru, kk := localeOf(t, "ru"), localeOf(t, "kk")
	tests := []struct {
		l    *locale.Locale
		v    float64
		dec  int
		want string
	}{
		{ru, 1234567, 0, "1\u00a0234\u00a0567"}, {ru, -2.5, 1, "−2,5"}, {ru, 999.96, 1, "1\u00a0000,0"}, {ru, -0.001, 1, "0,0"},
		{kk, 0.25, 2, "0,25"}, {ru, 100, 0, "100"},
	}
	for _, tt := range tests {
		if got := FormatTickIn(tt.l, tt.v, tt.dec); got != tt.want {
			t.Errorf("%s FormatTickIn(%v, %d) = %q, want %q", tt.l, tt.v, tt.dec, got, tt.want)
		}
	}
}

// The words a chart writes itself (ticks of a time axis, "No data") are
// in its Locale; English stays as it was.
func TestTimeAxisInLocale(t *testing.T) {
	end := time.Date(2025, 2, 15, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		lang string
		f    Frequency
		n    int
		want []string // tick labels that must appear
		not  []string
	}{
		{"en", Monthly, 10, []string{"May 2024", "Jan 2025"}, nil},
		{"ru", Monthly, 10, []string{"май 2024", "июль", "янв. 2025", "февр."}, []string{"Jan", "Feb"}},
		{"kk", Monthly, 10, []string{"2025 қаң."}, []string{"Jan"}},
		{"en", Quarterly, 8, []string{"Q1 2024", "Q3"}, nil},
		{"ru", Quarterly, 8, []string{"I\u00a0кв. 2024", "III\u00a0кв."}, []string{"Q"}},
		{"ru", Weekly, 8, []string{"23 дек. 2024", "6 янв. 2025"}, []string{"Dec", "Jan"}},
		{"ru", Daily, 10, []string{"7 февр. 2025", "9 февр."}, []string{"Feb"}},
	}
	for _, tt := range tests {
		c := Chart{Kind: Line, Title: "t", Timed: true, Frequency: tt.f, Series: series(tt.f, 1, tt.n, end), Locale: localeOf(t, tt.lang)}
		_, ticks := axisOf(t, c.Draw(SVGWidth, nil))
		var got []string
		for _, it := range ticks {
			got = append(got, it.Text)
		}
		all := strings.Join(got, " | ")
		for _, w := range tt.want {
			if !strings.Contains(" | "+all+" | ", " | "+w+" | ") {
				t.Errorf("%s %s: ticks %q lack %q", tt.lang, tt.f, all, w)
			}
		}
		for _, w := range tt.not {
			if strings.Contains(all, w) {
				t.Errorf("%s %s: ticks %q have English %q", tt.lang, tt.f, all, w)
			}
		}
	}
}

func TestNoDataInLocale(t *testing.T) {
	for lang, want := range map[string]string{"en": "No data", "ru": "Нет данных", "kk": "Деректер жоқ"} {
		s := Chart{Kind: Bar, Title: "t", Locale: localeOf(t, lang)}.Draw(SVGWidth, nil)
		found := false
		for _, it := range textsOf(s, nil) {
			found = found || it.Text == want
		}
		if !found {
			t.Errorf("%s: an empty chart does not say %q: %v", lang, want, textsOf(s, nil))
		}
	}
}

// A Russian bar chart's axis ticks use the decimal comma.
func TestBarTicksInLocale(t *testing.T) {
	c := Chart{Kind: Bar, Title: "t", Locale: localeOf(t, "ru"), Points: []Point{{Label: "А", Value: 1.2}, {Label: "Б", Value: 0.7}}}
	var ticks []string
	for _, it := range textsOf(c.Draw(SVGWidth, nil), nil) {
		if it.Anchor == Middle {
			ticks = append(ticks, it.Text)
		}
	}
	if !strings.Contains(strings.Join(ticks, " "), "0,5") {
		t.Errorf("ru bar ticks %q: want 0,5 with a decimal comma", ticks)
	}
}

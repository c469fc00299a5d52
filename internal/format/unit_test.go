package format

import (
	"math"
	"testing"
)

func TestIsCurrency(t *testing.T) {
	tests := []struct {
		unit string
		want bool
	}{
		{"USD", true}, {"EUR", true}, {"GBP", true}, {"KZT", true}, {"RUB", true}, {"CNY", true},
		{"KGS", true}, {"HRK", true}, {"usd", false}, {"US$", false}, {"cup", false}, {"PCS", false},
		{"GWh", false}, {"%", false}, {"", false}, {"USDX", false}, {"XXX", false}, {"AED ", false},
	}
	for _, tt := range tests {
		t.Run(tt.unit, func(t *testing.T) {
			if got := IsCurrency(tt.unit); got != tt.want {
				t.Errorf("IsCurrency(%q) = %v, want %v", tt.unit, got, tt.want)
			}
		})
	}
}

func TestISOCodesWellFormed(t *testing.T) {
	if len(isoCodes)%4 != 3 {
		t.Fatalf("isoCodes has a malformed entry")
	}
	prev := ""
	for i := 0; i < len(isoCodes); i += 4 {
		c := isoCodes[i : i+3]
		if i+3 < len(isoCodes) && isoCodes[i+3] != ' ' || c <= prev {
			t.Fatalf("isoCodes not sorted or not space-separated at %q", c)
		}
		prev = c
	}
}

func TestIsPercent(t *testing.T) {
	tests := []struct {
		unit string
		want bool
	}{
		{"%", true}, {"percent", true}, {"Percent", true}, {"per cent", true}, {"pct", true}, {" % ", true},
		{"pp", false}, {"percentage points", false}, {"USD", false}, {"", false},
	}
	for _, tt := range tests {
		t.Run(tt.unit, func(t *testing.T) {
			if got := IsPercent(tt.unit); got != tt.want {
				t.Errorf("IsPercent(%q) = %v, want %v", tt.unit, got, tt.want)
			}
		})
	}
}

func TestMoney(t *testing.T) {
	tests := []struct {
		name     string
		v        float64
		currency string
		decimals int
		want     string
	}{
		{"USD billion", 27.8e9, "USD", 1, "$27.8 billion"},
		{"EUR", 52.9e9, "EUR", -1, "€52.9 billion"},
		{"GBP", 1.23e12, "GBP", -1, "£1.23 trillion"},
		{"negative", -2e9, "USD", -1, "-$2 billion"},
		{"code suffix", 27.8e9, "KZT", 1, "27.8 billion KZT"},
		{"code suffix negative", -1.5e6, "RUB", 1, "-1.5 million RUB"},
		{"small whole", 183, "USD", -1, "$183"},
		{"cents padded", 4.2, "GBP", -1, "£4.20"},
		{"cents padded explicit", 1234.5, "USD", 2, "$1,234.50"},
		{"one decimal asked keeps cents", 4.25, "USD", 1, "$4.25"},
		{"price keeps trailing zero", 0.8, "USD", 1, "$0.80"},
		{"price with two decimals", 2412.3, "USD", 2, "$2,412.30"},
		{"price without decimals", 2412.3, "USD", 0, "$2,412"},
		{"scaled money keeps its decimal", 12e9, "USD", 1, "$12.0 billion"},
		{"cents kept", 4.25, "USD", -1, "$4.25"},
		{"thousands", 45000, "CNY", -1, "45,000 CNY"},
		{"rounds across scale", 999.96e6, "USD", 1, "$1.0 billion"},
		{"negative zero", -0.001, "USD", 2, "$0.00"},
		{"NaN keeps unit", math.NaN(), "USD", 1, "NaN USD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Money(tt.v, tt.currency, tt.decimals); got != tt.want {
				t.Errorf("Money(%v, %q, %d) = %q, want %q", tt.v, tt.currency, tt.decimals, got, tt.want)
			}
		})
	}
}

func TestPercentAndPoints(t *testing.T) {
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"percent", Percent(4.2, 1), "4.2%"},
		{"percent keeps its decimal", Percent(4, 1), "4.0%"},
		{"percent trims when auto", Percent(4, -1), "4%"},
		{"percent auto", Percent(4.25, -1), "4.3%"},
		{"percent auto small", Percent(0.042, -1), "0.042%"},
		{"percent negative", Percent(-3.14, 1), "-3.1%"},
		{"percent thousands", Percent(1234.5, 0), "1,235%"},
		{"percent no negative zero", Percent(-0.01, 1), "0.0%"},
		{"points", Points(1.5, 1), "1.5 percentage points"},
		{"point singular", Points(1, 0), "1 percentage point"},
		{"points padded are plural", Points(1, 1), "1.0 percentage points"},
		{"point singular after rounding", Points(1.04, 0), "1 percentage point"},
		{"point singular negative", Points(-1, 0), "-1 percentage point"},
		{"points zero", Points(0, 1), "0.0 percentage points"},
		{"points 1.1", Points(1.1, 1), "1.1 percentage points"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

func TestValue(t *testing.T) {
	tests := []struct {
		name     string
		v        float64
		unit     string
		decimals int
		want     string
	}{
		{"currency", 27.8e9, "USD", 1, "$27.8 billion"},
		{"other currency", 27.8e9, "KZT", 1, "27.8 billion KZT"},
		{"percent sign", 4.2, "%", 1, "4.2%"},
		{"percent word", 4.2, "percent", 1, "4.2%"},
		{"pct", 4.2, "pct", 1, "4.2%"},
		{"count", 12e6, "count", -1, "12 million"},
		{"number", 45000, "number", -1, "45,000"},
		{"no unit", 183, "", -1, "183"},
		{"unit as given", 3200, "GWh", -1, "3,200 GWh"},
		{"scaled with unit", 12e6, "visitors", -1, "12 million visitors"},
		{"unit with space", 5.1, "t CO2", 1, "5.1 t CO2"},
		{"plain word", 183, "outlets", 0, "183 outlets"},
		{"lower-case code is a word", 3, "cup", 0, "3 cup"},
		{"unit trimmed", 7, " km ", 0, "7 km"},
		{"non-Latin unit", 2.5, "млн тенге", 1, "2.5 млн тенге"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Value(tt.v, tt.unit, tt.decimals); got != tt.want {
				t.Errorf("Value(%v, %q, %d) = %q, want %q", tt.v, tt.unit, tt.decimals, got, tt.want)
			}
		})
	}
}

func TestValueAgreesWithOne(t *testing.T) {
	tests := []struct {
		v    float64
		unit string
		want string
	}{
		{1, "projects", "1 project"},
		{45, "projects", "45 projects"},
		{1, "facilities", "1 facility"},
		{1, "boxes", "1 box"},
		{1, "plants", "1 plant"},
		{1, "people", "1 people"}, // not a regular plural: left alone
		{1, "GWh", "1 GWh"},
		{1, "kt CO2e", "1 kt CO2e"},
		{1, "census", "1 census"},
		{-1, "outlets", "-1 outlet"},
		{1.04, "projects", "1.04 projects"},
	}
	for _, tc := range tests {
		if got := Value(tc.v, tc.unit, -1); got != tc.want {
			t.Errorf("Value(%v, %q) = %q, want %q", tc.v, tc.unit, got, tc.want)
		}
	}
}

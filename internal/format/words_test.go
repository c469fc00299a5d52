package format

import (
	"strconv"
	"testing"
)

func TestOrdinal(t *testing.T) {
	tests := map[int]string{
		0: "0th", 1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 10: "10th", 11: "11th", 12: "12th", 13: "13th",
		14: "14th", 21: "21st", 22: "22nd", 23: "23rd", 101: "101st", 111: "111th", 112: "112th",
		1000: "1000th", 1001: "1001st", -1: "-1st", -11: "-11th",
	}
	for n, want := range tests {
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			if got := Ordinal(n); got != want {
				t.Errorf("Ordinal(%d) = %q, want %q", n, got, want)
			}
		})
	}
}

func TestOrdinalWord(t *testing.T) {
	tests := map[int]string{
		1: "first", 2: "second", 3: "third", 5: "fifth", 8: "eighth", 9: "ninth", 10: "tenth",
		11: "11th", 22: "22nd", 0: "0th", -2: "-2nd",
	}
	for n, want := range tests {
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			if got := OrdinalWord(n); got != want {
				t.Errorf("OrdinalWord(%d) = %q, want %q", n, got, want)
			}
		})
	}
}

func TestJoin(t *testing.T) {
	tests := []struct {
		name  string
		items []string
		want  string
	}{
		{"none", nil, ""},
		{"one", []string{"A"}, "A"},
		{"two", []string{"A", "B"}, "A and B"},
		{"three", []string{"A", "B", "C"}, "A, B and C"},
		{"four", []string{"A", "B", "C", "D"}, "A, B, C and D"},
		// N3: a name with a comma of its own is one item, not two.
		{"comma in a name", []string{"Uganda", "Nauru", "Congo, Dem. Rep.", "Eritrea"}, "Uganda; Nauru; Congo, Dem. Rep.; and Eritrea"},
		{"comma in the last name", []string{"China", "India", "Indonesia", "Iran, Islamic Rep.", "59 others"}, "China; India; Indonesia; Iran, Islamic Rep.; and 59 others"},
		{"comma in one of two", []string{"Korea, Rep.", "Japan"}, "Korea, Rep.; and Japan"},
		{"comma in a figure's caveat", []string{"Argentina, 40.3% an estimate", "Sudan"}, "Argentina, 40.3% an estimate; and Sudan"},
		// A comma in brackets is within its item.
		{"comma in brackets", []string{"Astana (930.1 kt, an estimate)", "Shymkent (640.0 kt)"}, "Astana (930.1 kt, an estimate) and Shymkent (640.0 kt)"},
		{"comma in brackets and in a name", []string{"Astana (930.1 kt, an estimate)", "Korea, Rep. (640.0 kt)", "Chile"}, "Astana (930.1 kt, an estimate); Korea, Rep. (640.0 kt); and Chile"},
		{"unbalanced bracket", []string{"A (x, y", "B"}, "A (x, y and B"},
		// A thousands separator is not a list comma.
		{"thousands", []string{"1,250 cases", "980 cases", "12,000 cases"}, "1,250 cases, 980 cases and 12,000 cases"},
		{"thousands in a name", []string{"Japan ($5,300.00)", "China ($5,100.00)", "India"}, "Japan ($5,300.00), China ($5,100.00) and India"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Join(tt.items); got != tt.want {
				t.Errorf("Join(%q) = %q, want %q", tt.items, got, tt.want)
			}
		})
	}
}

func TestPlural(t *testing.T) {
	tests := []struct {
		name             string
		n                float64
		singular, plural string
		want             string
	}{
		{"one", 1, "project", "", "1 project"},
		{"many", 45, "project", "", "45 projects"},
		{"thousands", 1000, "project", "", "1,000 projects"},
		{"millions", 12e6, "visitor", "", "12 million visitors"},
		{"zero", 0, "project", "", "0 projects"},
		{"fraction", 1.5, "tonne", "", "1.5 tonnes"},
		{"prints as one", 1.0001, "project", "", "1 project"},
		{"minus one", -1, "degree", "", "-1 degree"},
		{"explicit plural", 2, "person", "people", "2 people"},
		{"explicit plural one", 1, "person", "people", "1 person"},
		{"y after consonant", 3, "country", "", "3 countries"},
		{"y after vowel", 3, "survey", "", "3 surveys"},
		{"s", 2, "bus", "", "2 buses"},
		{"x", 2, "tax", "", "2 taxes"},
		{"z", 2, "waltz", "", "2 waltzes"},
		{"ch", 2, "branch", "", "2 branches"},
		{"sh", 2, "dish", "", "2 dishes"},
		{"upper", 2, "CITY", "", "2 CITIES"},
		{"phrase", 4, "power plant", "", "4 power plants"},
		{"no noun", 4, "", "", "4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Plural(tt.n, tt.singular, tt.plural); got != tt.want {
				t.Errorf("Plural(%v, %q, %q) = %q, want %q", tt.n, tt.singular, tt.plural, got, tt.want)
			}
		})
	}
}

func TestSmallNumber(t *testing.T) {
	for n, want := range map[int]string{0: "no", 1: "one", 6: "six", 12: "twelve", 13: "13", 185: "185"} {
		if got := SmallNumber(n); got != want {
			t.Errorf("SmallNumber(%d) = %q, want %q", n, got, want)
		}
	}
}

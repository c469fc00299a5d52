package narrative

import "testing"

func TestNounOne(t *testing.T) {
	for _, tc := range []struct{ plural, one, want string }{
		{"confirmed COVID-19 cases", "", "confirmed COVID-19 case"},
		{"joint industrial projects", "", "joint industrial project"},
		{"people", "", "person"},
		{"displaced people", "", "displaced person"},
		{"thermal power plants", "thermal power plant", "thermal power plant"},
		{"new companies", "", "new company"},
		{"branches", "", "branch"},
		{"boxes", "", "box"},
		{"addresses", "", "address"},
		{"series", "", ""},
		{"buses", "", "bus"},
		{"sheep", "", ""},
	} {
		if got := nounOne(tc.plural, tc.one); got != tc.want {
			t.Errorf("nounOne(%q, %q) = %q, want %q", tc.plural, tc.one, got, tc.want)
		}
	}
}

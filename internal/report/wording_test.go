package report

import (
	"bytes"
	"testing"
)

// TestWordingVariesByWeekOnly pins the deterministic variation: the same
// week always reads the same, byte for byte (vary is seeded by the week,
// the section and the place in it, never by the clock or a random
// source).
func TestWordingVariesByWeekOnly(t *testing.T) {
	for _, week := range []string{"2025-W06", "2025-W07"} {
		t.Run(week, func(t *testing.T) {
			a := file(t, weekly(t, "../../data", week), "brief.md")
			b := file(t, weekly(t, "../../data", week), "brief.md")
			if !bytes.Equal(a, b) {
				t.Fatalf("two runs of %s differ", week)
			}
		})
	}
}

// TestWordingRules (issue 13) on testdata/wording: a balance below zero
// is said by its sign words ("the smallest trade deficit", "a trade
// deficit of €50 million"), a figure that fell to zero "fell to zero",
// a record over ten years is "a ten-year high", names take their article
// ("the United States", "the Russian Federation"), an id without a name
// reads as an acronym ("GDP"), and a plan says when it is due.
func TestWordingRules(t *testing.T) {
	out := weekly(t, "../../testdata/wording", "2025-W06")
	md := plainMD(file(t, out, "brief.md"))
	contains(t, "brief", md,
		"The United States had the smallest trade deficit in the Sample group in 2024: €20 million.",
		"Kazakhstan came second with a trade deficit of €50 million.",
		"Kazakhstan's export licences fell to zero in 2024, from 5 licences in 2023.",
		"The United States' GDP stood at $29.0 trillion in 2023, up 3.6% on 2022 ($28.0 trillion). It is a ten-year high.",
		"| Plants to be built | Kazakhstan | 2030 | 3 plants (planned) | – |",
		"| Export licences | Kazakhstan | 2024 | 0 licences | down to zero on 2023 |",
	)
	lacks(t, "brief", md, "100%", "highest trade balance", "-€20 million.", "States' gdp", ". United States", "- Russian Federation")
	press := plainMD([]byte(pointsOf(t, "../../testdata/wording", "2025-W06", "press")))
	contains(t, "press points", press,
		"The Russian Federation's trade balance showed a trade deficit of €80 million in 2024.",
		"The United States' GDP stood at $29 trillion in 2023, a ten-year high.",
		"Kazakhstan plans three plants by 2030.")
	checkBrief(t, out)
}

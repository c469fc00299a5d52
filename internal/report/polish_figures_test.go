package report

import (
	"testing"

	"github.com/briefhq/brief/internal/guard"
	"github.com/briefhq/brief/internal/narrative"
	"github.com/briefhq/brief/internal/polish"
)

// TestPrintedFiguresFollowTheRounding: a figure the polish printed
// rounded ("about $28 billion") is recorded so in the section's figures;
// the table's repeat of it keeps the data's text.
func TestPrintedFiguresFollowTheRounding(t *testing.T) {
	s := narrative.RenderedSection{Figures: []narrative.Figure{{Text: "$27.8 billion"}, {Text: "64.7%"}, {Text: "$27.8 billion"}}}
	printedFigures(&s, polish.Decision{Figures: []guard.Printed{
		{Slot: "F1", Draft: "$27.8 billion", Printed: "$28 billion"},
		{Slot: "F2", Draft: "64.7%", Printed: "64.7%"},
	}})
	if s.Figures[0].Text != "$28 billion" || s.Figures[1].Text != "64.7%" || s.Figures[2].Text != "$27.8 billion" {
		t.Errorf("figures as recorded: %+v", s.Figures)
	}
	s = narrative.RenderedSection{Figures: []narrative.Figure{{Text: "183 outlets"}}}
	printedFigures(&s, polish.Decision{Figures: []guard.Printed{{Slot: "F1", Draft: "about 183 outlets", Printed: "about 180 outlets"}}})
	if s.Figures[0].Text != "180 outlets" {
		t.Errorf("a figure inside a wider slot: %+v", s.Figures)
	}
}

package doc

import (
	"reflect"
	"strings"
	"testing"
)

const sample = `# Weekly brief

Week 6, 3 to 9 February 2025

## Trade

Turnover rose to **$27.8 billion**[^1], see [the note](https://example.org/a) and [this](javascript:alert(1)).

| Country | Value |
|:--|--:|
| Kazakhstan | 1.2[^1] |

![Trade turnover, bar chart](chart-trade.svg)

1. first
2. second

[^1]: Ministry of Trade, *Bulletin*.
`

func TestParseBlocks(t *testing.T) {
	d := Parse([]byte(sample))
	if len(d.Warnings) != 0 {
		t.Errorf("warnings: %q", d.Warnings)
	}
	var kinds []string
	for _, b := range d.Blocks {
		kinds = append(kinds, reflect.TypeOf(b).Name())
	}
	want := "Title Heading Paragraph Table Image List Notes"
	if got := strings.Join(kinds, " "); got != want {
		t.Fatalf("blocks %s, want %s", got, want)
	}
	title := d.Blocks[0].(Title)
	if Plain(title.Title) != "Weekly brief" || Plain(title.Subtitle) != "Week 6, 3 to 9 February 2025" {
		t.Errorf("title %q / %q", Plain(title.Title), Plain(title.Subtitle))
	}
	p := d.Blocks[2].(Paragraph)
	var bold, note, link, unsafe bool
	for _, s := range p.Spans {
		bold = bold || s.Style == Bold && s.Text == "$27.8 billion"
		note = note || s.Note == 1 && s.Text == "1"
		link = link || s.Link == "https://example.org/a" && s.Text == "the note"
		unsafe = unsafe || strings.HasPrefix(s.Link, "javascript")
	}
	if !bold || !note || !link || unsafe {
		t.Errorf("spans %+v: bold %v, note %v, link %v, javascript link kept %v", p.Spans, bold, note, link, unsafe)
	}
	tb := d.Blocks[3].(Table)
	if Plain(tb.Header[1]) != "Value" || tb.Align[1] != AlignRight || Plain(tb.Rows[0][0]) != "Kazakhstan" {
		t.Errorf("table %+v", tb)
	}
	if img := d.Blocks[4].(Image); img.Dest != "chart-trade.svg" || img.Alt != "Trade turnover, bar chart" {
		t.Errorf("image %+v", img)
	}
	if l := d.Blocks[5].(List); !l.Ordered || l.Start != 1 || len(l.Items) != 2 {
		t.Errorf("list %+v", l)
	}
	ns := d.Blocks[6].(Notes)
	if len(ns.Items) != 1 || ns.Items[0].N != 1 || Plain(ns.Items[0].Blocks[0].(Paragraph).Spans) != "Ministry of Trade, Bulletin." {
		t.Errorf("notes %+v", ns)
	}
}

func TestParseWarns(t *testing.T) {
	d := Parse([]byte("a\xff <b>x</b> ![pic](p.png) text\n\n<div>raw</div>\n"))
	got := strings.Join(d.Warnings, "\n")
	for _, w := range []string{"not valid UTF-8", "raw HTML left out", `image "p.png" inside text`, "raw HTML block left out"} {
		if !strings.Contains(got, w) {
			t.Errorf("no warning %q in %q", w, d.Warnings)
		}
	}
	if strings.Count(got, "raw HTML left out") != 1 {
		t.Errorf("a warning repeated: %q", d.Warnings)
	}
}

func TestCloneIsIndependent(t *testing.T) {
	d := Parse([]byte(sample))
	c := d.Clone()
	if !reflect.DeepEqual(d.Blocks, c.Blocks) {
		t.Fatal("clone differs")
	}
	c.Blocks[2].(Paragraph).Spans[0].Text = "changed"
	c.Blocks[3].(Table).Rows[0][0][0].Text = "changed"
	c.Blocks[6].(Notes).Items[0].Blocks[0].(Paragraph).Spans[0].Text = "changed"
	if d.Blocks[2].(Paragraph).Spans[0].Text == "changed" || d.Blocks[3].(Table).Rows[0][0][0].Text == "changed" ||
		d.Blocks[6].(Notes).Items[0].Blocks[0].(Paragraph).Spans[0].Text == "changed" {
		t.Error("changing the clone changed the original")
	}
}

func TestKeyMessagesAndCaptions(t *testing.T) {
	d := Parse([]byte(`# T

> **Key messages**
>
> - Trade rose.

> **Note** on method.

> *Key messages*

![Trade, 2024](chart-trade.svg)

*Figure 1. Trade turnover with Russia, 2024.*[^1]

*Table 2: Indicators of the week*

| A | B |
|---|---|
| 1 | 2 |

*Figures 3 to 5 are estimates.*

Figure 4. Not in italics.

*Table of contents.*

*1-сурет. Сауда айналымы, 2024 жыл.*

*2-кесте: Климат.*

*Рисунок 3. Товарооборот, 2024 г.*

*Таблица 4. Товарооборот.*

*10-суреттегі мәндер.*

*Сурет 1. Ескі тәртіп.*

[^1]: Source.
`))
	var quotes []bool
	var caps []CaptionKind
	for _, b := range d.Blocks {
		switch b := b.(type) {
		case Quote:
			quotes = append(quotes, IsKeyMessages(b))
		case Paragraph:
			caps = append(caps, CaptionOf(b))
		}
	}
	if !reflect.DeepEqual(quotes, []bool{true, false, false}) {
		t.Errorf("key-message quotes %v, want [true false false]", quotes)
	}
	// Kazakh captions put the number first (kk doc.figure "{n}-сурет"),
	// Russian ones after the word; "10-суреттегі" is no caption, nor
	// the old "Сурет 1.".
	want := []CaptionKind{FigureCaption, TableCaption, NoCaption, NoCaption, NoCaption,
		FigureCaption, TableCaption, FigureCaption, TableCaption, NoCaption, NoCaption}
	if !reflect.DeepEqual(caps, want) {
		t.Errorf("captions %v, want %v", caps, want)
	}
}

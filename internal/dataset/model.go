// Package dataset loads and validates an indicator dataset: observations in
// tidy form (CSV, JSON or YAML), the indicator and entity catalogs, dated
// events, and mappings that read other shapes of CSV in place.
package dataset

import (
	"time"

	"github.com/briefhq/brief/internal/locale"
	"github.com/briefhq/brief/internal/period"
)

// Status says what kind of figure an observation is.
type Status string

// The statuses of SPEC section 2; an empty status column means Actual.
const (
	Actual   Status = "actual"
	Estimate Status = "estimate"
	Plan     Status = "plan"
	Target   Status = "target"
)

// Pos is where a value came from: file as the user named it, 1-based line
// and column (column 0 when only the line is known). In a workbook, Sheet
// names the sheet and Line and Col are the row and column of the cell;
// it prints as Excel names a cell: book.xlsx:Data!B12.
type Pos struct {
	File  string `json:"file"`
	Sheet string `json:"sheet,omitempty"`
	Line  int    `json:"line"`
	Col   int    `json:"col,omitempty"`
}

// Observation is one row of the tidy table.
type Observation struct {
	Indicator   string
	Entity      string
	Counterpart string // optional: the other side of a bilateral figure
	Period      period.Period
	Value       float64
	Unit        string
	Released    time.Time // zero when the row gives no release date
	Source      string
	SourceURL   string
	Note        string
	Status      Status
	// Texts are the row's note and source in other languages (note_ru,
	// source_kk), by language; nil when the row gives none.
	Texts map[string]Translation
	Pos   Pos
	// YearFigure: the row repeats its year's annual figure, given alike
	// in every month (quarter) of the year (RepeatedYears: gold prices
	// before 1960). Without a release date it is known once its year is
	// over, not its month: an annual average is not known in January.
	YearFigure bool
}

// HigherIs says how a rise of an indicator reads.
type HigherIs string

// Values of HigherIs; the empty value means Neutral.
const (
	Good    HigherIs = "good"
	Bad     HigherIs = "bad"
	Neutral HigherIs = "neutral"
)

// Topic is a section of the brief. Topics come from an optional `topics:`
// list in indicators.yaml (id, name), else in order of first use.
type Topic struct {
	ID   string
	Name string
	// Forms are its names by language, as name: {en: Trade, ru: Торговля}
	// gives them ("" for a plain name).
	Forms map[string]locale.Noun
	Pos   Pos
}

// Indicator is an entry of indicators.yaml.
type Indicator struct {
	ID       string
	Name     string
	Topic    string
	Unit     string
	Decimals int // -1 when the catalog does not say
	HigherIs HigherIs
	// Additive says whether values of different entities add up to a
	// meaningful total (exports do; an average wage does not); nil when
	// the catalog does not say, and the unit and name decide (IsAdditive).
	Additive *bool
	// Comparable says whether values of different entities can be ranked
	// against each other (prices in one currency can; exchange rates in
	// national currency per USD cannot); nil when the catalog does not
	// say (IsComparable).
	Comparable *bool
	// Prices says whether money values are at current prices (nominal:
	// they move with prices and exchange rates as well as volumes) or at
	// constant prices; "" when the catalog does not say (IsNominal).
	Prices Prices
	// UnitLabel is how the unit reads on the page ("kt of carbon"); ""
	// when the catalog does not say (Label gives a readable fallback).
	UnitLabel string
	// Summary is how a series is summarised over a week; "" when the
	// catalog does not say (WeeklySummary: level).
	Summary Summary
	// Period is the granularity a date of its rows stands for, when the
	// catalog declares it (period: month reads 2026-05-04 as May 2026);
	// 0 when it does not, and a series of dates may then be inferred to
	// stand for months (see the loader's inference).
	Period      period.Kind
	Description string
	// Wording is how the indicator is said in a sentence (phrase, noun,
	// verb, sign words, family); empty fields fall back on Name.
	Wording Wording
	// Langs are its words in other languages, from its blocks ru:, kk:
	// (IndicatorWording checks and gives them).
	Langs map[string]*LangWording
	Pos   Pos
}

// Entity is an entry of entities.yaml. Names maps a language ("en", "ru")
// to a name (the nominative); a plain string name is stored under "".
// Forms are the same names with their case forms and gender, as the
// catalog gives them (EntityForms checks and gives them).
type Entity struct {
	ID     string
	Names  map[string]string
	Forms  map[string]locale.Noun
	Short  string
	Groups []string
	Pos    Pos
}

// Name is the entity's name in lang, falling back to the plain name, then
// English, then the id.
func (e Entity) Name(lang string) string {
	for _, k := range []string{lang, "", "en"} {
		if n := e.Names[k]; n != "" {
			return n
		}
	}
	return e.ID
}

// Event is a dated qualitative item from events.csv. Date is a period so
// that an event known only by year or month ("the 2024 media forum") can
// be recorded without inventing a day.
type Event struct {
	Date      period.Period
	Topic     string
	Entities  []string
	Title     string
	Summary   string
	Source    string
	SourceURL string
	// Texts are its title, summary and source in other languages
	// (title_ru, summary_kk), by language; nil when the row gives none.
	Texts map[string]Translation
	Pos   Pos
}

// Dataset is everything loaded from one dataset folder or file.
// Catalog slices keep file order; Observations keep file order too.
type Dataset struct {
	Dir          string
	Observations []Observation
	Indicators   []Indicator
	Entities     []Entity
	Topics       []Topic
	Events       []Event
	// HasIndicatorCatalog and HasEntityCatalog tell whether ids must be
	// declared (SPEC: with catalogs, an unknown id is an error).
	HasIndicatorCatalog bool
	HasEntityCatalog    bool
	// GroupNames are the display names entities.yaml gives group ids
	// under groups: ("eaeu" -> "EAEU"); a group without one is named
	// from its id.
	GroupNames map[string]string
	// groups are the groups entities belong to or groups: lists, with
	// their names by language and where they are.
	groups map[string]*groupInfo

	// asOf is the day of an AsOf view (isView); the zero time for a
	// dataset as loaded.
	asOf   time.Time
	isView bool

	// periodColumns are, by file, the column dataset.yaml reads periods
	// from when it gives no release dates (for Unfinished's advice).
	periodColumns map[string]string

	// Warnings are the load's warnings as printed ("file:line: warning:
	// …"), in order, so that a brief's audit record can keep them beside
	// its own: a reader of brief.json alone then sees what the tool
	// doubted in the data (aggregates ranked with countries, rows
	// dropped, a running total undeclared).
	Warnings []string
}

// GroupSizes counts the entities of each group of the entity catalog.
func (ds *Dataset) GroupSizes() map[string]int {
	n := map[string]int{}
	for _, e := range ds.Entities {
		for _, g := range e.Groups {
			n[g]++
		}
	}
	return n
}

// groupInfo is a group as the entity catalog gives it.
type groupInfo struct {
	forms  map[string]locale.Noun
	pos    Pos  // its entry under groups:
	listed bool // groups: lists it
	used   Pos  // the first entity that names it
}
